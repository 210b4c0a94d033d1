package members_test

import (
	"context"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/services"
	"dangjian/internal/testkit"
)

// importFuzz is a small town on SQLite (one village, one group branch;
// the demo town would take most of a short fuzz run to load) that every
// fuzz input is imported into, as the village's leader.
type importFuzz struct {
	db      *db.DB
	svc     *members.Service
	actor   *auth.Actor
	village int64
}

func newImportFuzz(f *testing.F) *importFuzz {
	d := testkit.SQLite(f)
	svc, err := services.New(d, testkit.Clock(), testkit.Key)
	if err != nil {
		f.Fatal(err)
	}
	svc.Auth.Password = auth.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	svc.Members.Background = func(run func()) { run() } // a panic in the import reaches the fuzzer
	ctx := context.Background()
	var parent int64
	for _, o := range []org.NewOrg{{Type: org.TypeTown, Name: "大河镇党委", ShortName: "大河镇"},
		{Type: org.TypeGeneralBranch, Name: "海丹村党总支", ShortName: "海丹"},
		{Type: org.TypeBranch, Name: "海丹五组党支部", ShortName: "海丹五组"}} {
		o.ParentID = parent
		created, err := svc.Org.Create(ctx, nil, o)
		if err != nil {
			f.Fatal(err)
		}
		parent = created.ID
	}
	var village int64
	if err := d.QueryRow(`SELECT id FROM orgs WHERE short_name = '海丹'`).Scan(&village); err != nil {
		f.Fatal(err)
	}
	if _, err := svc.Auth.AddUser(ctx, nil, auth.NewUser{Username: "haidan", DisplayName: "海丹书记",
		Password: "fuzz-pass-1", Role: auth.RoleVillageLeader, OrgID: village}); err != nil {
		f.Fatal(err)
	}
	token, err := svc.Auth.Login(ctx, "haidan", "fuzz-pass-1", "127.0.0.1")
	if err != nil {
		f.Fatal(err)
	}
	a, err := svc.Auth.SessionActor(ctx, token)
	if err != nil {
		f.Fatal(err)
	}
	return &importFuzz{db: d, svc: svc.Members, actor: a, village: village}
}

func (z *importFuzz) count(t *testing.T, query string) int {
	var n int
	if err := z.db.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// check imports data and holds the importer to its promise: it does not
// panic; a refused file is named by a message in the catalog and writes
// no member and no audit row; an accepted one writes exactly its rows
// with one audit row.
func (z *importFuzz) check(t *testing.T, data []byte) {
	ctx := context.Background()
	members0 := z.count(t, `SELECT COUNT(*) FROM members`)
	audits0 := z.count(t, `SELECT COUNT(*) FROM audit_log`)
	job, err := z.svc.StartImport(ctx, z.actor, z.village, "fuzz.xlsx", data)
	if err != nil {
		if e := apperr.As(err); e == nil || e.Kind != apperr.KindInvalid {
			t.Fatalf("StartImport refused with an unclear error: %v", err)
		}
		job.State = members.ImportFailed
	} else if job, err = z.svc.Import(ctx, z.actor, job.ID); err != nil {
		t.Fatal(err)
	}
	wrote := z.count(t, `SELECT COUNT(*) FROM members`) - members0
	audited := z.count(t, `SELECT COUNT(*) FROM audit_log`) - audits0
	switch job.State {
	case members.ImportFailed:
		for _, e := range job.Errors {
			if !i18n.Has(e.Key) || !i18n.Has(members.ColumnKey(e.Column)) {
				t.Fatalf("row %d: message %q or column %q is not in the catalog", e.Row, e.Key, e.Column)
			}
		}
		if wrote != 0 || audited != 0 {
			t.Fatalf("a refused file wrote %d members and %d audit rows", wrote, audited)
		}
	case members.ImportDone:
		if wrote != job.Inserted || audited != 1 {
			t.Fatalf("an accepted file: %d reported, %d written, %d audit rows", job.Inserted, wrote, audited)
		}
	default:
		t.Fatalf("import ended %s (an internal error, not a message the clerk can act on); %d members written", job.State, wrote)
	}
}

// FuzzRosterImport imports arbitrary bytes as an uploaded roster. Seeds
// (testdata/fuzz/FuzzRosterImport) are a good workbook, a CSV, a damaged
// workbook and an empty one.
func FuzzRosterImport(f *testing.F) {
	z := newImportFuzz(f)
	f.Add(workbook(f, [][]any{{"赵一", "530326197504030015", "海丹五组", "正式党员", "1999-07-01"}}))
	f.Fuzz(func(t *testing.T, data []byte) { z.check(t, data) })
}

// FuzzRosterCells fills one roster row with arbitrary cells, which reaches
// the row validation that random bytes rarely get past the zip reader to.
func FuzzRosterCells(f *testing.F) {
	z := newImportFuzz(f)
	f.Add("赵一", "530326197504030015", "海丹五组", "正式党员", "1999-07-01", "2000-07-01", "是")
	f.Fuzz(func(t *testing.T, name, idNumber, branch, status, joined, full, mobile string) {
		z.check(t, workbook(t, [][]any{{name, idNumber, branch, status, joined, full, "", "", mobile}}))
	})
}
