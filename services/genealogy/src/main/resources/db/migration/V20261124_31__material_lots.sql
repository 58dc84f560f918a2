-- Material lots as received: what arrived, until when it may be used, what the supplier certified; consumables.
alter table material_lot
    add column received_quantity numeric(14, 4),
    add column expires_on        date,
    add column certificate       jsonb;
update material_lot set received_quantity = quantity where received_quantity is null;
alter table material_lot drop constraint material_lot_kind_check;
alter table material_lot add constraint material_lot_kind_check check (kind in ('RAW', 'INTERMEDIATE', 'CONSUMABLE'));
alter table material_lot add constraint material_lot_status_check
    check (status in ('AVAILABLE', 'ON_HOLD', 'CONSUMED', 'SCRAPPED'));

-- Holds quality placed on material lots (hold.placed / hold.released): a lot with an open hold is not consumed.
-- No foreign key: a hold may name a lot before its receipt is recorded here.
create table material_lot_hold (
    material_lot text not null,
    hold_id      bigint not null,
    reason       text,
    placed_at    timestamptz not null,
    primary key (material_lot, hold_id)
);

-- Consumption into a production lot (not only into a cell or a material lot), and by a person (no equipment).
alter table link drop constraint link_child_kind_check;
alter table link add constraint link_child_kind_check check (child_kind in ('MATERIAL_LOT', 'CELL', 'LOT'));
alter table link alter column equipment drop not null;
alter table link add column recorded_by text;
