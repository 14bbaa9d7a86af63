-- documents module: authority settings, gap-free number series, issued (immutable) documents, voided numbers.
-- Plain SQL accepted by PostgreSQL and its domestic derivatives; the immutability trigger is PL/pgSQL.

-- How an authority signs its documents; editable by ADMIN (no code change needed).
create table doc_authority (
    organization_id bigint primary key,
    name            varchar(200) not null,
    short_name      varchar(40)  not null,
    government      varchar(200),
    review_body     varchar(200),
    court           varchar(200),
    address         varchar(300),
    postcode        varchar(10),
    contact         varchar(60),
    phone           varchar(40),
    payment_office  varchar(200),
    payment_account varchar(80),
    version         integer      not null default 0,
    updated_at      timestamp with time zone not null default current_timestamp,
    updated_by      varchar(80)
);

-- 代字 (PREFIX, key = template kind) and wording (WORDING, key = kind.paragraphId or fragment.id) overrides.
create table doc_authority_override (
    organization_id bigint        not null references doc_authority (organization_id),
    override_type   varchar(10)   not null check (override_type in ('PREFIX', 'WORDING')),
    override_key    varchar(120)  not null,
    text            varchar(4000) not null,
    primary key (organization_id, override_type, override_key)
);

-- One row per number series: authority (organisation + 机关简称), year and 代字. The row is locked by the
-- UPDATE ... RETURNING that takes the next serial, in the transaction that stores the document: gap-free.
create table doc_number_counter (
    organization_id bigint      not null,
    short_name      varchar(40) not null,
    prefix          varchar(40) not null,
    year            integer     not null,
    last_serial     integer     not null,
    primary key (organization_id, short_name, prefix, year)
);

create table doc_issued (
    id                   bigserial primary key,
    -- the unit the document belongs to (data scope) and the authority it was issued in the name of
    organization_id      bigint       not null,
    authority_org_id     bigint       not null,
    authority_name       varchar(200) not null,
    kind                 varchar(60)  not null,
    title                varchar(100) not null,
    number_text          varchar(100),
    short_name           varchar(40),
    prefix               varchar(40),
    number_year          integer,
    serial               integer,
    source_type          varchar(40)  not null,
    source_id            varchar(64)  not null,
    party_name           varchar(200),
    issue_date           date         not null,
    issued_at            timestamp with time zone not null,
    issued_by            varchar(80),
    verification_code    varchar(16)  not null unique,
    pdf                  bytea        not null,
    pdf_sha256           char(64)     not null,
    docx                 bytea        not null,
    docx_sha256          char(64)     not null,
    pages                integer      not null,
    content_json         text         not null,
    unsigned_areas       varchar(1000),
    refused_areas        varchar(1000),
    version              integer      not null default 1,
    supersedes_id        bigint references doc_issued (id),
    correction_reason    varchar(1000),
    idempotency_key      varchar(64) unique,
    -- a correction keeps the number of the document it corrects and counts up the version
    constraint doc_issued_number_unique unique (authority_org_id, short_name, prefix, number_year, serial, version),
    constraint doc_issued_correction_has_reason check (supersedes_id is null or correction_reason is not null)
);
create index doc_issued_source on doc_issued (source_type, source_id);
create index doc_issued_org_date on doc_issued (organization_id, issue_date);
create index doc_issued_kind on doc_issued (kind);
-- a version is corrected at most once (the correction chain is linear)
create unique index doc_issued_one_correction on doc_issued (supersedes_id);

-- A voided number stays recorded with its reason (the document row itself never changes).
create table doc_void (
    document_id bigint primary key references doc_issued (id),
    reason      varchar(1000) not null,
    voided_at   timestamp with time zone not null,
    voided_by   varchar(80)
);

-- Issued documents never change: no UPDATE, no DELETE. A correction is a new row with supersedes_id + reason.
create function doc_issued_immutable() returns trigger language plpgsql as $$
begin
    raise exception '已签发的文书不可修改或删除（文书编号 %）：更正请签发新版本并说明理由', old.id;
end;
$$;

create trigger doc_issued_no_change before update or delete on doc_issued
    for each row execute procedure doc_issued_immutable();
