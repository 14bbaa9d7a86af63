-- Issued documents' PDF and DOCX bytes move out of the database (issue 18: 2.1 million documents in a province) into
-- the object store behind shared.storage.ObjectStore (a local directory by default, S3-compatible in production),
-- content-addressed: the key is '<first two hex>/<sha256>' and the row keeps it beside the hash it already had.
-- Rows issued before keep their bytes in pdf/docx and stay readable as they are: a row never changes (trigger
-- doc_issued_no_change), so nothing is moved; a new row has the key and no bytes.
alter table doc_issued alter column pdf drop not null;
alter table doc_issued alter column docx drop not null;
alter table doc_issued add column pdf_key varchar(80);
alter table doc_issued add column docx_key varchar(80);
alter table doc_issued add constraint doc_issued_pdf_kept check (pdf is not null or pdf_key is not null);
alter table doc_issued add constraint doc_issued_docx_kept check (docx is not null or docx_key is not null);
