-- The access version counts every change to who may do what: sessions
-- ended, people changed, memberships, event roles (organizers, scanner
-- staff) and exhibitors. Triggers bump it whoever writes, so that every
-- instance can keep signed-in viewers in memory and check them with one
-- cheap query per request. A new session or a new person changes nothing
-- already cached, so inserts into those two tables do not bump it.
-- +goose Up
CREATE TABLE access_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO access_version (id, version) VALUES (1, 0);
-- +goose StatementBegin
CREATE TRIGGER access_version_sessions_delete AFTER DELETE ON web_sessions BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_sessions_update AFTER UPDATE ON web_sessions BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_people_update AFTER UPDATE ON people BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_people_delete AFTER DELETE ON people BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_memberships_insert AFTER INSERT ON memberships BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_memberships_update AFTER UPDATE ON memberships BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_memberships_delete AFTER DELETE ON memberships BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_event_roles_insert AFTER INSERT ON event_roles BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_event_roles_update AFTER UPDATE ON event_roles BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_event_roles_delete AFTER DELETE ON event_roles BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_exhibitors_insert AFTER INSERT ON exhibitors BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_exhibitors_update AFTER UPDATE ON exhibitors BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER access_version_exhibitors_delete AFTER DELETE ON exhibitors BEGIN UPDATE access_version SET version = version + 1 WHERE id = 1; END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER access_version_sessions_delete;
DROP TRIGGER access_version_sessions_update;
DROP TRIGGER access_version_people_update;
DROP TRIGGER access_version_people_delete;
DROP TRIGGER access_version_memberships_insert;
DROP TRIGGER access_version_memberships_update;
DROP TRIGGER access_version_memberships_delete;
DROP TRIGGER access_version_event_roles_insert;
DROP TRIGGER access_version_event_roles_update;
DROP TRIGGER access_version_event_roles_delete;
DROP TRIGGER access_version_exhibitors_insert;
DROP TRIGGER access_version_exhibitors_update;
DROP TRIGGER access_version_exhibitors_delete;
DROP TABLE access_version;
