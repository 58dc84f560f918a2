create table material_lot (
    id            text primary key,
    material_type text not null,
    kind          text not null check (kind in ('RAW', 'INTERMEDIATE')),
    quantity      numeric(14, 4) not null check (quantity >= 0),
    unit          text not null,
    supplier      text,
    supplier_lot  text,
    status        text not null,
    equipment     text,
    created_at    timestamptz not null,
    version       bigint not null default 0
);

-- What work-orders told us about each lot: the cells of a lot belong to its work order and product.
create table production_lot (
    lot        text primary key,
    work_order text not null,
    product    text not null
);

create table cell (
    serial     text primary key,
    lot        text not null,
    equipment  text not null,
    status     text not null,
    created_at timestamptz not null
);
create index cell_lot on cell (lot);

-- The as-built graph: parent (material lot) went into child (material lot or cell). Links are never edited.
create table link (
    id          bigserial primary key,
    parent_lot  text not null references material_lot (id),
    child_kind  text not null check (child_kind in ('MATERIAL_LOT', 'CELL')),
    child_id    text not null,
    quantity    numeric(14, 4) not null,
    unit        text not null,
    range_from  numeric(14, 4),
    range_to    numeric(14, 4),
    equipment   text not null,
    event_id    text not null,
    at          timestamptz not null
);
create index link_child on link (child_kind, child_id);
create index link_parent on link (parent_lot);
