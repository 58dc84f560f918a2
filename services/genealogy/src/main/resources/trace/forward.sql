-- Forward trace: what a material lot (parameter 1) reached in up to parameter 2 steps; one page of cells
-- (parameters 3 offset, 4 limit) and their total. GenealogyStore runs it; the trace benchmark runs the same text in psql.
-- Two phases, because a precursor lot fans out to about a million cell links: first the material lots, recursively
-- (a few thousand), then the cells and production lots they went into, in one pass over the index on
-- link (parent_lot, child_kind), which carries each cell's production lot, skipping corrected links with a hashed
-- lookup rather than a join per link.
with recursive down as (
    select l.child_id, 1 as depth from live_link l where l.parent_lot = ?1 and l.child_kind = 'MATERIAL_LOT'
    union
    select l.child_id, d.depth + 1
      from live_link l join down d on l.parent_lot = d.child_id
     where l.child_kind = 'MATERIAL_LOT' and d.depth < ?2),
material as (select child_id, min(depth) as depth from down group by child_id),
sources as (select cast(?1 as text) as lot, 0 as depth union all select child_id, depth from material),
leaf as (select l.child_kind, l.child_id, l.cell_lot, min(s.depth) + 1 as depth
           from sources s join link l on l.parent_lot = s.lot
          where l.child_kind <> 'MATERIAL_LOT' and s.depth < ?2
            and l.id not in (select corrects from link_correction)
          group by l.child_kind, l.child_id, l.cell_lot),
cells as (select child_id as serial, depth, cell_lot as lot from leaf where child_kind = 'CELL'),
lots as (select lot, min(depth) as depth from (
            select lot, depth from cells where lot is not null
            union all select child_id, depth from leaf where child_kind = 'LOT') r group by lot)
select 'MATERIAL_LOT', child_id, depth, null, null, null from material
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
