package i18n

func init() {
	Register(map[string][2]string{
		"idnumber.length":                {"身份证号应为 18 位，现为 {n} 位。", "An id number has 18 characters; this has {n}."},
		"idnumber.digits":                {"身份证号前 17 位应为数字，最后一位为数字或 X。", "The first 17 characters must be digits, the last a digit or X."},
		"idnumber.region":                {"身份证号的地区码无效。", "The region code is not valid."},
		"idnumber.birth":                 {"身份证号中的出生日期 {digits} 无效。", "The birth date {digits} in the number is not valid."},
		"audit.action.identifier.reseal": {"身份证号换用加密算法重新加密", "Id numbers re-sealed with another cipher"},
		"idnumber.check":                 {"身份证号校验位不符（按前 17 位应为 {want}），请核对是否录错。", "The check character does not match (it should be {want}); check for a typo."},
	})
}
