package people

import (
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
)

// IDNumber is a checked 18-digit 公民身份号码 (GB 11643-1999) with what it
// tells about its holder.
type IDNumber struct {
	Number string  // normalised: upper-case X
	Birth  day.Day // from digits 7–14
	Sex    string  // "M" or "F", from digit 17 (odd is male)
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// CheckDigit computes the 18th character for the first 17 digits.
func CheckDigit(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// ParseIDNumber validates s as of today: a birth after today is refused.
// The errors name the field "id_number" and say what is wrong in terms a
// clerk can act on.
func ParseIDNumber(s string, today day.Day) (IDNumber, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 18 {
		return IDNumber{}, apperr.Invalid("id_number", "idnumber.length", apperr.Params{"n": len([]rune(s))})
	}
	for i := 0; i < 17; i++ {
		if s[i] < '0' || s[i] > '9' {
			return IDNumber{}, apperr.Invalid("id_number", "idnumber.digits", nil)
		}
	}
	if c := s[17]; (c < '0' || c > '9') && c != 'X' {
		return IDNumber{}, apperr.Invalid("id_number", "idnumber.digits", nil)
	}
	if s[0] == '0' || s[0] == '9' {
		return IDNumber{}, apperr.Invalid("id_number", "idnumber.region", nil)
	}
	birth, err := day.Parse(s[6:10] + "-" + s[10:12] + "-" + s[12:14])
	if err != nil || birth.Year() < 1900 || birth.After(today) {
		return IDNumber{}, apperr.Invalid("id_number", "idnumber.birth", apperr.Params{"digits": s[6:14]})
	}
	if want := CheckDigit(s[:17]); want != s[17] {
		return IDNumber{}, apperr.Invalid("id_number", "idnumber.check", apperr.Params{"want": string(want)})
	}
	sex := "F"
	if (s[16]-'0')%2 == 1 {
		sex = "M"
	}
	return IDNumber{Number: s, Birth: birth, Sex: sex}, nil
}

// Mask shows the region and the last four characters only:
// 530325********123X. Enough to tell two people apart on a list.
func Mask(number string) string {
	if len(number) != 18 {
		return strings.Repeat("*", len(number))
	}
	return number[:6] + strings.Repeat("*", 8) + number[14:]
}

// AgeOn is the full years of someone born on birth, on the day on. A
// birthday of 29 February falls on 1 March in a year without one: on 28
// February the year is not yet full.
func AgeOn(birth, on day.Day) int {
	age := on.Year() - birth.Year()
	if on.Month() < birth.Month() || (on.Month() == birth.Month() && on.Day() < birth.Day()) {
		age--
	}
	return age
}
