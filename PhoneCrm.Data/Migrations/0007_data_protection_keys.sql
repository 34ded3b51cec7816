-- ASP.NET Core Data Protection's key ring, shared by every app instance: a cookie issued by one instance
-- must be readable by the next, and secrets encrypted by one must be decrypted by all.
CREATE TABLE data_protection_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL,
    xml text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
