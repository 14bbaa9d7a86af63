-- 签名样式: a user's registered signature, drawn once on 我的签名 and printed in the signature areas of the internal
-- approval forms (立案审批表, 案件处理呈批表 …) that the user signs. A new specimen replaces the current one; the old
-- ones stay (replaced_at set) so a document can always be traced to the specimen it was signed with (sha256).
create table doc_signature_specimen (
    id            bigserial primary key,
    username      varchar(80)  not null,
    display_name  varchar(80),
    png           bytea        not null,
    sha256        char(64)     not null,
    registered_at timestamp with time zone not null,
    registered_by varchar(80)  not null,
    replaced_at   timestamp with time zone
);
create index doc_signature_specimen_user on doc_signature_specimen (username, registered_at desc);
create unique index doc_signature_specimen_current on doc_signature_specimen (username) where replaced_at is null;

-- Demo purge: issued documents stay immutable (no UPDATE ever); a DELETE is let through only inside a transaction
-- that declared itself a demo purge (set_config('zhifa.documents_demo_purge', 'on', true)), which the documents
-- module does only for demo source references and records in the audit log.
create or replace function doc_issued_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('zhifa.documents_demo_purge', true), '') = 'on' then
        return old;
    end if;
    raise exception '已签发的文书不可修改或删除（文书编号 %）：更正请签发新版本并说明理由', old.id;
end;
$$;
