-- Alarms as occurrences: raised at, cleared at (null while active). One active occurrence per equipment and code.
create table equipment_alarm (
    id             bigserial primary key,
    equipment_id   text not null references equipment (id),
    code           text not null,
    severity       text not null,
    text           text,
    raised_at      timestamptz not null,
    raise_event_id text not null,
    cleared_at     timestamptz,
    clear_event_id text
);
create unique index equipment_alarm_active on equipment_alarm (equipment_id, code) where cleared_at is null;
create index equipment_alarm_history on equipment_alarm (equipment_id, raised_at);

-- Calibration and maintenance tasks with their due dates: an overdue task makes the equipment unavailable.
create table service_task (
    id            bigserial primary key,
    equipment_id  text not null references equipment (id),
    task          text not null,
    kind          text not null check (kind in ('CALIBRATION', 'MAINTENANCE')),
    interval_days integer not null check (interval_days > 0),
    due_on        date not null,
    last_done_on  date,
    last_done_by  text,
    reference     text,
    version       bigint not null default 0,
    unique (equipment_id, task)
);
