-- SFTP moved from the OpenSSH client to SSH.NET (issue 20).
-- A private key can now be encrypted: its passphrase is kept beside it, encrypted by Data Protection the same way.
ALTER TABLE sftp_hosts ADD COLUMN protected_passphrase text;
-- Where a settled file went: a move never replaces a file, so a name already taken in processed/ or failed/ gets a
-- dated one, and the pull log says which. NULL for a deleted file and for files settled before this column.
ALTER TABLE sftp_files ADD COLUMN settled_path text;
