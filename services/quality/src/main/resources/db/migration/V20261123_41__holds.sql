-- Holds on a cell, lot, material lot or equipment: open until released by the quality role under a signature.
create table hold (
    id                bigserial primary key,
    item_type         text not null check (item_type in ('CELL', 'LOT', 'MATERIAL_LOT', 'EQUIPMENT')),
    item_id           text not null,
    reason            text not null,
    source            text not null check (source in ('PERSON', 'RULE', 'EXCURSION', 'EXPOSURE')),
    placed_by         text not null,
    placed_at         timestamptz not null,
    released_at       timestamptz,
    released_by       text,
    release_signature uuid,
    release_reason    text,
    version           bigint not null default 0
);
create index hold_open on hold (item_type, item_id) where released_at is null;
create index hold_item on hold (item_type, item_id, placed_at);
