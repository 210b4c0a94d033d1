package i18n

// Messages of the 两委 credibility survey (公信度调查).
func init() {
	Register(map[string][2]string{
		"nav.surveys":          {"公信度调查", "Credibility surveys"},
		"home.surveys_open":    {"进行中的公信度调查 {n} 项", "{n} credibility surveys open"},
		"home.surveys_flagged": {"待甄别的公信度调查对象 {n} 个", "{n} surveyed cadres waiting for 甄别"},

		"survey.group.cadre":         {"基层干部", "Grassroots cadres"},
		"survey.group.party_rep":     {"党代表", "Party congress deputies"},
		"survey.group.npc_rep":       {"人大代表", "People's congress deputies"},
		"survey.group.cppcc":         {"政协委员", "CPPCC members"},
		"survey.group.public":        {"基层群众", "Villagers"},
		"survey.rating.satisfied":    {"满意", "Satisfied"},
		"survey.rating.basic":        {"基本满意", "Mostly satisfied"},
		"survey.rating.dissatisfied": {"不满意", "Dissatisfied"},
		"survey.action.retained":     {"甄别后保留", "Kept after review"},
		"survey.action.adjusted":     {"调整", "Adjusted"},
		"survey.action.replaced":     {"撤换", "Replaced"},
		"survey.action.referred":     {"违法乱纪，移送查处", "Referred for violations of law or discipline"},
		"survey.kind.team":           {"班子", "Team"},
		"survey.kind.person":         {"个人", "Person"},

		"survey.year_range":      {"年度须在 {min} 至 {max} 之间。", "The year must be between {min} and {max}."},
		"survey.threshold_range": {"甄别分数线须在 1 至 100 之间。", "The review threshold must be between 1 and 100."},
		"survey.duplicate":       {"{name} {year} 年已有公信度调查。", "{name} already has a credibility survey in {year}."},
		"survey.closed":          {"本次调查已于 {date} 结束。", "This survey closed on {date}."},
		"survey.group_unknown":   {"请选择调查对象类别。", "Choose a respondent group."},
		"survey.count_range":     {"一次可印制 1 至 {max} 张调查码。", "Print 1 to {max} slips at a time."},
		"survey.action_unknown":  {"请选择甄别结果。", "Choose what the review decided."},
		"survey.date_future":     {"日期不能晚于今天（{today}）。", "The date cannot be after today ({today})."},

		"rule.survey.village_only":        {"公信度调查针对村（社区）“两委”班子，{name} 不是村党总支。", "A credibility survey is of a village's 两委; {name} is not a village general branch."},
		"rule.survey.no_committee":        {"{name} 的“两委”岗位尚无人任职，无法开展调查。", "Nobody holds a 两委 post in {name} yet: there is nobody to survey."},
		"rule.survey.weights":             {"各类调查对象的权重合计须为 100%（现为 {sum}%）。", "The groups' weights must add up to 100% (they add up to {sum}%)."},
		"rule.survey.closed":              {"本次调查已于 {date} 结束。", "This survey closed on {date}."},
		"rule.survey.code_invalid":        {"调查码无效或已使用：每个调查码只能使用一次。", "This code is not valid or has been used: each code can be used once."},
		"rule.survey.rate_all":            {"请对每一项作出评价，尚有 {n} 项未评：{names}。", "Rate every item: {n} not rated yet: {names}."},
		"rule.survey.results_after_close": {"调查结束后方可查看结果（已收回 {answered} 份）。", "Results are shown once the survey is closed ({answered} answers so far)."},
		"rule.survey.not_flagged":         {"只有得分低于甄别分数线 {threshold} 分的对象需要甄别（该对象得分 {score}）。", "Only subjects scoring below the threshold of {threshold} go to review (this one scored {score})."},

		"audit.action.survey.open":     {"开展公信度调查", "Open a credibility survey"},
		"audit.action.survey.codes":    {"印制调查码", "Issue survey codes"},
		"audit.action.survey.close":    {"结束公信度调查", "Close a credibility survey"},
		"audit.action.survey.followup": {"记录甄别结果", "Record a review decision"},
		"audit.entity.survey":          {"公信度调查", "Credibility survey"},
	})
}
