CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    user_id text,
    ip_address text,
    user_agent text,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text,
    old_values jsonb,
    new_values jsonb
);
-- The audit page pages newest first by (at, id); filters narrow by actor, entity and action.
CREATE INDEX ix_audit_log_at_id ON audit_log (at DESC, id DESC);
CREATE INDEX ix_audit_log_actor_at ON audit_log (actor, at DESC, id DESC);
CREATE INDEX ix_audit_log_entity_at ON audit_log (entity_type, at DESC, id DESC);
CREATE INDEX ix_audit_log_action_at ON audit_log (action, at DESC, id DESC);

-- Append-only: the database itself refuses to change or remove history, whoever asks.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
