-- A demo purge removes the demo's issued documents (DemoDocuments.purge, flag zhifa.documents_demo_purge, as for
-- doc_issued); their signatures go with them. Otherwise a signature stays insert-only.
create or replace function doc_signature_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and coalesce(current_setting('zhifa.documents_demo_purge', true), 'off') = 'on' then
    return old;
  end if;
  raise exception 'doc_signature is insert-only';
end;
$$;
