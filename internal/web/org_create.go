package web

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
)

func (s *Server) orgCreate(w http.ResponseWriter, r *http.Request) error {
	parentID, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	sortOrder, _ := strconv.Atoi(r.PostFormValue("sort_order"))
	in := org.NewOrg{ParentID: parentID, Type: org.Type(r.PostFormValue("type")),
		IndustryType: org.IndustryType(r.PostFormValue("industry_type")), Name: r.PostFormValue("name"),
		ShortName: r.PostFormValue("short_name"), SortOrder: sortOrder}
	if d := formDate(r, "founded_on", f); !d.IsZero() {
		in.FoundedOn = &d
	}
	err = f.Err()
	var created org.Org
	if err == nil {
		created, err = s.svc.Org.Create(r.Context(), actorOf(r), in)
	}
	if err != nil {
		data, derr := s.orgPageData(r)
		if derr != nil {
			return derr
		}
		return s.renderForm(w, r, "org", data, err)
	}
	return s.redirect(w, r, "/orgs/"+strconv.FormatInt(created.ID, 10), "flash.org_created")
}
