package people_test

import (
	"strings"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

var today = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

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
	if id.Number != "11010519491231002X" || !id.Birth.Equal(time.Date(1949, 12, 31, 0, 0, 0, 0, time.UTC)) || id.Sex != "F" {
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

func TestAgeOn(t *testing.T) {
	birth := time.Date(2008, 2, 29, 0, 0, 0, 0, time.UTC)
	for day, want := range map[string]int{"2026-02-28": 17, "2026-03-01": 18, "2008-02-29": 0, "2030-12-31": 22} {
		d, _ := time.Parse("2006-01-02", day)
		if got := people.AgeOn(birth, d); got != want {
			t.Errorf("AgeOn(%s) = %d, want %d", day, got, want)
		}
	}
}
