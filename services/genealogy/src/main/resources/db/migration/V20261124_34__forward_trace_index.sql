-- Forward trace reads the children of a lot of one kind at a time (material lots while it recurses, then cells and
-- production lots). A lot that fed 100,000 cells has about a million cell links: with the child, the link id and the
-- cell's production lot in the index, the trace reads the index only, and needs no lookup of 100,000 cells for
-- their lots. A cell never changes lot, so the copy cannot go stale.
alter table link add column cell_lot text;
update link l set cell_lot = c.lot from cell c where l.child_kind = 'CELL' and l.child_id = c.serial;
create index link_parent_kind on link (parent_lot, child_kind) include (child_id, id, cell_lot);
drop index link_parent;
