-- A year of 60 Ah production in the genealogy database: {cells} cells, 20 links each, from raw lots through
-- electrolyte batches, cathode mixes, coils, sub-coils and electrolyte film rolls. Cells come in windows of 1,000
-- (one production lot each, ten lots per work order); each window has its own electrolyte batch, two mixes and
-- coils, eight sub-coils, six film rolls and four lithium foil rolls. A Li2S lot feeds 100 batches, so its forward
-- trace reaches exactly 100,000 cells. Run by TraceBenchmark statement by statement ({windows} = {cells} / 1000).
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
alter table link drop constraint if exists link_parent_lot_fkey;
drop index if exists link_child;
drop index if exists link_parent_kind;
drop index if exists unit_operation_unit;
insert into product (code, stage) values ('CELL-60AH', 'PRODUCTION') on conflict do nothing;
-- raw lots: prefix, material type, how many, unit, supplier
insert into material_lot (id, material_type, kind, quantity, received_quantity, unit, supplier, supplier_lot, status,
                          created_at, certificate)
select r.prefix || '-' || lpad(k::text, 6, '0'), r.type, 'RAW', 0, r.qty, r.unit, r.supplier, 'S' || k, 'CONSUMED',
       timestamptz '2025-11-20 00:00:00+00', '{"moisturePpm": 80}'::jsonb
  from (values ('LI2S', 'LI2S', ceil({windows} / 100.0), 'kg', 'Sulfide Co', 200),
               ('P2S5', 'P2S5', ceil({windows} / 100.0), 'kg', 'Sulfide Co', 150),
               ('LICL', 'LICL', ceil({windows} / 50.0), 'kg', 'Halide Inc', 50),
               ('NCM', 'NCM811', ceil({windows} / 10.0), 'kg', 'Cathode AG', 500),
               ('BIND', 'BINDER', ceil({windows} / 20.0), 'kg', 'Polymer SA', 20),
               ('CARB', 'CARBON', ceil({windows} / 20.0), 'kg', 'Carbon Ltd', 20),
               ('ALF', 'AL_FOIL', ceil({windows} / 5.0), 'm', 'Foil GmbH', 5000),
               ('LIF', 'LI_FOIL', {windows} * 4, 'm', 'Lithium Ltd', 2000),
               ('POUCH', 'POUCH_FOIL', ceil({windows} / 10.0), 'm', 'Pack Co', 5000),
               ('ALTAB', 'AL_TAB', ceil({windows} / 10.0), 'pcs', 'Tab Co', 10000),
               ('NITAB', 'NI_TAB', ceil({windows} / 10.0), 'pcs', 'Tab Co', 10000),
               ('SEAL', 'TAB_SEALANT', ceil({windows} / 10.0), 'pcs', 'Tab Co', 10000))
       as r(prefix, type, n, unit, supplier, qty)
 cross join lateral generate_series(0, r.n::int - 1) k;
-- intermediates: one electrolyte batch per window, two mixes and coils, eight sub-coils, six film rolls
insert into material_lot (id, material_type, kind, quantity, received_quantity, unit, status, equipment, created_at)
select r.prefix || '-' || lpad(k::text, 6, '0'), r.type, 'INTERMEDIATE', 0, r.qty, r.unit, 'CONSUMED', r.equipment,
       timestamptz '2025-11-24 00:00:00+00' + (k * r.per) * interval '31.536 seconds' * (1000000.0 / {cells})
  from (values ('EB', 'ARGYRODITE', {windows}, 'kg', 'SYN-01', 4, 1000),
               ('CM', 'CATHODE_MIX', {windows} * 2, 'kg', 'MIX-01', 6, 500),
               ('COIL', 'CATHODE_COIL', {windows} * 2, 'm', 'COAT-01', 1000, 500),
               ('SUB', 'CATHODE_SUBCOIL', {windows} * 8, 'm', 'SLIT-01', 250, 125),
               ('FILM', 'SE_FILM', {windows} * 6, 'm', 'SEFILM-01', 300, 166))
       as r(prefix, type, n, unit, equipment, qty, per)
 cross join lateral generate_series(0, r.n - 1) k;
