// Command baseline is the yardstick of the load run: what a competent
// engineer would write for the member list without the application — its
// own pool of several connections (database/sql on SQLite in WAL, a
// pgxpool on PostgreSQL), the application's roster SQL for one branch,
// rows scanned into a struct and written with encoding/json. It shares no
// code with the application. /b writes fixed bytes from memory.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"runtime"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "modernc.org/sqlite"
)

// rosterSQL is the application's roster list of one branch, as it sends it.
const rosterSQL = `SELECT m.id, COALESCE(m.town_id, 0), m.org_id, o.name, COALESCE(m.resident_id, 0),
	m.name, m.id_masked, CAST(m.birth_date AS TEXT), m.sex, m.phone, m.education, m.category, m.status,
	CAST(m.applied_on AS TEXT), CAST(m.joined_on AS TEXT), CAST(m.full_on AS TEXT), m.mobile,
	CAST(m.left_on AS TEXT), m.left_reason
	FROM members m JOIN orgs o ON o.id = m.org_id
	WHERE m.org_id = $1 AND m.status IN ('probationary', 'full') ORDER BY m.id LIMIT 50`

type member struct {
	ID         int64  `json:"id"`
	TownID     int64  `json:"town_id"`
	OrgID      int64  `json:"org_id"`
	OrgName    string `json:"org_name,omitempty"`
	ResidentID int64  `json:"resident_id,omitempty"`
	Name       string `json:"name"`
	IDMasked   string `json:"id_number_masked"`
	BirthDate  date   `json:"birth_date"`
	Sex        string `json:"sex"`
	Phone      string `json:"phone,omitempty"`
	Education  string `json:"education,omitempty"`
	Category   string `json:"category,omitempty"`
	Status     string `json:"status"`
	AppliedOn  date   `json:"applied_on,omitzero"`
	JoinedOn   date   `json:"joined_on,omitzero"`
	FullOn     date   `json:"full_on,omitzero"`
	Mobile     bool   `json:"mobile"`
	LeftOn     date   `json:"left_on,omitzero"`
	LeftReason string `json:"left_reason,omitempty"`
}

// date is a nullable DATE column read as its text — the first ten
// characters, "2006-01-02", so no driver parses it into an instant — and
// sent as that calendar day; left out (omitzero) when NULL.
type date struct{ text string }

func (d *date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		d.text = ""
	case string:
		d.text = v[:min(10, len(v))]
	case []byte:
		d.text = string(v[:min(10, len(v))])
	default:
		return fmt.Errorf("date: cannot read %T", src)
	}
	return nil
}

func (d date) IsZero() bool { return d.text == "" }

func (d date) MarshalJSON() ([]byte, error) {
	if d.text == "" {
		return []byte("null"), nil
	}
	return append(append(append(make([]byte, 0, 12), '"'), d.text...), '"'), nil
}

// rows is what both pools' results offer.
type rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// querier runs the roster query on one pool and returns its rows and
// the function that releases them.
type querier func(ctx context.Context, arg string) (rows, func(), error)

func open(url string) (querier, error) {
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		cfg, err := pgxpool.ParseConfig(url)
		if err != nil {
			return nil, err
		}
		cfg.MaxConns, cfg.MinConns = 20, 20
		p, err := pgxpool.NewWithConfig(context.Background(), cfg)
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context, arg string) (rows, func(), error) {
			r, err := p.Query(ctx, rosterSQL, arg)
			if err != nil {
				return nil, nil, err
			}
			return r, r.Close, nil
		}, nil
	}
	d, err := sql.Open("sqlite", "file:"+url+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_time_format=sqlite")
	if err != nil {
		return nil, err
	}
	n := max(2, runtime.GOMAXPROCS(0))
	d.SetMaxOpenConns(n)
	d.SetMaxIdleConns(n)
	// Prepared once, as pgx does by itself on PostgreSQL: SQLite would
	// otherwise compile the statement's text for every request.
	stmt, err := d.Prepare(rosterSQL)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, arg string) (rows, func(), error) {
		r, err := stmt.QueryContext(ctx, arg)
		if err != nil {
			return nil, nil, err
		}
		return r, func() { r.Close() }, nil
	}, nil
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	dbURL := flag.String("db", "", "SQLite file or postgres:// URL")
	bytesFile := flag.String("bytes", "", "file whose bytes /b serves from memory")
	flag.Parse()
	query, err := open(*dbURL)
	if err != nil {
		log.Fatal(err)
	}
	var fixed []byte
	if *bytesFile != "" {
		if fixed, err = os.ReadFile(*bytesFile); err != nil {
			log.Fatal(err)
		}
	}
	http.HandleFunc("/q", func(w http.ResponseWriter, r *http.Request) {
		rows, release, err := query(r.Context(), r.URL.Query().Get("a"))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		defer release()
		out := make([]member, 0, 50)
		for rows.Next() {
			var m member
			var phone, education, category, leftReason sql.NullString
			if err := rows.Scan(&m.ID, &m.TownID, &m.OrgID, &m.OrgName, &m.ResidentID, &m.Name, &m.IDMasked,
				&m.BirthDate, &m.Sex, &phone, &education, &category, &m.Status, &m.AppliedOn, &m.JoinedOn,
				&m.FullOn, &m.Mobile, &m.LeftOn, &leftReason); err != nil {
				http.Error(w, err.Error(), 500)
				return
			}
			m.Phone, m.Education, m.Category, m.LeftReason = phone.String, education.String, category.String, leftReason.String
			out = append(out, m)
		}
		if err := rows.Err(); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"items": out})
	})
	http.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(fixed)
	})
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	log.Fatal(http.ListenAndServe(*addr, nil))
}
