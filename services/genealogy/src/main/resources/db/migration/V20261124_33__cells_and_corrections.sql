-- Products and their stage (SAMPLE 1 Ah ... PRODUCTION 60 Ah), as work-orders releases their routings.
create table product (
    code  text primary key,
    stage text not null
);

-- What ran on a cell or a production lot: from equipment's unit.started / unit.completed, one row per run of an
-- operation on a machine. The latest row of a cell or its lot is the cell's current operation.
create table unit_operation (
    id           bigserial primary key,
    unit_kind    text not null check (unit_kind in ('CELL', 'LOT')),
    unit_id      text not null,
    operation    text not null,
    equipment    text not null,
    started_at   timestamptz,
    completed_at timestamptz,
    parameters   jsonb not null default '{}',
    check (started_at is not null or completed_at is not null)
);
create index unit_operation_unit on unit_operation (unit_kind, unit_id, coalesce(started_at, completed_at));
-- a completion finds its start: the open run of the same operation on the same unit and machine
create index unit_operation_open on unit_operation (unit_kind, unit_id, operation, equipment) where completed_at is null;

-- The operation a link was recorded in (the machine's running operation, or what the operator named).
alter table link add column operation text;
-- The stacker's settings when the cell was born (cell.assembled parameters).
alter table cell add column parameters jsonb;

-- Corrections: a link found wrong is never edited. A correction row names it (it then no longer counts in any trace)
-- and, when the right material is known, the replacement link recorded with it.
create table link_correction (
    id           bigserial primary key,
    corrects     bigint not null unique references link (id),
    replacement  bigint references link (id),
    reason       text not null,
    corrected_by text not null,
    at           timestamptz not null
);

-- Modules, where a routing builds them: cells placed into a module, each position once.
create table module (
    serial     text primary key,
    product    text,
    lot        text,
    created_at timestamptz not null,
    created_by text not null
);
create table module_cell (
    module   text not null references module (serial),
    cell     text not null unique references cell (serial),
    position integer not null check (position > 0),
    placed_at timestamptz not null,
    primary key (module, position)
);

-- The graph as it stands: every link no correction names. Traces read this.
create view live_link as
select l.* from link l where not exists (select 1 from link_correction c where c.corrects = l.id);
