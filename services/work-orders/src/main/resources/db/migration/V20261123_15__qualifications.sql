-- Who may run which operations: training records kept by supervisors.
create table operator_qualification (
    id            bigserial primary key,
    username      text not null,
    qualification text not null,
    valid_until   date,
    granted_by    text not null,
    granted_at    timestamptz not null,
    revoked_at    timestamptz,
    revoked_by    text
);
create index operator_qualification_user on operator_qualification (username, qualification);
