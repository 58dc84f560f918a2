-- Ingest at scale: process values in daily partitions, raw payloads kept only where they are the record.

-- A data message's values live in process_value; its key stays here for idempotency, its payload does not.
alter table equipment_message alter column payload drop not null;

-- Process values, one row per tag and sample, partitioned by day of the equipment's timestamp. Partitions are
-- created by the ingest as days appear (ProcessDataStore); dropping an old day is how retention works.
create table process_value (
    equipment_id text not null,
    tag          text not null,
    ts           timestamptz not null,
    value        double precision not null,
    lot          text,
    cell         text,
    material_lot text
) partition by range (ts);
create index process_value_series on process_value (equipment_id, tag, ts);
create index process_value_cell on process_value (cell, ts) where cell is not null;
create index process_value_lot on process_value (lot, ts) where lot is not null;
create index process_value_material_lot on process_value (material_lot, ts) where material_lot is not null;

-- Units a machine reports done (unit.completed): good and scrap counts for OEE's performance and quality.
create table unit_count (
    equipment_id text not null references equipment (id),
    ts           timestamptz not null,
    operation    text not null,
    good         integer not null check (good >= 0),
    scrap        integer not null check (scrap >= 0),
    lot          text,
    cell         text
);
create index unit_count_range on unit_count (equipment_id, ts);

-- ISA-95 hierarchy above the equipment: enterprise, site, area, line, work cell. A node's id is its path of codes
-- from the site down (pilot, pilot/assembly, pilot/assembly/L1, ...), the same path as in the MQTT topics.
create table hierarchy_node (
    id        text primary key,
    level     text not null check (level in ('ENTERPRISE', 'SITE', 'AREA', 'LINE', 'WORK_CELL')),
    code      text not null,
    name      text not null,
    parent_id text references hierarchy_node (id)
);

-- Equipment classes of this plant and the tags each publishes, with unit and meaning.
create table equipment_class (
    id                  text primary key,
    name                text not null,
    description         text,
    ideal_cycle_seconds numeric check (ideal_cycle_seconds > 0)
);
create table equipment_class_tag (
    equipment_class text not null references equipment_class (id),
    tag             text not null,
    unit            text not null,
    meaning         text not null,
    primary key (equipment_class, tag)
);

alter table equipment
    add column work_cell           text,
    add column ideal_cycle_seconds numeric check (ideal_cycle_seconds > 0);

-- Environment limits per dry room or glovebox and tag; a value outside them opens an excursion.
create table environment_limit (
    equipment_id text not null references equipment (id),
    tag          text not null,
    lower_limit  double precision,
    upper_limit  double precision,
    unit         text not null,
    version      bigint not null default 0,
    primary key (equipment_id, tag),
    check (lower_limit is not null or upper_limit is not null),
    check (lower_limit is null or upper_limit is null or lower_limit < upper_limit)
);

-- Excursions: from the first reading outside the limits to the first one back inside, with the worst value.
create table environment_excursion (
    id           bigserial primary key,
    equipment_id text not null references equipment (id),
    tag          text not null,
    lower_limit  double precision,
    upper_limit  double precision,
    unit         text not null,
    started_at   timestamptz not null,
    ended_at     timestamptz,
    worst_value  double precision not null,
    worst_at     timestamptz not null
);
create unique index environment_excursion_open on environment_excursion (equipment_id, tag) where ended_at is null;
create index environment_excursion_history on environment_excursion (equipment_id, started_at);

-- Sparkplug B: what births declared (metric name and data type per alias), kept across restarts.
create table sparkplug_metric (
    group_id  text not null,
    edge_node text not null,
    device    text not null default '',
    alias     bigint not null,
    name      text not null,
    datatype  integer not null,
    primary key (group_id, edge_node, device, alias)
);

-- The latest value of each tag, for screens; stale once the device is known to be offline (Sparkplug death).
create table current_value (
    equipment_id text not null references equipment (id),
    tag          text not null,
    value        double precision not null,
    ts           timestamptz not null,
    stale        boolean not null default false,
    primary key (equipment_id, tag)
);
