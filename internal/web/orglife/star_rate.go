package orglife

import (
	"net/http"
	"strconv"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

func (h *handlers) starRate(w http.ResponseWriter, r *http.Request) error {
	orgID, year := web.QueryInt(r, "org_id"), int(web.QueryInt(r, "year"))
	_ = r.ParseForm()
	_, err := h.Svc.OrgLife.RateMember(r.Context(), web.ActorOf(r), orglife.NewRating{MemberID: web.QueryInt(r, "member_id"),
		Year: year, Leads: r.PostForm["leads"], Note: r.PostFormValue("note")})
	return h.FormDone(w, r, err, "star_list", func(r *http.Request) (map[string]any, error) {
		return h.starData(r, orgID, year)
	}, "/stars?org_id="+strconv.FormatInt(orgID, 10)+"&year="+strconv.Itoa(year), "flash.saved")
}
