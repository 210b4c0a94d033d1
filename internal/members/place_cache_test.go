package members_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// A list keeps its organisation's place in memory, which is right only
// because a place never changes: the database refuses to move an
// organisation or change its type, and a rename shows at once because the
// name is not kept.
func TestPlacesAreKeptBecauseTheyNeverChange(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		ctx := context.Background()
		svc := env.Svc.Members
		group, other := env.Town.Groups["民家一组"], env.Town.Villages["海戛"]
		county := &auth.Actor{UserID: 1, Username: "places", Bindings: []auth.Binding{{Role: auth.RoleCountyAdmin,
			OrgID: env.Town.County.ID, OrgPath: env.Town.County.Path}}}
		if members.PlaceKept(svc, group.ID) {
			t.Fatal("a place is kept before anything asked for it")
		}
		if _, err := svc.List(ctx, county, members.Filter{OrgID: group.ID, Limit: 50}); err != nil {
			t.Fatal(err)
		}
		if !members.PlaceKept(svc, group.ID) {
			t.Fatal("the branch's place was not kept after its list")
		}
		if _, err := env.Svc.Org.Update(ctx, nil, org.OrgEdit{ID: group.ID, Name: "民家第一党支部"}); err != nil {
			t.Fatal(err)
		}
		b, err := svc.Board(ctx, county, group.ID)
		if err != nil || b.OrgName != "民家第一党支部" {
			t.Fatalf("board after a rename: %q %v", b.OrgName, err)
		}
		for _, move := range []struct{ sql string }{
			{`UPDATE orgs SET parent_id = $1 WHERE id = $2`},
			{`UPDATE orgs SET path = path || $1 WHERE id = $2`},
			{`UPDATE orgs SET town_id = $1 WHERE id = $2`},
			{`UPDATE orgs SET type = 'industry' || $1 WHERE id = $2`},
		} {
			arg := any(other.ID)
			if strings.Contains(move.sql, "||") {
				arg = "x"
			}
			_, err := d.ExecContext(ctx, move.sql, arg, group.ID)
			if err == nil || !strings.Contains(err.Error(), "place in the tree is fixed") {
				t.Errorf("%s: %v", move.sql, err)
			}
		}
	})
}
