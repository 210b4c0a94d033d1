// Command pocketbase is the load run's second yardstick: PocketBase, used
// as a Go framework, serving the same member rows through its own records
// API. It lives in a module of its own so the product never depends on
// PocketBase.
//
//	pocketbase -dir pb_data -import load.db   # create the collection, copy the members, exit
//	pocketbase -dir pb_data -addr 127.0.0.1:8090
//	pocketbase -version                          # the PocketBase version built in
//
// The list is then GET /api/collections/members/records?filter=…&sort=id&perPage=50&skipTotal=1.
// A record's id is the member's id written with 15 digits (PocketBase ids
// are 15 characters of [a-z0-9]), so sorting by id is sorting by member id.
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"log"
	"runtime/debug"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	_ "github.com/pocketbase/pocketbase/migrations" // PocketBase's system tables
	"github.com/pocketbase/pocketbase/tools/types"
	_ "modernc.org/sqlite" // PocketBase's own SQLite driver, also used to read the application's file
)

// membersSQL reads every member with the columns the application's list
// returns for one row (the load run's baseline uses the same ones).
const membersSQL = `SELECT m.id, COALESCE(m.town_id, 0), m.org_id, COALESCE(o.name, ''), COALESCE(m.resident_id, 0),
	m.name, m.id_masked, CAST(m.birth_date AS TEXT), m.sex, m.phone, m.education, m.category, m.status,
	CAST(m.applied_on AS TEXT), CAST(m.joined_on AS TEXT), CAST(m.full_on AS TEXT), m.mobile,
	CAST(m.left_on AS TEXT), m.left_reason
	FROM members m LEFT JOIN orgs o ON o.id = m.org_id ORDER BY m.id`

func main() {
	dir := flag.String("dir", "pb_data", "PocketBase data directory")
	src := flag.String("import", "", "the application's SQLite file: create the collection, copy its members and exit")
	addr := flag.String("addr", "127.0.0.1:8090", "listen address")
	version := flag.Bool("version", false, "print the PocketBase version built in and exit")
	flag.Parse()
	if *version {
		fmt.Println(pocketBaseVersion())
		return
	}
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: *dir})
	if err := app.Bootstrap(); err != nil {
		log.Fatal(err)
	}
	if *src != "" {
		t0 := time.Now()
		n, err := load(app, *src)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("imported %d members in %v\n", n, time.Since(t0).Round(time.Millisecond))
		return
	}
	if err := apis.Serve(app, apis.ServeConfig{HttpAddr: *addr}); err != nil {
		log.Fatal(err)
	}
}

// load creates the members collection with a public list rule and an
// index for the branch list, turns off the request log and copies every
// member of the application's file in one transaction.
func load(app core.App, src string) (int, error) {
	// The application keeps no request log in a database; PocketBase's
	// default writes one row a request to its auxiliary database.
	app.Settings().Logs.MaxDays = 0
	if err := app.Save(app.Settings()); err != nil {
		return 0, err
	}
	c := core.NewBaseCollection("members")
	c.ListRule = types.Pointer("") // public: no token to verify, no rule to add to the query
	c.Fields.Add(
		&core.NumberField{Name: "town_id", OnlyInt: true},
		&core.NumberField{Name: "org_id", OnlyInt: true, Required: true},
		&core.TextField{Name: "org_name"},
		&core.NumberField{Name: "resident_id", OnlyInt: true},
		&core.TextField{Name: "name", Required: true},
		&core.TextField{Name: "id_number_masked"},
		&core.DateField{Name: "birth_date"},
		&core.TextField{Name: "sex"},
		&core.TextField{Name: "phone"},
		&core.TextField{Name: "education"},
		&core.TextField{Name: "category"},
		&core.TextField{Name: "status", Required: true},
		&core.DateField{Name: "applied_on"},
		&core.DateField{Name: "joined_on"},
		&core.DateField{Name: "full_on"},
		&core.BoolField{Name: "mobile"},
		&core.DateField{Name: "left_on"},
		&core.TextField{Name: "left_reason"},
	)
	c.AddIndex("members_org_id", false, "org_id, id", "")
	if err := app.Save(c); err != nil {
		return 0, err
	}

	d, err := sql.Open("sqlite", "file:"+src+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return 0, err
	}
	defer d.Close()
	rows, err := d.Query(membersSQL)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	err = app.RunInTransaction(func(tx core.App) error {
		for rows.Next() {
			var (
				id, town, org, resident                            int64
				orgName, name, masked, sex, phone, edu, cat, state string
				leftReason                                         string
				birth, applied, joined, full, left                 sql.NullString
				mobile                                             bool
			)
			if err := rows.Scan(&id, &town, &org, &orgName, &resident, &name, &masked, &birth, &sex, &phone,
				&edu, &cat, &state, &applied, &joined, &full, &mobile, &left, &leftReason); err != nil {
				return err
			}
			r := core.NewRecord(c)
			r.Load(map[string]any{
				"id":      fmt.Sprintf("%015d", id),
				"town_id": town, "org_id": org, "org_name": orgName, "resident_id": resident,
				"name": name, "id_number_masked": masked, "birth_date": day(birth), "sex": sex,
				"phone": phone, "education": edu, "category": cat, "status": state,
				"applied_on": day(applied), "joined_on": day(joined), "full_on": day(full),
				"mobile": mobile, "left_on": day(left), "left_reason": leftReason,
			})
			if err := tx.Save(r); err != nil {
				return fmt.Errorf("member %d: %w", id, err)
			}
			n++
		}
		return rows.Err()
	})
	return n, err
}

// day is a stored DATE's calendar day as PocketBase's date value, or ""
// for none (the application stores a day as text starting "2006-01-02").
func day(s sql.NullString) string {
	if !s.Valid || len(s.String) < 10 {
		return ""
	}
	return s.String[:10] + " 00:00:00.000Z"
}

// pocketBaseVersion is the version of the PocketBase module built in.
func pocketBaseVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/pocketbase/pocketbase" {
				return m.Version
			}
		}
	}
	return "(unknown version)"
}
