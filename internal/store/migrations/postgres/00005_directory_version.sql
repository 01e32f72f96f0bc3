-- The directory version counts every change to what the public directory
-- shows. Triggers bump it whoever writes, so that every instance can keep
-- read caches and check them with one cheap query.
-- +goose Up
CREATE TABLE directory_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
INSERT INTO directory_version (id, version) VALUES (1, 0);
-- +goose StatementBegin
CREATE FUNCTION bump_directory_version() RETURNS trigger AS $$
BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER directory_version_events AFTER INSERT OR UPDATE OR DELETE ON events FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER directory_version_venues AFTER INSERT OR UPDATE OR DELETE ON venues FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER directory_version_halls AFTER INSERT OR UPDATE OR DELETE ON halls FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER directory_version_booths AFTER INSERT OR UPDATE OR DELETE ON booths FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER directory_version_exhibitors AFTER INSERT OR UPDATE OR DELETE ON exhibitors FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER directory_version_organizations AFTER INSERT OR UPDATE OR DELETE ON organizations FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER directory_version_org_sectors AFTER INSERT OR UPDATE OR DELETE ON org_sectors FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();

-- +goose Down
DROP TRIGGER directory_version_events ON events;
DROP TRIGGER directory_version_venues ON venues;
DROP TRIGGER directory_version_halls ON halls;
DROP TRIGGER directory_version_booths ON booths;
DROP TRIGGER directory_version_exhibitors ON exhibitors;
DROP TRIGGER directory_version_organizations ON organizations;
DROP TRIGGER directory_version_org_sectors ON org_sectors;
DROP FUNCTION bump_directory_version();
DROP TABLE directory_version;
