-- What a cell format is made of: cathode, anode, electrolyte, format.
alter table product add column chemistry jsonb;
