package i18n

// The 三会一课 compliance table's marks, legend and totals.
func init() {
	Register(map[string][2]string{
		"compliance.legend":               {"图例", "Legend"},
		"compliance.legend.met":           {"已达标：到期应开的会都已开（已开期数/应开期数）", "Met: every period due was held (held / due)"},
		"compliance.legend.behind":        {"未达标：有到期应开而未开的期（已开期数/应开期数）", "Behind: a period that was due was not held (held / due)"},
		"compliance.legend.no_record":     {"暂无记录：自有记录以来还没有到期应开的期，不算未开", "No record yet: nothing has fallen due since the branch's records began; this is not a failure"},
		"compliance.mark.met":             {"已达标", "Met"},
		"compliance.mark.behind":          {"未达标", "Behind"},
		"compliance.mark.no_record":       {"暂无记录", "No record yet"},
		"compliance.mark.no_record_short": {"无记录", "no record"},
		"compliance.totals":               {"合计", "Totals"},
		"compliance.total_of":             {"{name} 合计", "{name}: totals"},
		"compliance.totals_line":          {"{n} 个支部：已达标 {met}，未达标 {behind}，暂无记录 {none}", "{n} branches: {met} met, {behind} behind, {none} with no record yet"},
	})
}
