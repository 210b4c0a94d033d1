package money

import "testing"

func TestFenAndParseYuan(t *testing.T) {
	for f, want := range map[Fen]string{0: "0.00", 5: "0.05", 50: "0.50", 100: "1.00", 123456: "1,234.56",
		300000: "3,000.00", 100000000: "1,000,000.00", -150: "-1.50", 99999: "999.99"} {
		if got := f.String(); got != want {
			t.Errorf("Fen(%d) = %s, want %s", int64(f), got, want)
		}
	}
	for s, want := range map[string]Fen{"5000": 500000, "5,000.00": 500000, "0.5": 50, ".5": 50, "12.34": 1234,
		" 7 元": 700, "0": 0, "100000000": 10000000000} {
		got, ok := ParseYuan(s)
		if !ok || got != want {
			t.Errorf("ParseYuan(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "abc", "1.234", "-5", "1.", "1e3", "100000000.01", "1..2", "５"} {
		if _, ok := ParseYuan(s); ok {
			t.Errorf("ParseYuan(%q) accepted", s)
		}
	}
}
