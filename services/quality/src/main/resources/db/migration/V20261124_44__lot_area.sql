-- The plant area a lot's cells are stacked in: an excursion holds the lots in process in its own area and line
-- (a dry room's excursion holds the assembly's lots; a glovebox in the electrolyte area holds none of them).
alter table production_lot add column area text;
