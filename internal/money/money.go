// Package money is amounts of money in 分, typed and shown in 元.
package money

import (
	"strconv"
	"strings"
)

// Fen is an amount of money in 分; it prints as 元 with two decimals and
// thousands separators ("52,000.00") and travels in JSON as an integer.
// Every programme keeps money in it: subsidies, the care fund, village
// books, a matter's amount.
type Fen int64

func (f Fen) String() string {
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	yuan := strconv.FormatInt(int64(f)/100, 10)
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range yuan {
		if i > 0 && (len(yuan)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	cents := int64(f) % 100
	b.WriteByte('.')
	b.WriteByte(byte('0' + cents/10))
	b.WriteByte(byte('0' + cents%10))
	return b.String()
}

// MaxFen bounds one amount (a hundred million 元), so sums over years of
// vouchers never overflow and a slip of the keyboard is caught.
const MaxFen = Fen(100_000_000_00)

// ParseYuan reads an amount typed in 元: "5000", "5,000.00", "0.5". At
// most two decimals, not negative, at most MaxFen; ok is false otherwise.
func ParseYuan(s string) (Fen, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	s = strings.TrimSpace(strings.TrimSuffix(s, "元"))
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" && !hasFrac || len(frac) > 2 || (hasFrac && frac == "") || len(whole) > 12 {
		return 0, false
	}
	if whole == "" {
		whole = "0"
	}
	for _, c := range whole + frac {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	y, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	frac = (frac + "00")[:2]
	c, _ := strconv.ParseInt(frac, 10, 64)
	f := Fen(y*100 + c)
	return f, f <= MaxFen
}
