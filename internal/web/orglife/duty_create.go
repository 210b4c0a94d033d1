package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) dutyCreate(w http.ResponseWriter, r *http.Request) error {
	orgID, year := web.QueryInt(r, "org_id"), int(web.QueryInt(r, "year"))
	_, err := h.svc.Members.AssignDuty(r.Context(), web.ActorOf(r), members.NewDuty{MemberID: web.QueryInt(r, "member_id"),
		Year: year, Post: r.PostFormValue("post"), Duty: r.PostFormValue("duty")})
	if err != nil {
		data, derr := h.dutyData(r, orgID, year)
		if derr != nil {
			return derr
		}
		return h.RenderForm(w, r, "duty_list", data, err)
	}
	return h.Redirect(w, r, "/duties?org_id="+strconv.FormatInt(orgID, 10)+"&year="+strconv.Itoa(year), "flash.saved")
}
