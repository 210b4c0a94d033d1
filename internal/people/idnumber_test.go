package people_test

import (
	"strings"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

var today = day.New(2026, time.November, 26)

func TestParseIDNumber(t *testing.T) {
	cases := []struct {
		name, number string
		key          string // the field error's message key; "" for a good number
		inMessage    string // must appear in the Chinese message
	}{
		{"good, check X", "11010519491231002X", "", ""},
		{"good, lower-case x", "11010519491231002x", "", ""},
		{"good, spaces around", " 530325198001010010 ", "", ""},
		{"bad check digit names the right one", "110105194912310021", "idnumber.check", "应为 X"},
		{"bad check digit, digit expected", "530325198001010019", "idnumber.check", "应为 0"},
		{"too short", "53032519800101001", "idnumber.length", "现为 17 位"},
		{"too long", "5303251980010100199", "idnumber.length", "现为 19 位"},
		{"letters", "53032519800101A019", "idnumber.digits", ""},
		{"month 13", "530325198013010019", "idnumber.birth", "19801301"},
		{"30 February", "530325198002300019", "idnumber.birth", "19800230"},
		{"born in the future", "530325202701010015", "idnumber.birth", "20270101"},
		{"region 0", "030325198001010019", "idnumber.region", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id, err := people.ParseIDNumber(c.number, today)
			if c.key == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			e := apperr.As(err)
			if e == nil || e.Kind != apperr.KindInvalid {
				t.Fatalf("want a field error %s, got %v (%+v)", c.key, err, id)
			}
			fe, ok := e.Fields["id_number"]
			if !ok || fe.Key != c.key {
				t.Fatalf("want id_number: %s, got %+v", c.key, e.Fields)
			}
			if msg := i18n.T(i18n.ZH, fe.Key, fe.Params); !strings.Contains(msg, c.inMessage) {
				t.Fatalf("message %q lacks %q", msg, c.inMessage)
			}
		})
	}
}

func TestIDNumberTellsBirthAndSex(t *testing.T) {
	id, err := people.ParseIDNumber("11010519491231002x", today)
	if err != nil {
		t.Fatal(err)
	}
	if id.Number != "11010519491231002X" || id.Birth != day.New(1949, time.December, 31) || id.Sex != "F" {
		t.Fatalf("got %+v", id)
	}
	id, err = people.ParseIDNumber("530325198001010010", today)
	if err != nil {
		t.Fatal(err)
	}
	if id.Sex != "M" || id.Birth.Year() != 1980 {
		t.Fatalf("got %+v", id)
	}
}

func TestCheckDigitMatchesParse(t *testing.T) {
	for _, first17 := range []string{"53032519800101001", "53032520260101000", "11010519491231002"} {
		n := first17 + string(people.CheckDigit(first17))
		if _, err := people.ParseIDNumber(n, today); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
	}
}

// TestAgeOn: an age is full years, a year full on the birthday itself; a
// birthday of 29 February is reached on 1 March in a year without one and
// on 29 February in a leap year.
func TestAgeOn(t *testing.T) {
	for _, c := range []struct {
		birth, on string
		want      int
	}{
		{"1950-01-02", "2026-01-01", 75}, // the day before the birthday
		{"1950-01-02", "2026-01-02", 76}, // the birthday
		{"1950-01-02", "2026-12-31", 76},
		{"1950-12-31", "2026-01-01", 75},
		{"2008-11-26", "2026-11-25", 17},
		{"2008-11-26", "2026-11-26", 18},
		{"2008-02-29", "2008-02-29", 0}, // born today
		{"2008-02-29", "2026-02-28", 17},
		{"2008-02-29", "2026-03-01", 18},
		{"2008-02-29", "2028-02-28", 19},
		{"2008-02-29", "2028-02-29", 20},
		{"2007-03-01", "2026-02-28", 18},
		{"2007-03-01", "2026-03-01", 19},
		{"2008-02-29", "2030-12-31", 22},
	} {
		if got := people.AgeOn(day.MustParse(c.birth), day.MustParse(c.on)); got != c.want {
			t.Errorf("AgeOn(%s, %s) = %d, want %d", c.birth, c.on, got, c.want)
		}
	}
}

// TestIDNumberBornTodayNotTomorrow: a birth on today's day is accepted,
// one on tomorrow's is refused with the digits it read.
func TestIDNumberBornTodayNotTomorrow(t *testing.T) {
	valid := func(d day.Day) string {
		first17 := "530325" + strings.ReplaceAll(d.String(), "-", "") + "001"
		return first17 + string(people.CheckDigit(first17))
	}
	id, err := people.ParseIDNumber(valid(today), today)
	if err != nil || id.Birth != today {
		t.Fatalf("born today: %+v, %v", id, err)
	}
	_, err = people.ParseIDNumber(valid(today.AddDays(1)), today)
	e := apperr.As(err)
	if e == nil || e.Fields["id_number"].Key != "idnumber.birth" || e.Fields["id_number"].Params["digits"] != "20261127" {
		t.Fatalf("born tomorrow: %v", err)
	}
}
