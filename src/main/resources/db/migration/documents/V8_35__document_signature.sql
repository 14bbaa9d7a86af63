-- issue 14: an SM2 signature (GB/T 32918, over SM3) of each issued document's statement — verification code,
-- authority, title, number, issue date and the SHA-256 of the issued PDF — made at issue with the platform's
-- document-signing key (outside the database) and checked by the public verification page.
create table doc_signature (
  document_id      bigint primary key references doc_issued (id),
  algorithm        varchar(20)  not null,
  signed_statement text         not null,
  signature        varchar(200) not null,
  public_key       varchar(140) not null,
  signed_at        timestamp with time zone not null
);

create function doc_signature_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'doc_signature is insert-only';
end;
$$;

create trigger doc_signature_no_change before update or delete on doc_signature
  for each row execute function doc_signature_immutable();
