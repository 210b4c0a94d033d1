package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

func (h *handlers) dutyCreate(w http.ResponseWriter, r *http.Request) error {
	orgID, year := web.QueryInt(r, "org_id"), int(web.QueryInt(r, "year"))
	_, err := h.Svc.OrgLife.AssignDuty(r.Context(), web.ActorOf(r), orglife.NewDuty{MemberID: web.QueryInt(r, "member_id"),
		Year: year, Post: r.PostFormValue("post"), Duty: r.PostFormValue("duty")})
	return h.FormDone(w, r, err, "duty_list", func(r *http.Request) (map[string]any, error) {
		return h.dutyData(r, orgID, year)
	}, "/duties?org_id="+strconv.FormatInt(orgID, 10)+"&year="+strconv.Itoa(year), "flash.saved")
}
