-- An operation runs on a lot (cell null) and, within it, on single cells (cell = serial); each unit once.
alter table operation_run add column cell text;
alter table operation_run drop constraint operation_run_lot_id_operation_key;
create unique index operation_run_unit on operation_run (lot_id, operation, coalesce(cell, ''));
create index operation_run_cell on operation_run (cell) where cell is not null;

-- Pausing: STARTED <-> PAUSED, each pause kept with who, when and why.
alter table operation_run drop constraint operation_run_state_check;
alter table operation_run add constraint operation_run_state_check
    check (state in ('STARTED', 'PAUSED', 'COMPLETED'));
create table operation_pause (
    id         bigserial primary key,
    run_id     bigint not null references operation_run (id),
    paused_at  timestamptz not null,
    paused_by  text not null,
    reason     text not null,
    resumed_at timestamptz,
    resumed_by text
);
create index operation_pause_run on operation_pause (run_id);

-- Which lot a serial belongs to: the block whose range holds it.
create index serial_block_range on serial_block (first_value, last_value);
