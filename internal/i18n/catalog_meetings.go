package i18n

// Messages of member activities: 三会一课 and other meetings, compliance
// and the overdue list, 设岗定责, 评星授旗, 民主评议, 谏言献策, the care
// fund (激励关怀帮扶资金) and member self-service.
func init() {
	Register(map[string][2]string{
		// Meetings and their rules.
		"meeting.kind.branch_assembly": {"支部党员大会", "Branch members' assembly"},
		"meeting.kind.committee":       {"支委会", "Branch committee meeting"},
		"meeting.kind.group":           {"党小组会", "Party group meeting"},
		"meeting.kind.lecture":         {"党课", "Party lecture"},
		"meeting.kind.theme_day":       {"主题党日", "Theme party day"},
		"meeting.kind.life_meeting":    {"组织生活会", "Organisational life meeting"},

		"meeting.not_branch":          {"只有党支部（村民小组党支部、产业党组织）记录“三会一课”。", "Only party branches (group or industry branches) record these meetings."},
		"meeting.kind_unknown":        {"请选择会议类型。", "Choose the kind of meeting."},
		"meeting.date_future":         {"日期不能晚于今天（{today}）。", "The date cannot be after today ({today})."},
		"meeting.attendee_duplicate":  {"{name} 在名单中出现了两次。", "{name} is on the list twice."},
		"meeting.attendee_unknown":    {"名单中有人（编号 {ids}）在 {date} 不是本支部党员。", "Some people on the list (ids {ids}) were not members of this branch on {date}."},
		"meeting.attendance_required": {"请在名单中标出应到人员（出席或缺席）。", "Mark who was expected (present or absent)."},
		"meeting.expected_required":   {"支部名册中尚无党员，请填写应到人数（至少 1 人）。", "The branch has nobody on its roster yet: enter the number expected (at least 1)."},

		"rule.meeting.absence_reason":           {"缺席人员须说明原因：{names}（{n} 人）。", "Give a reason for each absentee: {names} ({n})."},
		"rule.meeting.present_exceeds_expected": {"实到 {present} 人，超过应到 {expected} 人。", "{present} present is more than the {expected} expected."},
		"rule.meeting.quorum_members":           {"到会有表决权的党员 {present} 人，未超过应到有表决权党员 {expected} 人的半数：会议已记录，但不计入“三会一课”完成情况。", "{present} members with a vote present, not more than half of the {expected} with a vote: the meeting is recorded but does not count toward compliance."},
		"rule.meeting.quorum_committee":         {"到会支委 {present} 人，未超过应到支委 {expected} 人的半数：会议已记录，但不计入“三会一课”完成情况。", "{present} committee members present, not more than half of the {expected}: the meeting is recorded but does not count toward compliance."},

		// Compliance.
		"compliance.year_range":   {"年度须在 2000 至 {max} 之间。", "The year must be between 2000 and {max}."},
		"cadence.month":           {"每月", "Monthly"},
		"cadence.quarter":         {"每季度", "Quarterly"},
		"cadence.year":            {"每年", "Yearly"},
		"period.state.met":        {"已开", "Held"},
		"period.state.missed":     {"未开", "Missed"},
		"period.state.due":        {"本期待开", "Due"},
		"period.state.upcoming":   {"未到", "Not yet"},
		"period.state.untracked":  {"无记录期", "Before records"},
		"period.state.met.short":  {"✓", "✓"},
		"period.state.miss.short": {"✗", "✗"},

		// Activities shared by duties, stars, evaluations.
		"activity.year_range":          {"年度须在 {min} 至 {max} 之间。", "The year must be between {min} and {max}."},
		"activity.not_member":          {"{name} 目前不是党员（预备或正式）。", "{name} is not a party member (probationary or full) now."},
		"activity.status.probationary": {"预备党员", "Probationary member"},
		"activity.status.full":         {"正式党员", "Full member"},
		"activity.status.left":         {"已离开", "Left"},

		// 设岗定责.
		"duty.duplicate": {"{name} 在 {year} 年已有“{post}”岗位。", "{name} already holds the post “{post}” in {year}."},

		// 评星授旗.
		"star.lead.study":   {"带头学习提高", "Leads in study"},
		"star.lead.achieve": {"带头争创佳绩", "Leads in achievement"},
		"star.lead.serve":   {"带头服务群众", "Leads in serving the people"},
		"star.lead.law":     {"带头遵纪守法", "Leads in keeping the law"},
		"star.lead.virtue":  {"带头弘扬正气", "Leads in upholding integrity"},
		"star.lead_unknown": {"请从“五带头”中选择。", "Choose from the five leads."},
		"rule.star.range":   {"评星按“五带头”每达到一项得一星，须为 {min}–{max} 星，本次 {stars} 星。", "A rating gives one star per lead met and must be {min}–{max} stars; this one has {stars}."},

		// 民主评议.
		"evaluation.grade.excellent":   {"优秀", "Excellent"},
		"evaluation.grade.qualified":   {"合格", "Qualified"},
		"evaluation.grade.basic":       {"基本合格", "Basically qualified"},
		"evaluation.grade.unqualified": {"不合格", "Unqualified"},
		"evaluation.grade.none":        {"参加评议，不评定等次", "Took part, not graded"},
		"evaluation.held_on_year":      {"{year} 年度的民主评议应在 {year} 年或 {next} 年召开。", "The evaluation of {year} is held in {year} or {next}."},
		"evaluation.empty":             {"请为参评党员评定等次。", "Grade the members taking part."},
		"evaluation.not_in_branch":     {"编号 {id} 在 {date} 不是本支部党员。", "Id {id} was not a member of this branch on {date}."},
		"evaluation.grade_required":    {"请为正式党员 {name} 评定等次。", "Grade the full member {name}."},
		"evaluation.already":           {"{name} 的 {year} 年度民主评议已有结果。", "{name} already has a result for {year}."},

		"rule.evaluation.probationary_not_graded": {"{name} 是预备党员，参加民主评议但不评定等次。", "{name} is a probationary member: they take part but are not graded."},
		"rule.evaluation.excellent_cap":           {"优秀 {excellent} 人，超过参评 {graded} 人的{share}（最多 {max} 人）。", "{excellent} rated excellent is more than {share} of the {graded} graded (at most {max})."},

		"share.one_half":    {"二分之一", "one half"},
		"share.one_third":   {"三分之一", "one third"},
		"share.one_quarter": {"四分之一", "one quarter"},
		"share.one_fifth":   {"五分之一", "one fifth"},

		// 谏言献策.
		"suggestion.already_replied": {"该建议已于 {date} 答复。", "This suggestion was answered on {date}."},

		// 激励关怀帮扶资金.
		"fund.not_town":        {"帮扶资金按镇设立，请选择镇。", "The care fund is kept per town: choose a town."},
		"fund.amount_range":    {"金额须大于 0 元，且不超过 {max} 元。", "The amount must be above 0 and at most {max} yuan."},
		"fund.amount_format":   {"金额格式如 5000 或 5000.50（元，最多两位小数）。", "Enter an amount in yuan such as 5000 or 5000.50."},
		"fund.grant_decided":   {"该发放申请已{status}。", "This grant is already {status}."},
		"fund.status.proposed": {"待审批", "awaiting approval"},
		"fund.status.approved": {"已批准发放", "approved and paid"},
		"fund.status.rejected": {"未批准", "rejected"},
		"fund.kind.income":     {"收入", "Income"},
		"fund.kind.grant":      {"发放", "Grant"},

		"rule.fund.self_approval": {"发放申请由 {proposer} 提出，须由其他有审批权限的人员审批。", "{proposer} proposed this grant; someone else with approval rights must approve it."},
		"rule.fund.balance":       {"余额 {balance} 元，不足以发放 {amount} 元。", "The balance of {balance} yuan does not cover {amount} yuan."},

		// Self-service.
		"rule.self.not_linked": {"您的账号尚未关联党员档案，请联系支部书记。", "Your account is not linked to a member record. Ask your branch secretary."},
		"self.user_unknown":    {"账号不存在。", "No such account."},
		"self.user_linked":     {"该账号已关联另一名党员（编号 {id}）。", "That account is already linked to another member (id {id})."},

		// Audit actions.
		"audit.action.meeting.record":    {"记录会议", "Recorded a meeting"},
		"audit.action.duty.assign":       {"设岗定责", "Assigned a post"},
		"audit.action.duty.remove":       {"撤销岗位", "Removed a post"},
		"audit.action.star.rate":         {"评星", "Rated a member"},
		"audit.action.evaluation.record": {"民主评议", "Recorded an evaluation"},
		"audit.action.suggestion.submit": {"提交建议", "Submitted a suggestion"},
		"audit.action.suggestion.reply":  {"答复建议", "Answered a suggestion"},
		"audit.action.fund.income":       {"帮扶资金收入", "Care fund income"},
		"audit.action.fund.propose":      {"提出帮扶发放", "Proposed a grant"},
		"audit.action.fund.approve":      {"批准帮扶发放", "Approved a grant"},
		"audit.action.fund.reject":       {"驳回帮扶发放", "Rejected a grant"},
		"audit.action.self.link_account": {"关联党员账号", "Linked a member's account"},
	})
}
