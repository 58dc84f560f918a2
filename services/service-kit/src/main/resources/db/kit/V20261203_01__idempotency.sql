-- Idempotency keys of REST requests (Idempotency-Key header): the answer of a request applied once, written in the
-- same transaction as its change, so that a repeated request gets it again instead of applying twice. A key belongs
-- to the user who sent it. The row is inserted first in the business transaction: an identical request at the same
-- moment waits on the primary key until the first commits (then replays) or rolls back (then applies).
create table idempotency_key (
    actor_id        text not null,
    idempotency_key text not null,
    method          text not null,
    target          text not null,
    body_sha256     text not null,
    status          integer,
    content_type    text,
    headers         text,
    body            bytea,
    created_at      timestamptz not null default now(),
    primary key (actor_id, idempotency_key)
);
create index idempotency_key_created on idempotency_key (created_at);
