-- The access version counts every change to who may do what: sessions
-- ended, people changed, memberships, event roles (organizers, scanner
-- staff) and exhibitors. Triggers bump it whoever writes, so that every
-- instance can keep signed-in viewers in memory and check them with one
-- cheap query per request. A new session or a new person changes nothing
-- already cached, so inserts into those two tables do not bump it; the
-- row-level triggers on those two fire only when a row really changes.
-- +goose Up
CREATE TABLE access_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
INSERT INTO access_version (id, version) VALUES (1, 0);
-- +goose StatementBegin
CREATE FUNCTION bump_access_version() RETURNS trigger AS $$
BEGIN
  UPDATE access_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER access_version_sessions AFTER UPDATE OR DELETE ON web_sessions FOR EACH ROW EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER access_version_people AFTER UPDATE OR DELETE ON people FOR EACH ROW EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER access_version_memberships AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER access_version_event_roles AFTER INSERT OR UPDATE OR DELETE ON event_roles FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER access_version_exhibitors AFTER INSERT OR UPDATE OR DELETE ON exhibitors FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();

-- +goose Down
DROP TRIGGER access_version_sessions ON web_sessions;
DROP TRIGGER access_version_people ON people;
DROP TRIGGER access_version_memberships ON memberships;
DROP TRIGGER access_version_event_roles ON event_roles;
DROP TRIGGER access_version_exhibitors ON exhibitors;
DROP FUNCTION bump_access_version();
DROP TABLE access_version;
