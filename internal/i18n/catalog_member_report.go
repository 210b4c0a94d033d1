package i18n

// Messages of the development report (发展党员工作情况统计).
func init() {
	Register(map[string][2]string{
		"nav.member_report":        {"发展党员统计", "Development report"},
		"report.title":             {"发展党员工作情况统计", "Party development report"},
		"report.title_year":        {"{year}年发展党员工作情况统计", "Party development report {year}"},
		"report.sheet":             {"发展党员工作情况", "Development"},
		"report.as_of":             {"现状截至 {on}", "Current figures as of {on}"},
		"report.help":              {"坚持标准、保证质量、改善结构、慎重发展。重点人群和结构只作统计，不作限制。", "Standards, quality, structure, prudence: the focus groups and the structure are reported on, not enforced."},
		"report.year":              {"年度", "Year"},
		"report.org":               {"范围", "Area"},
		"report.export":            {"导出 Excel", "Export to Excel"},
		"report.print":             {"打印请使用浏览器的打印功能（A4 横向）。", "Print with the browser's print command (A4 landscape)."},
		"report.col.village":       {"村（社区）", "Village"},
		"report.col.town":          {"镇", "Town"},
		"report.ages_rule":         {"党员年龄按 {year} 年 12 月 31 日计算（{year} 减出生年份）；发展党员年龄按入党之日计算。", "Members' ages are as at 31 December {year} ({year} less the year of birth); ages at admission are on the day of admission."},
		"report.col.total":         {"合计", "Total"},
		"report.col.women":         {"女", "Women"},
		"report.col.women_share":   {"女性占比", "Women's share"},
		"report.col.became_full":   {"转正人数", "Became full"},
		"report.group.stages":      {"发展阶段现有人数", "In the pipeline now"},
		"report.group.admitted":    {"当年发展预备党员（年龄按入党时）", "Admitted as probationary this year (age at admission)"},
		"report.group.became_full": {"当年转正", "Became full this year"},
		"report.group.members":     {"党员队伍结构（正式+预备，年龄按年末）", "Members' structure (full + probationary, age at the end of the year)"},
		"report.total":             {"合计", "Total"},
		"report.direct":            {"镇直及其他", "Town-level and other"},
		"report.by_category":       {"重点人群", "Focus groups"},
		"report.by_age":            {"年龄", "Age"},
		"report.age.le35":          {"35岁及以下", "35 and under"},
		"report.age.36_45":         {"36–45岁", "36–45"},
		"report.age.46_60":         {"46–60岁", "46–60"},
		"report.age.gt60":          {"61岁及以上", "Over 60"},
		"member.category.other":    {"其他", "Other"},
	})
}
