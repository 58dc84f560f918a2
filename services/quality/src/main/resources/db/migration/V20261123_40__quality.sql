-- Inspection characteristics per product, from released routings. A new release supersedes, never edits.
create table plan_characteristic (
    id              bigserial primary key,
    product         text not null,
    routing         text not null,
    routing_version int not null,
    operation       text not null,
    characteristic  text not null,
    name            text not null,
    unit            text not null,
    lower_limit     numeric(18, 6),
    target          numeric(18, 6),
    upper_limit     numeric(18, 6),
    valid_from      timestamptz not null,
    superseded_at   timestamptz
);
create index plan_current on plan_characteristic (product, characteristic) where superseded_at is null;

create table production_lot (
    lot        text primary key,
    work_order text not null,
    product    text not null
);

create table cell_lot (
    cell text primary key,
    lot  text not null
);
create index cell_lot_lot on cell_lot (lot);

-- Measurements with the verdict against the limits in force when judged. Append-only: corrections are new rows.
create table measurement (
    id             bigserial primary key,
    event_id       text not null unique,
    equipment      text,
    characteristic text not null,
    value          numeric(18, 6) not null,
    unit           text not null,
    cell           text,
    lot            text,
    material_lot   text,
    product        text,
    lower_limit    numeric(18, 6),
    upper_limit    numeric(18, 6),
    verdict        text not null check (verdict in ('PASS', 'FAIL', 'NO_LIMITS')),
    reason         text,
    measured_at    timestamptz not null,
    recorded_at    timestamptz not null default now()
);
create index measurement_cell on measurement (cell, characteristic, measured_at);
create index measurement_lot on measurement (lot);

create trigger measurement_no_update before update or delete on measurement
    for each row execute function audit_log_is_append_only();
