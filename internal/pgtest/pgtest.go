// Package pgtest gives tests a clean PostgreSQL schema to build a store in.
// The database comes from KGB_TEST_POSTGRES_URL (set by .ci/run); without it
// the test is skipped with a message saying so.
package pgtest

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/lib/pq" // the "postgres" driver Cayley's SQL backend uses
)

// EnvVar names the database the PostgreSQL tests use.
const EnvVar = "KGB_TEST_POSTGRES_URL"

// SchemaURL creates an empty schema for one test and returns a URL whose
// connections use it; the schema is dropped when the test ends, so reruns
// start clean. what says which test skips when EnvVar is unset.
func SchemaURL(t testing.TB, what string) string {
	t.Helper()
	base := os.Getenv(EnvVar)
	if base == "" {
		t.Skip(EnvVar + " is not set; skipping " + what +
			" (e.g. " + EnvVar + "='postgres://kgb:kgb@localhost:5432/kgb_test?sslmode=disable')")
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvVar, err)
	}
	name := fmt.Sprintf("kgbtest_%d_%d", time.Now().UnixNano(), rand.IntN(1e6))
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE SCHEMA " + name); err != nil {
		db.Close()
		t.Fatalf("create schema in %s: %v", u.Redacted(), err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + name + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
		db.Close()
	})
	q := u.Query()
	q.Set("search_path", name) // lib/pq passes unknown keys on as run-time parameters
	u.RawQuery = q.Encode()
	return u.String()
}
