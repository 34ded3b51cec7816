-- An import's failure is kept as its message key and arguments (ImportFileMessages), so the Imports page shows it in
-- each reader's language; error keeps the text in the app's default language for logs and older rows.
ALTER TABLE import_batches ADD COLUMN error_code text, ADD COLUMN error_args jsonb;
