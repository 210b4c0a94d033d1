package people_test

import (
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// TestTextFieldsRefuseControls: a name with NUL or a right-to-left
// override is refused beside its field; phones follow the one rule the
// roster follows too.
func TestTextFieldsRefuseControls(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		svc, haidan := env.Svc.People, env.ActorFor(t, "haidan")
		h := firstHousehold(t, env, haidan, "海丹")
		for _, name := range []string{"张\x00三", "张\u202e三", "\u2067张三"} {
			_, err := svc.AddResident(ctx, haidan, people.ResidentInput{HouseholdID: h.ID, Name: name,
				IDNumber: number("19900101", "021"), Relation: "child"})
			want.Field(t, err, "name", "error.text_chars")
			_, err = svc.UpdateHousehold(ctx, haidan, h.ID, people.HouseholdInput{Code: h.Code, HeadName: name})
			want.Field(t, err, "head_name", "error.text_chars")
		}
		_, err := svc.UpdateHousehold(ctx, haidan, h.ID, people.HouseholdInput{Code: h.Code, HeadName: h.HeadName, Phone: "138-0013-800a"})
		want.Field(t, err, "phone", "error.phone_format")
		got, err := svc.UpdateHousehold(ctx, haidan, h.ID, people.HouseholdInput{Code: h.Code, HeadName: h.HeadName, Phone: " +86 138 0013 8000 "})
		want.OK(t, err)
		if got.Phone != "+86 138 0013 8000" {
			t.Fatalf("phone stored as %q", got.Phone)
		}
	})
}
