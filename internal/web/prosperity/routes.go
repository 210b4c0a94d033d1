package prosperity

import (
	"dangjian/internal/auth"
	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// routes are the trainings with their forms, the coverage targets, the
// villages' industries and cooperatives with their member households,
// and what the town's industry party organisations are set up in.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/trainings", h.trainingList).Needs(auth.PermPeopleRead),
		web.Page("POST", "/trainings", h.trainingCreate).Needs(auth.PermProsperity),
		web.Page("GET", "/trainings/{id}", h.trainingShow).Needs(auth.PermPeopleRead),
		web.Page("POST", "/trainings/{id}/sessions", h.sessionCreate).Needs(auth.PermProsperity),
		web.Page("POST", "/trainings/{id}/complete", h.trainingComplete).Needs(auth.PermProsperity),
		web.Page("GET", "/coverage", h.coverageShow).Needs(auth.PermPeopleRead),
		web.Page("GET", "/industries", h.industryShow).Needs(auth.PermPeopleRead),
		web.Page("POST", "/industries", h.industryCreate).Needs(auth.PermProsperity),
		web.Page("POST", "/industries/{id}/cooperatives", h.cooperativeCreate).Needs(auth.PermProsperity),
		web.Page("GET", "/cooperatives/{id}", h.cooperativeShow).Needs(auth.PermPeopleRead),
		web.Page("POST", "/cooperatives/{id}/members", h.enrolCreate).Needs(auth.PermProsperity),
		web.Page("POST", "/industry-attachments", h.attachmentSet).Needs(auth.PermProsperity),

		web.API("GET", "/api/v1/trainings", h.apiTrainingList).Needs(auth.PermPeopleRead),
		web.API("GET", "/api/v1/trainings/{id}", h.apiTrainingShow).Needs(auth.PermPeopleRead),
		web.API("POST", "/api/v1/trainings/{id}/sessions", h.apiSessionCreate).Needs(auth.PermProsperity),
		web.API("GET", "/api/v1/coverage", h.apiCoverageShow).Needs(auth.PermPeopleRead),
		web.API("GET", "/api/v1/village-model", h.apiModelShow).Needs(auth.PermPeopleRead),
		web.API("POST", "/api/v1/industries", h.apiIndustryCreate).Needs(auth.PermProsperity),
		web.API("POST", "/api/v1/industries/{id}/cooperatives", h.apiCooperativeCreate).Needs(auth.PermProsperity),
		web.API("GET", "/api/v1/cooperatives/{id}", h.apiCooperativeShow).Needs(auth.PermPeopleRead),
		web.API("POST", "/api/v1/cooperatives/{id}/members", h.apiEnrolCreate).Needs(auth.PermProsperity),
		web.API("GET", "/api/v1/industry-orgs", h.apiIndustryOrgList).Needs(auth.PermPeopleRead),
		web.API("POST", "/api/v1/industry-attachments", h.apiAttachmentSet).Needs(auth.PermProsperity),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/trainings": {Summary: "Trainings (两校进村, 绿色证书, 远程教育站点辅导, 科技下乡) of a village (org_id a village) or a town, newest first",
		Query: []string{"org_id", "before", "limit"}, Response: prosperity.Training{}, List: true},
	"GET /api/v1/trainings/{id}": {Summary: "One training with its sessions and the residents who attended, completed and were certified",
		Response: prosperity.TrainingView{}},
	"POST /api/v1/trainings/{id}/sessions": {Status: 201, Summary: "Record a session of a training with the residents of its village who attended",
		Request: sessionBody{}, Response: prosperity.Session{}},
	"GET /api/v1/coverage": {Summary: "The two targets of a village or town from the registry: households with a 科技明白人 (a certificate holder), young adults (band configurable, default 18–45) with a skill; the missing listed per village up to missing (default 50)",
		Query: []string{"org_id", "missing"}, Response: prosperity.Coverage{}},
	"GET /api/v1/village-model": {Summary: "A village's 支部+产业+专业合作组织+农户: industries, cooperatives with their leading branch and member households",
		Query: []string{"village_id"}, Response: prosperity.Model{}},
	"POST /api/v1/industries": {Status: 201, Summary: "Register an industry of a village: kind one_product (一村一品) or specialty (特色产业); the name is unique in the village (industry.duplicate)",
		Request: industryBody{}, Response: prosperity.Industry{}},
	"POST /api/v1/industries/{id}/cooperatives": {Status: 201, Summary: "Register a cooperative (专业合作组织) in an industry, led by a branch (a group branch or an industry party organisation the caller sees)",
		Request: cooperativeBody{}, Response: prosperity.Cooperative{}},
	"GET /api/v1/cooperatives/{id}": {Summary: "One cooperative with its member households",
		Response: prosperity.CooperativeView{}},
	"POST /api/v1/cooperatives/{id}/members": {Status: 201, Summary: "Enrol households of the cooperative's village in it (an id of another village answers like a made-up one: prosperity.not_in_village); households already in it stay as they are, added counts the new ones",
		Request: enrolBody{}, Response: enrolled{}},
	"GET /api/v1/industry-orgs": {Summary: "A town's industry party organisations (龙头企业型, 煤矿企业型, 重点项目服务型, 特色产业型) with what each is set up in (org_id a town; the caller's town by default)",
		Query: []string{"org_id"}, Response: prosperity.IndustryOrg{}, List: true},
	"POST /api/v1/industry-attachments": {Summary: "Record what an industry party organisation is set up in: kind enterprise, mine, project or cooperative, its name, and the cooperative when it is one the caller sees",
		Request: attachmentBody{}, Response: prosperity.IndustryOrg{}},
}
