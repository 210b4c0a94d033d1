package i18n

// Messages of the commendation of outstanding members (表彰优秀党员).
func init() {
	Register(map[string][2]string{
		"nav.commendations": {"表彰优秀党员", "Commendations"},

		"commendation.step.1":               {"支部会议民主评议", "democratic review at branch meetings"},
		"commendation.step.2":               {"支部推荐", "branch recommendation"},
		"commendation.step.3":               {"党总支审核", "general branch review"},
		"commendation.step.4":               {"党总支全体党员大会民主评选", "election by the general branch's members' assembly"},
		"commendation.reason.unqualified":   {"当年民主评议不合格", "graded unqualified this year"},
		"commendation.reason.discipline":    {"受党纪处分期间", "under party discipline"},
		"discipline.kind.warning":           {"警告", "Warning"},
		"discipline.kind.serious_warning":   {"严重警告", "Serious warning"},
		"discipline.kind.removal_from_post": {"撤销党内职务", "Removal from party posts"},
		"discipline.kind.probation":         {"留党察看", "Probation within the party"},

		"commendation.year_range":         {"年度须在 {min} 至 {max} 之间。", "The year must be between {min} and {max}."},
		"commendation.duplicate":          {"{name} {year} 年度的评选已经开始。", "{name}'s commendation of {year} has already begun."},
		"commendation.step_unknown":       {"请选择评选步骤。", "Choose the step."},
		"commendation.date_future":        {"日期不能晚于今天（{today}）。", "The date cannot be after today ({today})."},
		"commendation.expected_required":  {"请填写应到人数（至少 1 人）。", "Enter the number expected (at least 1)."},
		"commendation.present_range":      {"实到人数须在 0 至应到 {expected} 人之间。", "The number present must be between 0 and the {expected} expected."},
		"commendation.list_empty":         {"请在名单中至少选择一名党员。", "Put at least one member on the list."},
		"commendation.not_member":         {"名单中有人（编号 {id}）不是本党总支党员，或重复出现。", "Someone on the list (id {id}) is not a member of this general branch, or is listed twice."},
		"commendation.votes_range":        {"{name} 的得票须在 0 至实到 {present} 人之间。", "{name}'s votes must be between 0 and the {present} present."},
		"commendation.discipline_unknown": {"请选择处分种类。", "Choose the kind of discipline."},
		"commendation.until_before":       {"处分期满日期不能早于决定日期。", "The end of the discipline cannot be before its decision."},

		"rule.commendation.general_branch_only": {"表彰优秀党员以村（社区）党总支为单位评选，{name} 不是党总支。", "Commendations are run by a village general branch; {name} is not one."},
		"rule.commendation.finished":            {"{year} 年度的评选四个步骤均已完成。", "All four steps of {year}'s commendation are done."},
		"rule.commendation.step_order":          {"评选须按步骤依次进行：下一步是“{next}”，不能先进行“{step}”。", "The steps go in order: next is “{next}”, not “{step}”."},
		"rule.commendation.date_order":          {"本步骤日期不能早于上一步骤“{step}”（{date}）。", "This step cannot be dated before the previous step “{step}” ({date})."},
		"rule.commendation.quorum":              {"实到 {present} 人，未超过应到 {expected} 人的半数，会议不能进行评选。", "{present} present is not more than half of the {expected} expected: the meeting cannot decide."},
		"rule.commendation.quota":               {"党员 {members} 人，表彰名额最多 {quota} 人（党员总数的 20%，向下取整），本步名单 {listed} 人，超出名额。", "{members} members: at most {quota} may be commended (20% of all members, rounded down); this list has {listed}."},
		"rule.commendation.ineligible":          {"{names} 不能参加 {year} 年度评选：当年民主评议不合格或受党纪处分。", "{names} cannot be commended for {year}: graded unqualified that year, or under discipline."},
		"rule.commendation.not_passed":          {"{names} 未通过上一步骤“{step}”，不能列入本步名单。", "{names} did not pass the previous step “{step}” and cannot be on this list."},
		"rule.commendation.majority":            {"{names} 得票未超过实到 {present} 人的半数。", "{names}: not more than half of the {present} present voted for them."},

		"audit.action.commendation.start":      {"开始表彰评选", "Begin a commendation"},
		"audit.action.commendation.step":       {"记录评选步骤", "Record a commendation step"},
		"audit.action.commendation.discipline": {"记录党纪处分", "Record party discipline"},
		"audit.entity.commendation":            {"表彰评选", "Commendation"},
	})
}
