-- Nonconformance reports: what is wrong (defect code, description), with which items, why (root cause), and what
-- is done about it (disposition, signed by quality). OPEN until disposed; a disposed NCR is closed for good.
create table ncr (
    id                    bigserial primary key,
    product               text,
    defect_code           text not null,
    description           text not null,
    root_cause            text,
    status                text not null default 'OPEN' check (status in ('OPEN', 'DISPOSED')),
    disposition           text check (disposition in ('SCRAP', 'REWORK', 'USE_AS_IS', 'RETURN_TO_SUPPLIER')),
    opened_by             text not null,
    opened_at             timestamptz not null,
    disposed_by           text,
    disposed_at           timestamptz,
    disposition_signature uuid,
    disposition_reason    text,
    source                text not null default 'PERSON' check (source in ('PERSON', 'GRADING')),
    version               bigint not null default 0
);
create index ncr_product_period on ncr (product, opened_at);
create table ncr_item (
    ncr       bigint not null references ncr (id),
    item_type text not null check (item_type in ('CELL', 'LOT', 'MATERIAL_LOT', 'EQUIPMENT')),
    item_id   text not null,
    primary key (ncr, item_type, item_id)
);
create index ncr_item_lookup on ncr_item (item_type, item_id);

-- The stage of each product (from routings), for comparing the stages' capability.
create table product_stage (
    product text primary key,
    stage   text not null
);

-- Grade bins per product (cell format): a cell takes the first bin (by rank) whose every bound it meets.
create table grade_bin (
    product       text not null,
    grade         text not null,
    rank          integer not null,
    capacity_min  numeric(18, 6),
    capacity_max  numeric(18, 6),
    acir_max      numeric(18, 6),
    k_value_max   numeric(18, 6),
    ocv_min       numeric(18, 6),
    ocv_max       numeric(18, 6),
    primary key (product, grade)
);

-- Formation, aging and grading results per cell as the cycler reported them, with the grade given.
create table cell_grading (
    id               bigserial primary key,
    cell             text not null,
    lot              text,
    product          text,
    cycler           text not null,
    ocv1_v           numeric(18, 6) not null,
    ocv1_at          timestamptz not null,
    ocv2_v           numeric(18, 6) not null,
    ocv2_at          timestamptz not null,
    k_value          numeric(18, 6) not null,
    acir_mohm        numeric(18, 6) not null,
    capacity_ah      numeric(18, 6) not null,
    pressure_min_mpa numeric(18, 6),
    pressure_max_mpa numeric(18, 6),
    pressure_log     jsonb,
    grade            text,
    ncr              bigint references ncr (id),
    imported_by      text not null,
    imported_at      timestamptz not null
);
create index cell_grading_cell on cell_grading (cell, imported_at);
alter table cell_grading add column verdict text not null default 'PASS' check (verdict in ('PASS', 'FAIL')),
    add column reasons jsonb not null default '[]';

-- Process parameter limits of each product's routing (e.g. formation stack pressure), from routing.released.
create table process_limit (
    product     text not null,
    operation   text not null,
    parameter   text not null,
    unit        text not null,
    lower_limit numeric(18, 6),
    upper_limit numeric(18, 6),
    primary key (product, operation, parameter)
);