insert into link (parent_lot, child_kind, child_id, quantity, unit, range_from, range_to, equipment, event_id, at)
select parent, 'MATERIAL_LOT', child, quantity, unit, range_from, range_to, equipment, 'gen-' || child || '-' || parent,
       timestamptz '2025-11-24 00:00:00+00'
  from (select 'LI2S-' || lpad((b / 100)::text, 6, '0') parent, 'EB-' || lpad(b::text, 6, '0') child, 2 quantity,
               'kg' unit, null::numeric range_from, null::numeric range_to, 'SYN-01' equipment
          from generate_series(0, {windows} - 1) b
        union all select 'P2S5-' || lpad((b / 100)::text, 6, '0'), 'EB-' || lpad(b::text, 6, '0'), 1.5, 'kg', null,
               null, 'SYN-01' from generate_series(0, {windows} - 1) b
        union all select 'LICL-' || lpad((b / 50)::text, 6, '0'), 'EB-' || lpad(b::text, 6, '0'), 0.5, 'kg', null,
               null, 'SYN-01' from generate_series(0, {windows} - 1) b
        union all select 'NCM-' || lpad((m / 20)::text, 6, '0'), 'CM-' || lpad(m::text, 6, '0'), 5, 'kg', null, null,
               'MIX-01' from generate_series(0, {windows} * 2 - 1) m
        union all select 'EB-' || lpad((m / 2)::text, 6, '0'), 'CM-' || lpad(m::text, 6, '0'), 1, 'kg', null, null,
               'MIX-01' from generate_series(0, {windows} * 2 - 1) m
        union all select 'BIND-' || lpad((m / 40)::text, 6, '0'), 'CM-' || lpad(m::text, 6, '0'), 0.1, 'kg', null,
               null, 'MIX-01' from generate_series(0, {windows} * 2 - 1) m
        union all select 'CARB-' || lpad((m / 40)::text, 6, '0'), 'CM-' || lpad(m::text, 6, '0'), 0.1, 'kg', null,
               null, 'MIX-01' from generate_series(0, {windows} * 2 - 1) m
        union all select 'CM-' || lpad(c::text, 6, '0'), 'COIL-' || lpad(c::text, 6, '0'), 6, 'kg', null, null,
               'COAT-01' from generate_series(0, {windows} * 2 - 1) c
        union all select 'ALF-' || lpad((c / 10)::text, 6, '0'), 'COIL-' || lpad(c::text, 6, '0'), 1000, 'm', null,
               null, 'COAT-01' from generate_series(0, {windows} * 2 - 1) c
        union all select 'COIL-' || lpad((s / 4)::text, 6, '0'), 'SUB-' || lpad(s::text, 6, '0'), 250, 'm',
               (s % 4) * 250, (s % 4) * 250 + 250, 'SLIT-01' from generate_series(0, {windows} * 8 - 1) s
        union all select 'EB-' || lpad((f / 6)::text, 6, '0'), 'FILM-' || lpad(f::text, 6, '0'), 0.5, 'kg', null,
               null, 'SEFILM-01' from generate_series(0, {windows} * 6 - 1) f) made;
insert into production_lot (lot, work_order, product)
select 'LOT-' || lpad(w::text, 6, '0'), 'WO-' || lpad((w / 10)::text, 5, '0'), 'CELL-60AH'
  from generate_series(0, {windows} - 1) w;
insert into cell (serial, lot, equipment, status, created_at)
select 'C60-' || lpad(i::text, 7, '0'), 'LOT-' || lpad((i / 1000)::text, 6, '0'), 'STACK-01', 'RELEASED',
       timestamptz '2025-11-24 00:00:00+00' + i * interval '31.536 seconds' * (1000000.0 / {cells})
  from generate_series(0, {cells} - 1) i;
