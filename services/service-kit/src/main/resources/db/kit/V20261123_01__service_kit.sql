-- Tables every service has in the same shape (service-kit). Versions are dates so that kit and service
-- migrations interleave in the order they were written.

-- Append-only, hash-chained audit trail: each row's hash covers the previous row's hash.
create table audit_log (
    seq         bigserial primary key,
    at          timestamptz not null,
    actor_id    text not null,
    actor_name  text not null,
    action      text not null,
    entity_type text not null,
    entity_id   text not null,
    old_value   text,
    new_value   text,
    reason      text,
    prev_hash   text not null,
    hash        text not null unique
);
create index audit_log_entity on audit_log (entity_type, entity_id, seq);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Electronic signatures (lot approval, hold release, NCR disposition).
create table electronic_signature (
    id           uuid primary key,
    signer_id    text not null,
    signer_name  text not null,
    printed_name text not null,
    signed_at    timestamptz not null,
    auth_time    timestamptz not null,
    meaning      text not null,
    reason       text not null,
    entity_type  text not null,
    entity_id    text not null
);
create index electronic_signature_entity on electronic_signature (entity_type, entity_id);

-- Transactional outbox: a row exists if and only if the business transaction committed.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid not null unique,
    topic        text not null,
    payload      text not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

-- Idempotent consumption: the ids of the messages already processed.
create table processed_message (
    message_id   text primary key,
    processed_at timestamptz not null default now()
);

-- Messages that could not be processed, with the reason; ingest goes on without them.
create table dead_letter (
    id          bigserial primary key,
    received_at timestamptz not null default now(),
    topic       text not null,
    payload     text not null,
    reason      text not null
);
