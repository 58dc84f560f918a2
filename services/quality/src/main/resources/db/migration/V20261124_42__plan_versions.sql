-- Inspection plans are versioned per product: a version is the whole list of characteristics in force from its
-- release until the next one. Released by quality (PUT /plans/{product}) or from a released routing, which replaces
-- the characteristics of the routing's operations and keeps quality's settings for the codes it keeps.
create table inspection_plan (
    product       text not null,
    version       integer not null,
    origin        text not null,
    reason        text,
    released_by   text not null,
    released_at   timestamptz not null,
    superseded_at timestamptz,
    primary key (product, version)
);

alter table plan_characteristic
    add column plan_version  integer,
    add column control_lower numeric(18, 6),
    add column control_upper numeric(18, 6),
    add column sampling      text not null default 'EVERY_CELL'
        check (sampling in ('EVERY_CELL', 'PER_LOT', 'FIRST_LAST')),
    add column sample_size   integer check (sample_size > 0),
    add column source        text not null default 'EQUIPMENT' check (source in ('EQUIPMENT', 'MANUAL')),
    add column tag           text,
    add column entry_roles   text not null default 'quality',
    add column reactions     jsonb not null default '{}';
alter table plan_characteristic alter column routing drop not null;
alter table plan_characteristic alter column routing_version drop not null;

-- the plans released before versions existed: each release (one valid_from per product) is a version
insert into inspection_plan (product, version, origin, released_by, released_at, superseded_at)
select product, row_number() over (partition by product order by valid_from),
       'routing ' || min(routing) || ' version ' || min(routing_version), 'work-orders', valid_from,
       max(superseded_at)
  from plan_characteristic group by product, valid_from;
update plan_characteristic c set plan_version = p.version
  from inspection_plan p where p.product = c.product and p.released_at = c.valid_from;
alter table plan_characteristic alter column plan_version set not null;
create index plan_version_items on plan_characteristic (product, plan_version);

-- which version judged a measurement; a correction is a new row naming the one it corrects
alter table measurement
    add column plan_version integer,
    add column source       text not null default 'EQUIPMENT' check (source in ('EQUIPMENT', 'MANUAL')),
    add column entered_by   text,
    add column corrects     bigint unique references measurement (id),
    add column note         text;
create index measurement_series on measurement (product, characteristic, measured_at);

-- Where each lot's cells were stacked, and whether work-orders has decided it: an excursion of a dry room or
-- glovebox holds the lots still in process on its line.
alter table production_lot add column line text, add column decision text;
