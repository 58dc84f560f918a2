-- Cell serials: one plant-wide counter that only grows, so a serial is never issued twice or reused.
create table serial_counter (
    id         int primary key check (id = 1),
    next_value bigint not null
);
insert into serial_counter (id, next_value) values (1, 1);

-- Blocks handed to a lot (a station labels offline from its block).
create table serial_block (
    id           bigserial primary key,
    lot_id       bigint not null references lot (id),
    first_value  bigint not null,
    last_value   bigint not null,
    allocated_at timestamptz not null,
    allocated_by text not null,
    station      text,
    check (last_value >= first_value)
);
create index serial_block_lot on serial_block (lot_id);
