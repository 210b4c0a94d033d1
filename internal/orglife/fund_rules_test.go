package orglife

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/i18n"
)

func TestFundRules(t *testing.T) {
	for _, c := range []struct {
		balance, amount Fen
		ok              bool
	}{{300000, 500000, false}, {500000, 500000, true}, {500000, 500001, false}, {0, 1, false}} {
		if err := checkFundBalance(c.balance, c.amount); (err == nil) != c.ok {
			t.Errorf("balance %d, amount %d: %v", c.balance, c.amount, err)
		}
	}
	e := apperr.As(checkFundBalance(300000, 500000))
	if got, want := i18n.T(i18n.ZH, e.Key, e.Params), "余额 3,000.00 元，不足以发放 5,000.00 元。"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}
