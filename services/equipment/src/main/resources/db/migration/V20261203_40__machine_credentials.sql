-- Each machine's broker credential: issued by the registry, shown once, kept only as a salted hash. A revoked
-- credential keeps its row (who issued and revoked it, when); issuing again replaces the hash.
create table machine_credential (
    equipment_id text primary key references equipment (id),
    username text not null unique,
    password_hash text not null,
    issued_at timestamptz not null,
    issued_by text not null,
    revoked_at timestamptz,
    revoked_by text
);
