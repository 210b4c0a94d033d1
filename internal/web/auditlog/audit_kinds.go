package auditlog

import (
	"strconv"

	"dangjian/internal/auth"
)

// recordKind says how the log names one type of record and where its page
// is. Names come from the stored before/after JSON, so listing a page of
// the log needs no query per row.
type recordKind struct {
	Entity string
	// Page is the record's page up to its id, e.g. "/members/"; "" when
	// the record has no page of its own.
	Page string
	// IDField holds the id the page takes when it is not the record's own
	// id: a member's star rating opens the member's page.
	IDField string
	// Perm is what the viewer needs over the record's organisation to
	// open the page; without it the name shows without a link.
	Perm auth.Perm
	// NameFields are tried in order; the first non-empty one names the
	// record.
	NameFields []string
}

// recordKinds lists every type of record the programmes write to the log,
// in the order of the filter's menu.
var recordKinds = []recordKind{
	{Entity: "member", Page: "/members/", Perm: auth.PermMemberRead, NameFields: []string{"name"}},
	{Entity: "member_tag", Page: "/members/", IDField: "member_id", Perm: auth.PermMemberRead, NameFields: []string{"member_name"}},
	{Entity: "member_duty", Page: "/members/", IDField: "member_id", Perm: auth.PermMemberRead, NameFields: []string{"member_name"}},
	{Entity: "member_star", Page: "/members/", IDField: "member_id", Perm: auth.PermMemberRead, NameFields: []string{"member_name"}},
	{Entity: "member_import", Page: "/member-imports/", Perm: auth.PermMemberRead},
	{Entity: "meeting", Page: "/meetings/", Perm: auth.PermMemberRead, NameFields: []string{"topic"}},
	{Entity: "suggestion", Page: "/suggestions/", Perm: auth.PermMemberRead, NameFields: []string{"title"}},
	{Entity: "fund_grant", Page: "/members/", IDField: "member_id", Perm: auth.PermMemberRead, NameFields: []string{"member_name"}},
	{Entity: "fund_entry", NameFields: []string{"description"}},
	{Entity: "matter", Page: "/matters/", Perm: auth.PermDemocracyRead, NameFields: []string{"title"}},
	{Entity: "disclosure", Page: "/disclosures/", Perm: auth.PermDemocracyRead, NameFields: []string{"title"}},
	{Entity: "representative", Perm: auth.PermDemocracyRead, NameFields: []string{"name"}},
	{Entity: "feedback", NameFields: []string{"org_name"}},
	{Entity: "democracy_rule", NameFields: []string{"rule"}},
	{Entity: "org", Page: "/orgs/", Perm: auth.PermOrgRead, NameFields: []string{"name"}},
	{Entity: "commendation", Page: "/commendations/", Perm: auth.PermCommendRead},
	{Entity: "survey", Page: "/surveys/", Perm: auth.PermSurveyRead, NameFields: []string{"title"}},
	{Entity: "post", Page: "/posts/", Perm: auth.PermOrgRead, NameFields: []string{"holder_name"}},
	{Entity: "weak_flag", Page: "/weak/", Perm: auth.PermOrgRead, NameFields: []string{"org_name"}},
	{Entity: "household", Page: "/households/", Perm: auth.PermPeopleRead, NameFields: []string{"head_name", "code"}},
	{Entity: "resident", Page: "/residents/", Perm: auth.PermPeopleRead, NameFields: []string{"name"}},
	{Entity: "site", Page: "/sites/", Perm: auth.PermOrgRead, NameFields: []string{"org_name"}},
	{Entity: "site_disbursement", Page: "/sites/", IDField: "site_id", Perm: auth.PermOrgRead, NameFields: []string{"org_name"}},
	{Entity: "site_milestone", Page: "/sites/", IDField: "site_id", Perm: auth.PermOrgRead, NameFields: []string{"org_name"}},
	{Entity: "site_plan", NameFields: []string{"title"}},
	{Entity: "site_rate", NameFields: []string{"org_name"}},
	{Entity: "training", Page: "/trainings/", Perm: auth.PermPeopleRead, NameFields: []string{"title"}},
	{Entity: "training_session", Page: "/trainings/", IDField: "training_id", Perm: auth.PermPeopleRead, NameFields: []string{"title", "topic"}},
	{Entity: "industry", NameFields: []string{"name"}},
	{Entity: "cooperative", NameFields: []string{"name"}},
	{Entity: "industry_attachment", Page: "/orgs/", IDField: "org_id", Perm: auth.PermOrgRead, NameFields: []string{"name"}},
	{Entity: "finance_request", Page: "/finance/expenditures/", Perm: auth.PermFinanceRead, NameFields: []string{"purpose"}},
	{Entity: "finance_voucher", Page: "/finance/vouchers/", Perm: auth.PermFinanceRead, NameFields: []string{"summary"}},
	{Entity: "finance_account", Page: "/finance/ledgers/", Perm: auth.PermFinanceRead, NameFields: []string{"name"}},
	{Entity: "finance_period", NameFields: []string{"period"}},
	{Entity: "finance_asset", NameFields: []string{"name"}},
	{Entity: "finance_contract", NameFields: []string{"resource_name"}},
	{Entity: "finance_reconciliation", NameFields: []string{"account_name"}},
	{Entity: "finance_town"},
	{Entity: "finance_signer", NameFields: []string{"name"}},
	{Entity: "finance_count", Page: "/finance/counts/", Perm: auth.PermFinanceRead, NameFields: []string{"name", "item_name"}},
	{Entity: "user", NameFields: []string{"display_name", "username"}},
	{Entity: "api_token", NameFields: []string{"name"}},
	{Entity: "centre_case", Page: "/cases/", Perm: auth.PermCentresRead, NameFields: []string{"title"}},
	{Entity: "centre_info", NameFields: []string{"category"}},
	{Entity: "centre_reception_day", NameFields: []string{"cadre"}},
	{Entity: "centre_enterprise_note", NameFields: []string{"enterprise"}},
	{Entity: "centre_register", Page: "/register-entries/", Perm: auth.PermCentresSensitive},
	{Entity: "centre_request", Page: "/requests/", Perm: auth.PermCentresRead, NameFields: []string{"applicant"}},
	{Entity: "culture_activity", NameFields: []string{"title"}},
	{Entity: "culture_person", NameFields: []string{"name"}},
	{Entity: "village_rules", NameFields: []string{"version"}},
	{Entity: "library_book", NameFields: []string{"title"}},
	{Entity: "library_loan", NameFields: []string{"title"}},
}

// kindOf finds the kind of an entity; an unknown one has no page.
func kindOf(entity string) recordKind {
	for _, k := range recordKinds {
		if k.Entity == entity {
			return k
		}
	}
	return recordKind{Entity: entity}
}

// link is the record's page for a viewer who may read it at orgPath, or "".
func (k recordKind) link(a *auth.Actor, orgPath string, id int64, fields map[string]any) string {
	if k.Page == "" || orgPath == "" || !a.CanAt(k.Perm, orgPath) {
		return ""
	}
	if k.IDField != "" {
		n, ok := fields[k.IDField].(float64)
		if !ok || n <= 0 {
			return ""
		}
		id = int64(n)
	}
	return k.Page + strconv.FormatInt(id, 10)
}

// name is the record's name from its stored fields, or "".
func (k recordKind) name(fields map[string]any) string {
	for _, f := range k.NameFields {
		if s, ok := fields[f].(string); ok && s != "" {
			return s
		}
	}
	return ""
}

// entityNames lists the entities for the filter's menu.
func entityNames() []string {
	out := make([]string, len(recordKinds))
	for i, k := range recordKinds {
		out[i] = k.Entity
	}
	return out
}
