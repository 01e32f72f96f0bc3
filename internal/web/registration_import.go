package web

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"ketnoi/internal/apperr"
	"ketnoi/internal/checkin"
	"ketnoi/internal/store"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// apiImportRegistrations imports delegates from a CSV or XLSX body, all or
// nothing. On problems nothing is written and the answer is 422 with
// every problem by row; with Accept: text/csv the report is a CSV file to
// download. The same file imported again changes nothing.
func (s *Server) apiImportRegistrations(w http.ResponseWriter, r *http.Request) error {
	e, _, err := s.loadEvent(r)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return jsonError(err)
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var rows [][]string
	switch mt {
	case "text/csv":
		rows, err = checkin.ReadCSV(strings.NewReader(string(data)))
	case xlsxType:
		rows, err = checkin.ReadXLSX(data)
	default:
		return &apperr.Error{Code: apperr.Invalid, Message: "Send the file as text/csv or " + xlsxType + "."}
	}
	if err != nil {
		return &apperr.Error{Code: apperr.Invalid, Message: "The file cannot be read: " + err.Error()}
	}
	regs, problems := checkin.ParseRows(rows, &e)
	res := store.RegistrationImport{Errors: problems}
	if problems == nil {
		rowOf := make([]int, len(regs))
		for i := range regs {
			rowOf[i] = i + 2
		}
		sum := sha256.Sum256(data)
		if res, err = s.db.ImportRegistrants(r.Context(), e.ID, hex.EncodeToString(sum[:]), regs, rowOf); err != nil {
			return err
		}
	}
	status := http.StatusOK
	if len(res.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	}
	if strings.Contains(r.Header.Get("Accept"), "text/csv") {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="import-report-%d.csv"`, e.ID))
		w.WriteHeader(status)
		cw := csv.NewWriter(w)
		cw.Write([]string{"row", "field", "message"})
		for _, p := range res.Errors {
			cw.Write([]string{strconv.Itoa(p.Row), p.Field, p.Message})
		}
		cw.Flush()
		return cw.Error()
	}
	return writeJSON(w, status, res)
}
