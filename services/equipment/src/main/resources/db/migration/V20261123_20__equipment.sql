-- ISA-95 registry, flattened for now: each piece of equipment knows its site, area and line.
create table equipment (
    id              text primary key,
    name            text not null,
    equipment_class text not null,
    site            text not null,
    area            text not null,
    line            text not null,
    current_state   text,
    current_mode    text,
    state_since     timestamptz,
    version         bigint not null default 0
);

-- Every accepted equipment message, once: (equipment, eventId) is the idempotency key.
create table equipment_message (
    id           bigserial primary key,
    equipment_id text not null references equipment (id),
    event_id     text not null,
    channel      text not null,
    ts           timestamptz not null,
    received_at  timestamptz not null default now(),
    payload      jsonb not null,
    unique (equipment_id, event_id)
);
create index equipment_message_ts on equipment_message (equipment_id, ts);

-- PackML state history.
create table equipment_state (
    id           bigserial primary key,
    equipment_id text not null references equipment (id),
    state        text not null,
    mode         text not null,
    ts           timestamptz not null,
    event_id     text not null
);
create index equipment_state_history on equipment_state (equipment_id, ts);
