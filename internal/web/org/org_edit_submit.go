package org

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

func (h *handlers) orgEditSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	in := org.OrgEdit{ID: id, Name: r.PostFormValue("name"), ShortName: r.PostFormValue("short_name")}
	if v := strings.TrimSpace(r.PostFormValue("sort_order")); v != "" {
		if in.SortOrder, err = strconv.Atoi(v); err != nil {
			err = apperr.Invalid("sort_order", "error.number", nil)
		}
	}
	if err == nil {
		_, err = h.Svc.Org.Update(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "org_edit", h.orgEditPageData, "/orgs/"+strconv.FormatInt(id, 10), "flash.org_updated")
}
