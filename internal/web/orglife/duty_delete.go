package orglife

import (
	"dangjian/internal/web"
	"net/http"
	"strconv"
)

func (h *handlers) dutyDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	if err := h.Svc.OrgLife.RemoveDuty(r.Context(), web.ActorOf(r), id); err != nil {
		return err
	}
	return h.Redirect(w, r, "/duties?org_id="+strconv.FormatInt(web.QueryInt(r, "org_id"), 10)+
		"&year="+strconv.FormatInt(web.QueryInt(r, "year"), 10), "flash.duty_removed")
}
