-- Where a held work order resumes to, and why it was held, suspended, aborted or cancelled.
alter table work_order add column held_from text;
alter table work_order add column state_reason text;
