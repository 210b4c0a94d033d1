package finance_test

import (
	"context"
	"database/sql"
	"strconv"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/finance"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// world is a town with two villages and the people of the finance
// workflow, each a real account (requests name their users).
type world struct {
	d        *db.DB
	clock    *db.FixedClock
	svc      *finance.Service
	decs     *fakeDecisions
	town     org.Org
	village  org.Org // 海丹
	other    org.Org // 海戛
	leader   *auth.Actor
	leader2  *auth.Actor
	otherLdr *auth.Actor
	jiandu   *auth.Actor
	jiandu2  *auth.Actor
	kuaiji   *auth.Actor
	kuaiji2  *auth.Actor
	admin    *auth.Actor
}

func newWorld(t testing.TB, d *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	clock := testkit.Clock()
	orgs := &org.Service{DB: d, Clock: clock}
	mk := func(parent int64, typ org.Type, name string) org.Org {
		o, err := orgs.Create(ctx, nil, org.NewOrg{ParentID: parent, Type: typ, Name: name})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	county := mk(0, org.TypeCounty, "富源县委")
	w := &world{d: d, clock: clock}
	w.town = mk(county.ID, org.TypeTown, "大河镇党委")
	w.village = mk(w.town.ID, org.TypeGeneralBranch, "海丹村党总支")
	w.other = mk(w.town.ID, org.TypeGeneralBranch, "海戛村党总支")
	users := auth.NewService(d, clock)
	users.Password = auth.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	user := func(name string, role auth.Role, o org.Org) *auth.Actor {
		id, err := users.AddUser(ctx, nil, auth.NewUser{Username: name, DisplayName: name, Password: "password123", Role: role, OrgID: o.ID})
		if err != nil {
			t.Fatal(err)
		}
		return &auth.Actor{UserID: id, Username: name, Name: name, Bindings: []auth.Binding{{Role: role, OrgID: o.ID, OrgPath: o.Path, TownID: o.TownID}}}
	}
	w.leader = user("shuji", auth.RoleVillageLeader, w.village)
	w.leader2 = user("zhuren", auth.RoleVillageLeader, w.village)
	w.otherLdr = user("haiga", auth.RoleVillageLeader, w.other)
	w.jiandu = user("jiandu", auth.RoleSupervisor, w.village)
	w.jiandu2 = user("jiandu2", auth.RoleSupervisor, w.village)
	w.kuaiji = user("kuaiji", auth.RoleTownAccountant, w.town)
	w.kuaiji2 = user("kuaiji2", auth.RoleTownAccountant, w.town)
	w.admin = user("admin", auth.RoleTownAdmin, w.town)
	w.decs = &fakeDecisions{byID: map[int64]finance.Decision{}}
	w.svc = finance.NewService(d, clock)
	w.svc.Decisions = w.decs
	return w
}

// fakeDecisions stands in for 四议两公开: the passed decisions by id.
type fakeDecisions struct{ byID map[int64]finance.Decision }

func (f *fakeDecisions) PassedDecision(ctx context.Context, tx *sql.Tx, id int64) (finance.Decision, bool, error) {
	d, ok := f.byID[id]
	return d, ok, nil
}

var ctx = context.Background()

func (w *world) today() day.Day { return day.Today(w.clock) }

// voucher records and posts a two-line voucher: debit dr, credit cr.
func (w *world) voucher(t testing.TB, orgID int64, on day.Day, dr, cr string, amount finance.Fen) finance.Voucher {
	t.Helper()
	v, err := w.svc.CreateVoucher(ctx, w.kuaiji, finance.NewVoucher{OrgID: orgID, Date: on, Summary: "测试凭证",
		Lines: []finance.NewLine{{AccountCode: dr, Debit: amount}, {AccountCode: cr, Credit: amount}}})
	if err != nil {
		t.Fatal(err)
	}
	v, err = w.svc.PostVoucher(ctx, w.kuaiji, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
