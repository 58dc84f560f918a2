-- Backward trace: every live link upstream of a cell or material lot (parameters 1 kind, 2 id), up to
-- parameter 3 steps, each once at its shortest depth, with the lot that went in. GenealogyStore runs it; the trace benchmark runs the same text in psql.
with recursive up as (
    select l.id, l.parent_lot, 1 as depth, l.child_id, l.quantity, l.unit, l.equipment, l.at,
           l.range_from, l.range_to, l.operation, l.recorded_by
      from live_link l where l.child_kind = ?1 and l.child_id = ?2
    union
    select l.id, l.parent_lot, up.depth + 1, l.child_id, l.quantity, l.unit, l.equipment, l.at,
           l.range_from, l.range_to, l.operation, l.recorded_by
      from live_link l join up on l.child_kind = 'MATERIAL_LOT' and l.child_id = up.parent_lot
     where up.depth < ?3)
select u.id, u.parent_lot, u.depth, u.child_id, u.quantity, u.unit, u.equipment, u.at, u.range_from,
       u.range_to, u.operation, u.recorded_by, m.material_type, m.kind, m.supplier, m.supplier_lot
  from (select distinct on (id) * from up order by id, depth) u
  join material_lot m on m.id = u.parent_lot
 order by u.depth, u.parent_lot, u.id
