package orglife

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/i18n"
)

func TestExcellentCap(t *testing.T) {
	cases := []struct {
		excellent, graded int
		share             float64
		ok                bool
		max               int
	}{
		{4, 12, 1.0 / 3, true, 4},
		{5, 12, 1.0 / 3, false, 4},
		{3, 11, 1.0 / 3, true, 3},
		{4, 11, 1.0 / 3, false, 3},
		{1, 3, 1.0 / 3, true, 1},
		{1, 2, 1.0 / 3, false, 0},
		{0, 0, 1.0 / 3, true, 0},
		{6, 20, 0.3, true, 6},
		{7, 20, 0.3, false, 6},
		{5, 10, 0.5, true, 5},
	}
	for _, c := range cases {
		err := checkExcellentShare(c.excellent, c.graded, c.share)
		if c.ok != (err == nil) {
			t.Errorf("%d of %d at %g: err = %v", c.excellent, c.graded, c.share, err)
		}
		if got := excellentCap(c.graded, c.share); got != c.max {
			t.Errorf("cap(%d, %g) = %d, want %d", c.graded, c.share, got, c.max)
		}
	}
	e := apperr.As(checkExcellentShare(5, 12, 1.0/3))
	if got, want := i18n.T(i18n.ZH, e.Key, e.Params), "优秀 5 人，超过参评 12 人的三分之一（最多 4 人）。"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	e = apperr.As(checkExcellentShare(7, 20, 0.3))
	if got, want := i18n.T(i18n.EN, e.Key, e.Params), "7 rated excellent is more than 30% of the 20 graded (at most 6)."; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}
