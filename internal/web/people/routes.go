package people

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/org"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

// routes are households and residents.
func (h *handlers) routes() []web.Route {
	return []web.Route{
		web.Page("GET", "/households", h.householdList).Needs(auth.PermPeopleRead),
		web.Page("GET", "/households/new", h.householdNew).Needs(auth.PermPeopleWrite),
		web.Page("POST", "/households", h.householdCreate).Needs(auth.PermPeopleWrite),
		web.Page("GET", "/households/{id}", h.householdShow).Needs(auth.PermPeopleRead),
		web.Page("GET", "/households/{id}/edit", h.householdEdit).Needs(auth.PermPeopleWrite),
		web.Page("POST", "/households/{id}/edit", h.householdUpdate).Needs(auth.PermPeopleWrite),
		web.Page("POST", "/households/{id}/residents", h.residentAdd).Needs(auth.PermPeopleWrite),
		web.Page("GET", "/residents", h.residentList).Needs(auth.PermPeopleRead),
		web.Page("POST", "/residents/search", h.residentSearch).Needs(auth.PermPeopleRead),
		web.Page("POST", "/households/search", h.householdSearch).Needs(auth.PermPeopleRead),
		web.Page("GET", "/residents/{id}", h.residentShow).Needs(auth.PermPeopleRead),
		web.Page("GET", "/residents/{id}/edit", h.residentEdit).Needs(auth.PermPeopleWrite),
		web.Page("POST", "/residents/{id}/edit", h.residentUpdate).Needs(auth.PermPeopleWrite),
		web.Page("POST", "/residents/{id}/reveal", h.residentReveal).Needs(auth.PermPeopleReveal),

		web.API("GET", "/api/v1/households", h.apiHouseholdList).Needs(auth.PermPeopleRead),
		web.API("POST", "/api/v1/households", h.apiHouseholdCreate).Needs(auth.PermPeopleWrite),
		web.API("GET", "/api/v1/households/{id}", h.apiHouseholdShow).Needs(auth.PermPeopleRead),
		web.API("PUT", "/api/v1/households/{id}", h.apiHouseholdUpdate).Needs(auth.PermPeopleWrite),
		web.API("GET", "/api/v1/residents", h.apiResidentList).Needs(auth.PermPeopleRead),
		web.API("POST", "/api/v1/residents/search", h.apiResidentSearch).Needs(auth.PermPeopleRead),
		web.API("POST", "/api/v1/residents", h.apiResidentCreate).Needs(auth.PermPeopleWrite),
		web.API("GET", "/api/v1/residents/{id}", h.apiResidentShow).Needs(auth.PermPeopleRead),
		web.API("PUT", "/api/v1/residents/{id}", h.apiResidentUpdate).Needs(auth.PermPeopleWrite),
		web.API("POST", "/api/v1/residents/{id}/reveal", h.apiResidentReveal).Needs(auth.PermPeopleReveal),
	}
}

var apiDocs = map[string]web.APIDoc{
	"GET /api/v1/households": {Summary: "Households in the caller's scope, in id order. q: head or member name, code, or an 18-character id number (exact)",
		Query: []string{"q", "code", "head_name", "org_id", "after", "limit"}, Response: people.Household{}, List: true},
	"POST /api/v1/households":     {Status: 201, Summary: "Register a household in a village general branch or one of its group branches; the code is unique in the town", Request: householdBody{}, Response: people.Household{}},
	"GET /api/v1/households/{id}": {Summary: "A household with its residents (id numbers masked)", Response: householdJSON{}},
	"PUT /api/v1/households/{id}": {Summary: "Change a household; a new org_id moves it and its residents to another group", Request: householdBody{}, Response: people.Household{}},
	"GET /api/v1/residents": {Summary: "Residents in the caller's scope, in id order. q: part of a name; ages are full years today. An id number is refused here (it would stay in logs): use POST /api/v1/residents/search",
		Query: []string{"q", "org_id", "min_age", "max_age", "after", "limit"}, Response: people.Resident{}, List: true},
	"POST /api/v1/residents/search":      {Summary: "The resident list searched by id number (or any filter of GET /api/v1/residents) sent in the body, so the number never appears in an address", Request: residentSearchBody{}, Response: people.Resident{}, List: true},
	"POST /api/v1/residents":             {Status: 201, Summary: "Add a resident to a household; birth date and sex are read from the id number; relation: head, spouse, child, child_in_law, grandchild, parent, sibling, other", Request: residentBody{}, Response: people.Resident{}},
	"GET /api/v1/residents/{id}":         {Summary: "One resident, id number masked", Response: people.Resident{}},
	"PUT /api/v1/residents/{id}":         {Summary: "Change a resident; an empty or absent id_number keeps the stored one", Request: residentBody{}, Response: people.Resident{}},
	"POST /api/v1/residents/{id}/reveal": {Summary: "The full id number; needs the reveal permission and every call is logged", Response: revealJSON{}},
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
func (h *handlers) peopleOrgExtra(r *http.Request, o org.Org, data map[string]any) error {
	if !countedTypes[o.Type] {
		return nil
	}
	// The org page leaves villages out of its children on a town page (its
	// overview lists them), so the registry asks for the children itself.
	children, err := h.Svc.Org.List(r.Context(), web.ActorOf(r), org.Filter{ParentID: o.ID, Limit: 500})
	if err != nil {
		return err
	}
	ids := []int64{o.ID}
	for _, c := range children {
		if countedTypes[c.Type] {
			ids = append(ids, c.ID)
		}
	}
	counts, err := h.Svc.People.Counts(r.Context(), web.ActorOf(r), ids)
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
