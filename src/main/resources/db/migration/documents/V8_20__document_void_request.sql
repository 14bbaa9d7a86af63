-- 文书作废 takes two people: an officer requests it with the reason, a leader of the issuing unit approves
-- (or declines) it. Only an approved request writes doc_void, which the public verification page reads.
create table doc_void_request (
    id                bigserial primary key,
    document_id       bigint        not null references doc_issued (id),
    reason            varchar(1000) not null,
    requested_at      timestamp with time zone not null,
    requested_by      varchar(80)   not null,
    requested_by_user bigint        not null,
    decided_at        timestamp with time zone,
    decided_by        varchar(80),
    decided_by_user   bigint,
    approved          boolean
);
create unique index doc_void_request_open on doc_void_request (document_id) where decided_at is null;
