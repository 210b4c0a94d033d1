package xlsx

// isDateFormatID reports whether a built-in number format shows a date
// (or a time, which is a date's fraction).
func isDateFormatID(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// isDateFormatCode reports whether a custom format code shows a date: it
// has y, m or d outside quoted text, a backslash's escaped character and
// brackets ([Red], [$-804] are colours and locales).
func isDateFormatCode(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i] | 0x20; {
		case code[i] == '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case code[i] == '[':
			for i++; i < len(code) && code[i] != ']'; i++ {
			}
		case code[i] == '\\' || code[i] == '_' || code[i] == '*': // the next character is literal or padding
			i++
		case c == 'y' || c == 'm' || c == 'd':
			return true
		}
	}
	return false
}
