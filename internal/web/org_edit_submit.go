package web

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/org"
)

func (s *Server) orgEditSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
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
		_, err = s.svc.Org.Update(r.Context(), actorOf(r), in)
	}
	return s.formDone(w, r, err, "org_edit", s.orgEditPageData, "/orgs/"+strconv.FormatInt(id, 10), "flash.org_updated")
}
