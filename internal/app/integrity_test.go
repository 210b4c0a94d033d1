package app_test

import (
	"io"
	"log/slog"
	"testing"

	"dangjian/internal/app"
	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// A database whose audit log was changed behind the application's back
// does not start silently: the check at start-up (the last rows) or the
// full one after it finds the row, and every reader of the audit log sees
// a warning on every page; others do not.
func TestStartUpFindsATamperedAuditLog(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		env := testkit.Start(t, d)
		var last int64
		if err := d.QueryRowContext(t.Context(), `SELECT MAX(id) FROM audit_log`).Scan(&last); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			row  int64
		}{
			{"the last row edited", last}, // found before serving
			{"an early row edited", 5},    // found by the full check after
		}
		admin, secretary := env.Login(t, "admin"), env.Login(t, "minjia1")
		banner := testkit.Exchange{Name: "warning", Path: "/", Status: 200, Has: []string{`id="audit-broken"`}}
		<-app.CheckAudit(t.Context(), d, env.Web, quiet)
		testkit.Exchange{Name: "an intact log", Path: "/", Status: 200, HasNot: []string{`id="audit-broken"`}}.Check(t, admin)
		for _, c := range cases {
			var was string
			if err := d.QueryRowContext(t.Context(), `SELECT actor_name FROM audit_log WHERE id = $1`, c.row).Scan(&was); err != nil {
				t.Fatal(err)
			}
			if _, err := d.ExecContext(t.Context(), `UPDATE audit_log SET actor_name = 'mallory' WHERE id = $1`, c.row); err != nil {
				t.Fatal(err)
			}
			<-app.CheckAudit(t.Context(), d, env.Web, quiet)
			banner.Name = c.name
			banner.Check(t, admin)
			testkit.Exchange{Name: c.name + ", not an audit reader", Path: "/members", Status: 200,
				HasNot: []string{`id="audit-broken"`}}.Check(t, secretary)
			if _, err := d.ExecContext(t.Context(), `UPDATE audit_log SET actor_name = $1 WHERE id = $2`, was, c.row); err != nil {
				t.Fatal(err)
			}
			<-app.CheckAudit(t.Context(), d, env.Web, quiet)
			env.Web.AuditBroken(nil) // the chain is whole again
		}
	})
}
