-- Exposure clocks of moisture-sensitive material: minutes outside inert or dry atmosphere, against a limit per
-- material type. Time in an AMBIENT place counts; time in a dry room or glovebox counts while it is in excursion.
create table exposure_limit (
    material_type text primary key,
    limit_minutes integer not null check (limit_minutes > 0)
);

-- Where a material lot has been: one open row (until null) per lot.
create table material_lot_location (
    id           bigserial primary key,
    material_lot text not null references material_lot (id),
    location     text not null,
    atmosphere   text not null check (atmosphere in ('INERT', 'DRY', 'AMBIENT')),
    since        timestamptz not null,
    until        timestamptz,
    recorded_by  text not null
);
create unique index material_lot_location_now on material_lot_location (material_lot) where until is null;
create index material_lot_location_history on material_lot_location (material_lot, since);

-- Dry-room and glovebox excursions, as the equipment service announced them.
create table environment_excursion (
    equipment  text not null,
    started_at timestamptz not null,
    ended_at   timestamptz,
    tag        text not null,
    primary key (equipment, tag, started_at)
);

alter table material_lot add column exposure_exceeded_at timestamptz;

-- Seconds a lot has been exposed up to a time: every AMBIENT stay, plus the part of each dry-room or glovebox stay
-- that fell in an excursion of that room (excursions of several tags at once count once).
create function exposure_seconds(lot text, upto timestamptz) returns double precision language sql stable as $$
    select coalesce((select sum(extract(epoch from (least(coalesce(x.until, upto), upto) - x.since)))
                       from material_lot_location x
                      where x.material_lot = lot and x.atmosphere = 'AMBIENT' and x.since < upto), 0)
         + coalesce((select sum(extract(epoch from (upper(r) - lower(r))))
                       from material_lot_location x,
                            lateral unnest((select range_agg(tstzrange(e.started_at, coalesce(e.ended_at, upto)))
                                              from environment_excursion e
                                             where e.equipment = x.location and e.started_at < upto)
                                           * tstzmultirange(tstzrange(x.since, greatest(x.since, coalesce(x.until, upto)))))
                            as r
                      where x.material_lot = lot and x.atmosphere <> 'AMBIENT' and x.since < upto), 0)
$$;