-- 20 links per cell: six sheet groups from sub-coils, six from film rolls, four lithium foil rolls, pouch, tabs, sealant
insert into link (parent_lot, child_kind, child_id, quantity, unit, equipment, event_id, at, cell_lot)
select case when j < 6 then 'SUB-' || lpad((w * 8 + (i % 8 + j) % 8)::text, 6, '0')
            when j < 12 then 'FILM-' || lpad((w * 6 + j - 6)::text, 6, '0')
            when j < 16 then 'LIF-' || lpad((w * 4 + j - 12)::text, 6, '0')
            when j = 16 then 'POUCH-' || lpad((w / 10)::text, 6, '0')
            when j = 17 then 'ALTAB-' || lpad((w / 10)::text, 6, '0')
            when j = 18 then 'NITAB-' || lpad((w / 10)::text, 6, '0')
            else 'SEAL-' || lpad((w / 10)::text, 6, '0') end,
       'CELL', 'C60-' || lpad(i::text, 7, '0'),
       case when j < 16 then 0.4 else 1 end, case when j < 16 or j = 16 then 'm' else 'pcs' end, 'STACK-01',
       'gen-c' || i, timestamptz '2025-11-24 00:00:00+00' + i * interval '31.536 seconds' * (1000000.0 / {cells}),
       'LOT-' || lpad(w::text, 6, '0')
  from generate_series(0, {cells} - 1) i cross join generate_series(0, 19) j cross join lateral (select i / 1000 w) x;
-- what ran on each cell (stacking to leak test) and on each lot (formation, aging, grading), with the settings
insert into unit_operation (unit_kind, unit_id, operation, equipment, started_at, completed_at, parameters)
select 'CELL', 'C60-' || lpad(i::text, 7, '0'), o.operation, o.equipment,
       timestamptz '2025-11-24 00:00:00+00' + i * interval '31.536 seconds' * (1000000.0 / {cells})
           + o.k * interval '10 minutes',
       timestamptz '2025-11-24 00:00:00+00' + i * interval '31.536 seconds' * (1000000.0 / {cells})
           + o.k * interval '10 minutes' + interval '4 minutes', o.parameters::jsonb
  from generate_series(0, {cells} - 1) i
 cross join (values (0, 'STACKING', 'STACK-01', '{"layers": 24, "alignmentUm": 40}'),
                    (1, 'DENSIFICATION', 'WIP-01', '{"pressureMPa": 480, "holdS": 300, "temperatureC": 25}'),
                    (2, 'SEALING', 'SEAL-01', '{"sealTemperatureC": 185, "sealTimeS": 6}'),
                    (3, 'LEAK_TEST', 'LEAK-01', '{"h2sPpm": 0.1}')) as o(k, operation, equipment, parameters);
insert into unit_operation (unit_kind, unit_id, operation, equipment, started_at, completed_at, parameters)
select 'LOT', 'LOT-' || lpad(w::text, 6, '0'), o.operation, o.equipment,
       timestamptz '2025-11-24 00:00:00+00' + (w + 1) * interval '8.76 hours' * (1000.0 / {windows})
           + o.k * interval '1 day',
       timestamptz '2025-11-24 00:00:00+00' + (w + 1) * interval '8.76 hours' * (1000.0 / {windows})
           + (o.k + 1) * interval '1 day', o.parameters::jsonb
  from generate_series(0, {windows} - 1) w
 cross join (values (0, 'FORMATION', 'FORM-01', '{"stackPressureMPa": 5, "cRate": 0.05}'),
                    (1, 'AGING', 'AGE-01', '{"temperatureC": 45}'),
                    (2, 'GRADING', 'GRADE-01', '{"cRate": 0.33}')) as o(k, operation, equipment, parameters);
create index unit_operation_unit on unit_operation (unit_kind, unit_id, coalesce(started_at, completed_at));
create index link_child on link (child_kind, child_id);
create index link_parent_kind on link (parent_lot, child_kind) include (child_id, id, cell_lot);
alter table link add constraint link_parent_lot_fkey foreign key (parent_lot) references material_lot (id) not valid;
alter table link validate constraint link_parent_lot_fkey;
vacuum analyze;
create table bench_generated (cells integer not null, script text not null);
insert into bench_generated values ({cells}, '{script}');
