-- Execution of routing operations on lots: who started and completed what, with the parameters entered.
create table operation_run (
    id                   bigserial primary key,
    lot_id               bigint not null references lot (id),
    sequence             int not null,
    operation            text not null,
    state                text not null check (state in ('STARTED', 'COMPLETED')),
    station              text,
    started_at           timestamptz not null,
    started_by           text not null,
    completed_at         timestamptz,
    completed_by         text,
    completed_by_id      text,
    parameters           jsonb,
    out_of_limit_reason  text,
    good_quantity        int,
    scrap_quantity       int,
    scrap_reason         text,
    version              bigint not null default 0,
    unique (lot_id, operation)
);
