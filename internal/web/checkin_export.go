package web

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
	"ketnoi/internal/store"
)

// exportWorker runs queued exports; every instance runs one, and the
// database hands each job to one of them.
func (s *Server) exportWorker() {
	for {
		j, ok, err := s.db.ClaimExportJob(context.Background())
		if errors.Is(err, sql.ErrConnDone) || (err != nil && strings.Contains(err.Error(), "database is closed")) {
			return // the server is shutting down
		}
		if err != nil {
			s.log.Warn("export worker", "err", err)
		}
		if !ok {
			time.Sleep(500 * time.Millisecond)
			continue
		}
		name, content, err := s.runExport(j)
		msg := ""
		if err != nil {
			msg = "The export failed."
			s.log.Error("export failed", "job", j.ID, "err", err)
		}
		if err := s.db.FinishExport(context.Background(), j.ID, name, content, msg); err != nil {
			s.log.Error("export finish", "job", j.ID, "err", err)
		}
	}
}

// runExport writes an event's registrations as CSV, a page at a time,
// recording progress after each page.
func (s *Server) runExport(j store.ExportJob) (string, string, error) {
	ctx := context.Background()
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.Write([]string{"id", "name", "email", "organization", "job_title", "category", "status", "badge_version", "consent_contact", "created_at"})
	after, done := int64(0), 0
	for {
		page, total, err := s.db.Registrants(ctx, j.EventID, store.RegistrantFilter{AfterID: after, Limit: 1000})
		if err != nil {
			return "", "", err
		}
		for _, r := range page {
			email := r.Email
			if !checkin.Reachable(email) {
				email = "" // made up for a walk-in without one, or anonymised
			}
			cw.Write([]string{strconv.FormatInt(r.ID, 10), r.Name, email, r.OrgName, r.JobTitle, string(r.Category), r.Status,
				strconv.Itoa(r.BadgeVersion), strconv.FormatBool(r.Consent), r.CreatedAt.Format(time.RFC3339)})
			after = r.ID
		}
		done += len(page)
		if err := s.db.ExportProgress(ctx, j.ID, done, done+total-len(page)); err != nil {
			return "", "", err
		}
		if len(page) < 1000 {
			break
		}
	}
	cw.Flush()
	return fmt.Sprintf("registrations-%d.csv", j.EventID), b.String(), cw.Error()
}

// ExportInput names what to export: "registrations".
type ExportInput struct {
	Kind string `json:"kind"`
}

func (s *Server) apiCreateExport(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	var in ExportInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.Kind != "registrations" {
		return &apperr.Error{Code: apperr.Invalid, Message: "kind must be registrations.", Fields: map[string]string{"kind": "must be registrations"}}
	}
	s.checkin() // starts the worker
	j := store.ExportJob{EventID: ev, PersonID: viewerOf(r).person.ID, Kind: in.Kind}
	if err := s.db.CreateExportJob(r.Context(), &j); err != nil {
		return err
	}
	j.Download = fmt.Sprintf("/console/events/%d/exports/%d/file", ev, j.ID)
	return writeJSON(w, http.StatusAccepted, j)
}

func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	id, err := pathID(r, "export")
	if err != nil {
		return err
	}
	j, err := s.db.ExportJobOf(r.Context(), ev, id)
	if err != nil {
		return err
	}
	if j.Status == "done" {
		j.Download = fmt.Sprintf("/console/events/%d/exports/%d/file", ev, j.ID)
	}
	return writeJSON(w, http.StatusOK, j)
}

func (s *Server) handleExportFile(w http.ResponseWriter, r *http.Request) error {
	ev, err := pathID(r, "event")
	if err != nil {
		return err
	}
	id, err := pathID(r, "export")
	if err != nil {
		return err
	}
	name, content, err := s.db.ExportFile(r.Context(), ev, id)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+strings.ReplaceAll(name, `"`, "")+`"`)
	_, err = w.Write([]byte(content))
	return err
}
