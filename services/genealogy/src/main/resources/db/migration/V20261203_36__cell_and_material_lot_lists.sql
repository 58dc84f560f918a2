-- Cells searched by the start of their serial (a label read in part): serials compare byte by byte whatever the
-- database's collation, so a prefix is a range of this index, in the order the list shows.
create index cell_serial_c on cell ((serial collate "C"));
-- A station's material picker: the lots of one material type in one status.
create index material_lot_type_status on material_lot (material_type, status);
