-- Forward trace: what a material lot (parameter 1) reached in up to parameter 2 steps; one page of cells
-- (parameters 3 offset, 4 limit) and their total. GenealogyStore runs it; the trace benchmark runs the same text in psql.
with recursive down as (
    select l.child_kind, l.child_id, 1 as depth from live_link l where l.parent_lot = ?1
    union
    select l.child_kind, l.child_id, down.depth + 1
      from live_link l join down on down.child_kind = 'MATERIAL_LOT' and l.parent_lot = down.child_id
     where down.depth < ?2),
nodes as (select child_kind, child_id, min(depth) as depth from down group by child_kind, child_id),
cells as (select n.child_id as serial, n.depth, c.lot from nodes n join cell c on c.serial = n.child_id
           where n.child_kind = 'CELL'),
lots as (select lot, min(depth) as depth from (
            select lot, depth from cells
            union all select child_id, depth from nodes where child_kind = 'LOT') r group by lot)
select 'MATERIAL_LOT', child_id, depth, null, null, null from nodes where child_kind = 'MATERIAL_LOT'
union all
select 'LOT', l.lot, l.depth, p.work_order, p.product, l.lot
  from lots l left join production_lot p on p.lot = l.lot
union all
select 'CELL', pg.serial, pg.depth, p.work_order, p.product, pg.lot
  from (select * from cells order by depth, serial offset ?3 limit ?4) pg
  left join production_lot p on p.lot = pg.lot
union all
select distinct 'MODULE', mc.module, c.depth + 1, null, null, null
  from cells c join module_cell mc on mc.cell = c.serial
union all
select 'TOTAL', null, (select count(*) from cells), null, null, null
