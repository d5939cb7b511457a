-- spots: a log of changed spots and occupancies, so every instance's in-memory marketplace (ADR 0010) can catch up
-- from PostgreSQL. Each row names what changed and the top-level transaction that changed it; an instance reads the
-- rows of transactions at or after the oldest one still running at its previous read (pg_snapshot_xmin), so a change
-- that commits late is never skipped. Rows are purged after an hour.
CREATE TABLE spot_changes (
    change_xid xid8        NOT NULL DEFAULT pg_current_xact_id(),
    spot_id    uuid        NOT NULL,
    booking_id uuid,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX spot_changes_xid ON spot_changes (change_xid);
CREATE INDEX spot_changes_changed_at ON spot_changes (changed_at);

CREATE FUNCTION spot_changes_log_spot() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO spot_changes (spot_id) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
END
$$;

CREATE FUNCTION spot_changes_log_occupancy() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO spot_changes (spot_id, booking_id) VALUES (OLD.spot_id, OLD.booking_id);
    ELSE
        INSERT INTO spot_changes (spot_id, booking_id) VALUES (NEW.spot_id, NEW.booking_id);
        IF TG_OP = 'UPDATE' AND OLD.spot_id <> NEW.spot_id THEN
            INSERT INTO spot_changes (spot_id, booking_id) VALUES (OLD.spot_id, OLD.booking_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER parking_spots_changed
    AFTER INSERT OR UPDATE OR DELETE ON parking_spots
    FOR EACH ROW EXECUTE FUNCTION spot_changes_log_spot();

CREATE TRIGGER spot_occupancy_changed
    AFTER INSERT OR UPDATE OR DELETE ON spot_occupancy
    FOR EACH ROW EXECUTE FUNCTION spot_changes_log_occupancy();

-- availability slots change a spot's dated blocks (and its open week, which is written to parking_spots as well)
CREATE FUNCTION spot_changes_log_availability() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO spot_changes (spot_id)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.parking_spot_id ELSE NEW.parking_spot_id END);
    RETURN NULL;
END
$$;

CREATE TRIGGER spot_availability_changed
    AFTER INSERT OR UPDATE OR DELETE ON spot_availability
    FOR EACH ROW EXECUTE FUNCTION spot_changes_log_availability();
