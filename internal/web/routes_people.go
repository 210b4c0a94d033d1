package web

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/people"
)

// peopleRoutes are households and residents.
func (s *Server) peopleRoutes() []route {
	return []route{
		{"GET", "/households", user, s.householdList},
		{"GET", "/households/new", user, s.householdNew},
		{"POST", "/households", user, s.householdCreate},
		{"GET", "/households/{id}", user, s.householdShow},
		{"GET", "/households/{id}/edit", user, s.householdEdit},
		{"POST", "/households/{id}/edit", user, s.householdUpdate},
		{"POST", "/households/{id}/residents", user, s.residentAdd},
		{"GET", "/residents", user, s.residentList},
		{"GET", "/residents/{id}", user, s.residentShow},
		{"GET", "/residents/{id}/edit", user, s.residentEdit},
		{"POST", "/residents/{id}/edit", user, s.residentUpdate},
		{"POST", "/residents/{id}/reveal", user, s.residentReveal},

		{"GET", "/api/v1/households", apiUser, s.apiHouseholdList},
		{"POST", "/api/v1/households", apiUser, s.apiHouseholdCreate},
		{"GET", "/api/v1/households/{id}", apiUser, s.apiHouseholdShow},
		{"PUT", "/api/v1/households/{id}", apiUser, s.apiHouseholdUpdate},
		{"GET", "/api/v1/residents", apiUser, s.apiResidentList},
		{"POST", "/api/v1/residents", apiUser, s.apiResidentCreate},
		{"GET", "/api/v1/residents/{id}", apiUser, s.apiResidentShow},
		{"PUT", "/api/v1/residents/{id}", apiUser, s.apiResidentUpdate},
		{"POST", "/api/v1/residents/{id}/reveal", apiUser, s.apiResidentReveal},
	}
}

var peopleAPIDocs = map[string]apiDoc{
	"GET /api/v1/households": {Summary: "Households in the caller's scope, in id order. q: head or member name, code, or an 18-character id number (exact)",
		Query: []string{"q", "code", "head_name", "org_id", "after", "limit"}},
	"POST /api/v1/households": {Summary: "Register a household in a village general branch or one of its group branches; the code is unique in the town",
		Body: `{"org_id": 12, "code": "海丹-03-012", "head_name": "…", "address": "…", "phone": "…"}`},
	"GET /api/v1/households/{id}": {Summary: "A household with its residents (id numbers masked)"},
	"PUT /api/v1/households/{id}": {Summary: "Change a household; a new org_id moves it and its residents to another group",
		Body: `{"org_id": 12, "code": "…", "head_name": "…", "address": "…", "phone": "…"}`},
	"GET /api/v1/residents": {Summary: "Residents in the caller's scope, in id order. q: a name or an 18-character id number; ages are full years today",
		Query: []string{"q", "id_number", "org_id", "min_age", "max_age", "after", "limit"}},
	"POST /api/v1/residents": {Summary: "Add a resident to a household; birth date and sex are read from the id number",
		Body: `{"household_id": 5, "name": "…", "id_number": "530325…", "relation": "head|spouse|child|child_in_law|grandchild|parent|sibling|other", "phone": "…"}`},
	"GET /api/v1/residents/{id}": {Summary: "One resident, id number masked"},
	"PUT /api/v1/residents/{id}": {Summary: "Change a resident; an empty or absent id_number keeps the stored one",
		Body: `{"name": "…", "id_number": "", "relation": "child", "phone": "…"}`},
	"POST /api/v1/residents/{id}/reveal": {Summary: "The full id number; needs the reveal permission and every call is logged"},
}

// peopleOrgView is the registry's part of an organisation page: its own
// counts and, on a town or village page, one row per child.
type peopleOrgView struct {
	Own  people.Counts
	Rows []peopleOrgRow
}

type peopleOrgRow struct {
	Org    org.Org
	Counts people.Counts
}

// countedTypes are the organisations whose pages show registry counts.
var countedTypes = map[org.Type]bool{org.TypeCounty: true, org.TypeTown: true, org.TypeGeneralBranch: true, org.TypeBranch: true}

// peopleOrgExtra adds household and resident counts to a town, village
// or group page, the node and all its children in one query.
func (s *Server) peopleOrgExtra(r *http.Request, o org.Org, data map[string]any) error {
	if !countedTypes[o.Type] {
		return nil
	}
	// The org page leaves villages out of its children on a town page (its
	// overview lists them), so the registry asks for the children itself.
	children, err := s.svc.Org.List(r.Context(), actorOf(r), org.Filter{ParentID: o.ID, Limit: 500})
	if err != nil {
		return err
	}
	ids := []int64{o.ID}
	for _, c := range children {
		if countedTypes[c.Type] {
			ids = append(ids, c.ID)
		}
	}
	counts, err := s.svc.People.Counts(r.Context(), actorOf(r), ids)
	if err != nil {
		return err
	}
	own, ok := counts[o.ID]
	if !ok {
		return nil // the viewer may not read the registry here
	}
	v := peopleOrgView{Own: own}
	for _, c := range children {
		if cc, ok := counts[c.ID]; ok {
			v.Rows = append(v.Rows, peopleOrgRow{Org: c, Counts: cc})
		}
	}
	data["People"] = v
	return nil
}
