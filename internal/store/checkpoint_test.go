package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"ketnoi/internal/account"
	"ketnoi/internal/store"
)

// The WAL is copied into the database file by the background checkpointer,
// not by whichever commit crosses SQLite's automatic threshold (which is
// off). Reading the main file alone, ignoring the WAL, shows the rows once
// a checkpoint has run.
func TestSQLiteCheckpointsInTheBackground(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "k.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	const people = 50
	for i := range people {
		p := &account.Person{Email: fmt.Sprintf("p%d@example.vn", i), Name: "P"}
		if err := db.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		n, err := countInFile(path)
		if err == nil && n == people {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 10 s the database file holds %d people (err %v), want %d: no checkpoint ran", n, err, people)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// countInFile counts people in the database file alone: immutable=1 reads
// the file as it is, ignoring the WAL, on a fresh connection each time.
func countInFile(path string) (int, error) {
	file, err := sql.Open("sqlite", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		return 0, err
	}
	defer file.Close()
	var n int
	err = file.QueryRow("SELECT COUNT(*) FROM people").Scan(&n)
	return n, err
}
