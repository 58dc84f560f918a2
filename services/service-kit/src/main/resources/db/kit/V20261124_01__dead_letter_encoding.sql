-- Binary payloads (Sparkplug B) are dead-lettered whole, as base64.
alter table dead_letter add column encoding text not null default 'utf-8' check (encoding in ('utf-8', 'base64'));
