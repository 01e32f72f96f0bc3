-- The directory version counts every change to what the public directory
-- shows. Triggers bump it whoever writes, so that every instance can keep
-- read caches and check them with one cheap query.
-- +goose Up
CREATE TABLE directory_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO directory_version (id, version) VALUES (1, 0);
-- +goose StatementBegin
CREATE TRIGGER directory_version_events_insert AFTER INSERT ON events BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_events_update AFTER UPDATE ON events BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_events_delete AFTER DELETE ON events BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_venues_insert AFTER INSERT ON venues BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_venues_update AFTER UPDATE ON venues BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_venues_delete AFTER DELETE ON venues BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_halls_insert AFTER INSERT ON halls BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_halls_update AFTER UPDATE ON halls BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_halls_delete AFTER DELETE ON halls BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_booths_insert AFTER INSERT ON booths BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_booths_update AFTER UPDATE ON booths BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_booths_delete AFTER DELETE ON booths BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_exhibitors_insert AFTER INSERT ON exhibitors BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_exhibitors_update AFTER UPDATE ON exhibitors BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_exhibitors_delete AFTER DELETE ON exhibitors BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_organizations_insert AFTER INSERT ON organizations BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_organizations_update AFTER UPDATE ON organizations BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_organizations_delete AFTER DELETE ON organizations BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_org_sectors_insert AFTER INSERT ON org_sectors BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_org_sectors_update AFTER UPDATE ON org_sectors BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER directory_version_org_sectors_delete AFTER DELETE ON org_sectors BEGIN UPDATE directory_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER directory_version_events_insert;
DROP TRIGGER directory_version_events_update;
DROP TRIGGER directory_version_events_delete;
DROP TRIGGER directory_version_venues_insert;
DROP TRIGGER directory_version_venues_update;
DROP TRIGGER directory_version_venues_delete;
DROP TRIGGER directory_version_halls_insert;
DROP TRIGGER directory_version_halls_update;
DROP TRIGGER directory_version_halls_delete;
DROP TRIGGER directory_version_booths_insert;
DROP TRIGGER directory_version_booths_update;
DROP TRIGGER directory_version_booths_delete;
DROP TRIGGER directory_version_exhibitors_insert;
DROP TRIGGER directory_version_exhibitors_update;
DROP TRIGGER directory_version_exhibitors_delete;
DROP TRIGGER directory_version_organizations_insert;
DROP TRIGGER directory_version_organizations_update;
DROP TRIGGER directory_version_organizations_delete;
DROP TRIGGER directory_version_org_sectors_insert;
DROP TRIGGER directory_version_org_sectors_update;
DROP TRIGGER directory_version_org_sectors_delete;
DROP TABLE directory_version;
