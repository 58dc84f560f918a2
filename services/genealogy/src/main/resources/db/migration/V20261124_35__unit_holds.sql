-- Quality's open holds on cells and production lots (from hold.placed / hold.released): a held cell, or a cell of a
-- held lot, is not built into a module.
create table unit_hold (
    item_type text not null check (item_type in ('CELL', 'LOT')),
    item_id   text not null,
    hold_id   bigint not null,
    reason    text,
    placed_at timestamptz not null,
    primary key (item_type, item_id, hold_id)
);
