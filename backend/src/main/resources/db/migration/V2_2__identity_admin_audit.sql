-- identity: what admins did, to whom, when (GET /api/v1/admin/audit). Written in the transaction of the action.
CREATE TABLE admin_audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    uuid        NOT NULL REFERENCES users (id),
    action      varchar(60) NOT NULL,
    target_type varchar(30) NOT NULL,
    target_id   uuid        NOT NULL,
    details     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX admin_audit_log_at ON admin_audit_log (at DESC, id DESC);
CREATE INDEX admin_audit_log_target ON admin_audit_log (target_id, at DESC);
CREATE INDEX admin_audit_log_actor ON admin_audit_log (actor_id, at DESC);
