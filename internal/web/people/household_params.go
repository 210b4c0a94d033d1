package people

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/people"
	"dangjian/internal/web"
)

// householdFilter reads the list filters shared by the page and the API.
func householdFilter(r *http.Request) people.HouseholdFilter {
	return people.HouseholdFilter{OrgID: web.QueryInt(r, "org_id"), Query: r.FormValue("q"), Code: r.FormValue("code"),
		HeadName: r.FormValue("head_name"), AfterID: web.QueryInt(r, "after")}
}

// residentFilter reads the resident list's filters. One search box serves
// names and id numbers: 18 characters starting with 17 digits is a number.
// An id number is taken only from a request body (byNumber): in an address
// it would stay in the browser's history and in every proxy's log.
func residentFilter(r *http.Request, byNumber bool) (people.ResidentFilter, error) {
	f := apperr.Fields{}
	rf := people.ResidentFilter{OrgID: web.QueryInt(r, "org_id"), IDNumber: strings.TrimSpace(r.FormValue("id_number")),
		MinAge: optInt(r, "min_age", f), MaxAge: optInt(r, "max_age", f),
		AfterID: web.QueryInt(r, "after")}
	q := strings.TrimSpace(r.FormValue("q"))
	if isIDNumberQuery(q) {
		rf.IDNumber = q
	} else {
		rf.Name = q
	}
	if !byNumber && rf.IDNumber != "" {
		numberInAddress(r, f, "id_number")
		rf.IDNumber = ""
	}
	return rf, f.Err()
}

// isIDNumberQuery tells an id number typed into a search box from a name.
func isIDNumberQuery(q string) bool {
	if len(q) != 18 {
		return false
	}
	_, err := strconv.ParseUint(q[:17], 10, 64)
	return err == nil
}

// optInt reads an optional whole number; a malformed one is a field error.
func optInt(r *http.Request, name string, f apperr.Fields) *int {
	s := strings.TrimSpace(r.FormValue(name))
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		f.Add(name, "error.number", nil)
		return nil
	}
	return &n
}

// nextURL is the list page after the last row shown, with the same filters.
func nextURL(r *http.Request, after int64) string {
	q := url.Values{}
	for k, v := range r.URL.Query() {
		if k != "after" && len(v) > 0 && v[0] != "" {
			q.Set(k, v[0])
		}
	}
	q.Set("after", strconv.FormatInt(after, 10))
	return r.URL.Path + "?" + q.Encode()
}

// householdForm reads the household form.
func householdForm(r *http.Request) people.HouseholdInput {
	return people.HouseholdInput{OrgID: web.QueryInt(r, "org_id"), Code: r.PostFormValue("code"),
		HeadName: r.PostFormValue("head_name"), Address: r.PostFormValue("address"), Phone: r.PostFormValue("phone")}
}

// residentForm reads the resident form.
func residentForm(r *http.Request, householdID int64) people.ResidentInput {
	return people.ResidentInput{HouseholdID: householdID, Name: r.PostFormValue("name"),
		IDNumber: strings.TrimSpace(r.PostFormValue("id_number")), Relation: people.Relation(r.PostFormValue("relation")),
		Phone: r.PostFormValue("phone")}
}
