package org

import (
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

func (h *handlers) orgCreate(w http.ResponseWriter, r *http.Request) error {
	parentID, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	sortOrder, _ := strconv.Atoi(r.PostFormValue("sort_order"))
	in := org.NewOrg{ParentID: parentID, Type: org.Type(r.PostFormValue("type")),
		IndustryType: org.IndustryType(r.PostFormValue("industry_type")), Name: r.PostFormValue("name"),
		ShortName: r.PostFormValue("short_name"), SortOrder: sortOrder, FoundedOn: web.FormDay(r, "founded_on", f)}
	err = f.Err()
	var created org.Org
	if err == nil {
		created, err = h.Svc.Org.Create(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "org", h.orgPageData,
		"/orgs/"+strconv.FormatInt(created.ID, 10), "flash.org_created")
}
