package i18n

// Messages of the household and resident registry (户, 村民).
func init() {
	Register(map[string][2]string{
		"people.org_invalid":      {"请选择所属的村党总支或村民小组党支部。", "Choose the village or village group the household belongs to."},
		"people.id_number_in_url": {"按身份证号查找请在搜索框中输入后提交，号码不会出现在网址中。", "Search by id number with the search box: the number must not appear in an address."},
		"people.code_taken":       {"户编号 {code} 在本镇已被使用。", "Household code {code} is already used in this town."},
		"people.relation_unknown": {"请选择与户主关系。", "Choose the relation to the head of household."},
		"people.id_taken_by":      {"该身份证号已登记为 {name}（户编号 {code}），请勿重复登记。", "This id number is already registered to {name} (household {code})."},
		"people.id_taken":         {"该身份证号已在其他村登记，请联系镇组织办核实。", "This id number is already registered in another village; ask the town office."},
		"people.age_range":        {"年龄应在 0–150 之间。", "An age is between 0 and 150."},
		"people.age_order":        {"最大年龄不能小于最小年龄。", "The maximum age cannot be below the minimum."},

		"relation.head":         {"户主", "Head"},
		"relation.spouse":       {"配偶", "Spouse"},
		"relation.child":        {"子女", "Child"},
		"relation.child_in_law": {"儿媳/女婿", "Child-in-law"},
		"relation.grandchild":   {"孙子女", "Grandchild"},
		"relation.parent":       {"父母", "Parent"},
		"relation.sibling":      {"兄弟姐妹", "Sibling"},
		"relation.other":        {"其他", "Other"},
		"sex.M":                 {"男", "Male"},
		"sex.F":                 {"女", "Female"},

		"households.title":     {"农户", "Households"},
		"households.new":       {"登记农户", "Register a household"},
		"households.search":    {"户主、村民姓名、户编号或 18 位身份证号", "Head, resident name, code or 18-character id number"},
		"household.title":      {"{code} 户", "Household {code}"},
		"household.edit":       {"修改农户信息", "Edit household"},
		"household.code":       {"户编号", "Code"},
		"household.head_name":  {"户主", "Head of household"},
		"household.address":    {"住址", "Address"},
		"household.phone":      {"联系电话", "Phone"},
		"household.org":        {"所属村组", "Village / group"},
		"household.residents":  {"家庭成员", "Members"},
		"household.count":      {"人数", "People"},
		"household.add_member": {"添加家庭成员", "Add a member"},
		"household.code_hint":  {"如 海丹-03-012（村-组-序号），本镇内唯一。", "e.g. 海丹-03-012 (village-group-number), unique in the town."},

		"residents.title":     {"村民", "Residents"},
		"residents.search":    {"姓名或 18 位身份证号", "Name or 18-character id number"},
		"residents.min_age":   {"最小年龄", "Min. age"},
		"residents.max_age":   {"最大年龄", "Max. age"},
		"resident.edit":       {"修改村民信息", "Edit resident"},
		"resident.name":       {"姓名", "Name"},
		"resident.id_number":  {"身份证号", "Id number"},
		"resident.id_hint":    {"出生日期和性别由身份证号自动读取。", "Birth date and sex are read from the number."},
		"resident.id_keep":    {"不修改请留空。", "Leave empty to keep the stored number."},
		"resident.birth_date": {"出生日期", "Born"},
		"resident.sex":        {"性别", "Sex"},
		"resident.age":        {"年龄", "Age"},
		"resident.relation":   {"与户主关系", "Relation to head"},
		"resident.phone":      {"联系电话", "Phone"},
		"resident.household":  {"所在户", "Household"},
		"resident.reveal":     {"显示完整号码", "Show full number"},
		"resident.revealed":   {"完整号码（本次查看已记录）：", "Full number (this look has been logged):"},
		"resident.masked":     {"号码已部分隐藏。", "The number is partly hidden."},

		"people.counts":     {"农户与村民", "Households and residents"},
		"people.households": {"户数", "Households"},
		"people.residents":  {"人数", "Residents"},
		"people.adults":     {"18 岁以上", "Aged 18+"},
		"people.village":    {"村/组", "Village / group"},
		"people.total":      {"合计", "Total"},

		"flash.household_created": {"农户已登记。", "Household registered."},
		"flash.household_saved":   {"农户信息已保存。", "Household saved."},
		"flash.resident_added":    {"家庭成员已添加。", "Member added."},
		"flash.resident_saved":    {"村民信息已保存。", "Resident saved."},
	})
}

func init() {
	Register(map[string][2]string{
		"audit.action.household.create": {"登记农户", "Household registered"},
		"audit.action.household.update": {"修改农户", "Household changed"},
		"audit.action.people.import":    {"批量导入村民", "Residents imported"},
		"audit.action.resident.create":  {"登记村民", "Resident registered"},
		"audit.action.resident.update":  {"修改村民", "Resident changed"},
	})
}
