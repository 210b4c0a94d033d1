package orglife

import "testing"

func TestStarRules(t *testing.T) {
	for stars, ok := range map[int]bool{0: false, 1: true, 3: true, 5: true, 6: false} {
		if err := checkStars(stars); (err == nil) != ok {
			t.Errorf("%d stars: %v", stars, err)
		}
	}
	leads, unknown := starLeads([]string{"virtue", "study", "study", " ", "serve"})
	if unknown || len(leads) != 3 || leads[0] != "study" || leads[1] != "serve" || leads[2] != "virtue" {
		t.Errorf("leads = %v unknown=%v", leads, unknown)
	}
	if _, unknown := starLeads([]string{"study", "sing"}); !unknown {
		t.Error("an unknown lead passed")
	}
}
