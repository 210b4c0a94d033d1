package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/members"
	"dangjian/internal/web"
)

func (h *handlers) starRate(w http.ResponseWriter, r *http.Request) error {
	orgID, year := web.QueryInt(r, "org_id"), int(web.QueryInt(r, "year"))
	_ = r.ParseForm()
	_, err := h.svc.Members.RateMember(r.Context(), web.ActorOf(r), members.NewRating{MemberID: web.QueryInt(r, "member_id"),
		Year: year, Leads: r.PostForm["leads"], Note: r.PostFormValue("note")})
	if err != nil {
		data, derr := h.starData(r, orgID, year)
		if derr != nil {
			return derr
		}
		return h.RenderForm(w, r, "star_list", data, err)
	}
	return h.Redirect(w, r, "/stars?org_id="+strconv.FormatInt(orgID, 10)+"&year="+strconv.Itoa(year), "flash.saved")
}
