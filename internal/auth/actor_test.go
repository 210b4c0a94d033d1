package auth

import (
	"testing"

	"dangjian/internal/apperr"
)

// TestDecide holds the one scope rule every use case applies: the system
// passes, outside read scope is NotFound, readable but not changeable is
// Forbidden, and a read of a readable record passes.
func TestDecide(t *testing.T) {
	village := "/1/2/17/"
	leader := &Actor{UserID: 7, Bindings: []Binding{{Role: RoleVillageLeader, OrgID: 17, OrgPath: village}}}
	supervisor := &Actor{UserID: 8, Bindings: []Binding{{Role: RoleSupervisor, OrgID: 17, OrgPath: village}}}
	nobody := &Actor{UserID: 9}
	const none = apperr.Kind(-1)
	cases := []struct {
		name         string
		a            *Actor
		read, change Perm
		path         string
		want         apperr.Kind
	}{
		{"system reads anything", nil, PermMemberRead, "", "/1/9/", none},
		{"system changes anything", nil, PermMemberRead, PermMemberWrite, "/1/9/", none},
		{"change in scope", leader, PermMemberRead, PermMemberWrite, village + "30/", none},
		{"read in scope", leader, PermMemberRead, "", village, none},
		{"read outside scope", leader, PermMemberRead, "", "/1/2/18/", apperr.KindNotFound},
		{"change outside scope", leader, PermMemberRead, PermMemberWrite, "/1/2/18/", apperr.KindNotFound},
		{"sibling path with a common prefix", leader, PermMemberRead, "", "/1/2/170/", apperr.KindNotFound},
		{"parent of the scope", leader, PermMemberRead, "", "/1/2/", apperr.KindNotFound},
		{"readable, not changeable", supervisor, PermMemberRead, PermMemberWrite, village, apperr.KindForbidden},
		{"manage above a leader", leader, PermMemberRead, PermMemberManage, village, apperr.KindForbidden},
		{"no read permission at all", supervisor, PermPeopleRead, PermPeopleWrite, village, apperr.KindNotFound},
		{"no bindings", nobody, PermOrgRead, "", village, apperr.KindNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.a.Decide(c.read, c.change, c.path)
			if c.want == none {
				if err != nil {
					t.Fatalf("want nil, got %v", err)
				}
				return
			}
			if apperr.KindOf(err) != c.want || err == nil {
				t.Fatalf("want kind %d, got %v", c.want, err)
			}
			if c.change == "" && c.a.Sees(c.read, c.path) {
				t.Fatal("Sees disagrees with Decide")
			}
		})
	}
}

// TestRequireReadsOrgRead keeps the old Require: its read permission is
// org.read, so a representative (org.read only) is refused a post change
// as Forbidden, not NotFound.
func TestRequireReadsOrgRead(t *testing.T) {
	rep := &Actor{Bindings: []Binding{{Role: RoleRepresentative, OrgPath: "/1/2/17/"}}}
	if k := apperr.KindOf(rep.Require(PermOrgPosts, "/1/2/17/")); k != apperr.KindForbidden {
		t.Fatalf("kind %d", k)
	}
	if k := apperr.KindOf(rep.Require(PermOrgPosts, "/1/2/18/")); k != apperr.KindNotFound {
		t.Fatalf("kind %d", k)
	}
	var system *Actor
	if err := system.Require(PermOrgPosts, "/1/"); err != nil {
		t.Fatal(err)
	}
}
