create table product (
    id                  bigserial primary key,
    code                text not null unique,
    name                text not null,
    stage               text not null check (stage in ('SAMPLE', 'VALIDATION', 'PROCESS', 'PRODUCTION')),
    nominal_capacity_ah numeric(10, 3) not null check (nominal_capacity_ah > 0),
    scaled_from_id      bigint references product (id),
    created_at          timestamptz not null,
    version             bigint not null default 0
);

-- A routing version; its operations (with gating characteristics and limits) are one JSON document, frozen
-- once released.
create table routing (
    id           bigserial primary key,
    code         text not null,
    version      int not null,
    product_id   bigint not null references product (id),
    status       text not null check (status in ('DRAFT', 'RELEASED', 'OBSOLETE')),
    operations   jsonb not null,
    created_at   timestamptz not null,
    released_at  timestamptz,
    row_version  bigint not null default 0,
    unique (code, version)
);
create unique index routing_one_released_per_product on routing (product_id) where status = 'RELEASED';

create sequence work_order_number_seq;

create table work_order (
    id               bigserial primary key,
    number           text not null unique,
    product_id       bigint not null references product (id),
    routing_id       bigint not null references routing (id),
    routing_snapshot jsonb not null,
    planned_quantity int not null check (planned_quantity > 0),
    lot_size         int not null check (lot_size > 0),
    state            text not null,
    priority         int not null default 500,
    due_date         date,
    created_at       timestamptz not null,
    version          bigint not null default 0
);

create table lot (
    id                  bigserial primary key,
    lot_number          text not null unique,
    work_order_id       bigint not null references work_order (id),
    planned_quantity    int not null check (planned_quantity > 0),
    state               text not null,
    last_operation_by   text,
    decided_at          timestamptz,
    decision_signature  uuid,
    created_at          timestamptz not null,
    version             bigint not null default 0
);
create index lot_work_order on lot (work_order_id);
