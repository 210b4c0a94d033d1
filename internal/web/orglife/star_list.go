package orglife

import (
	"net/http"

	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// starList is a branch's 评星授旗 of a year, with the rating form.
func (h *handlers) starList(w http.ResponseWriter, r *http.Request) error {
	return h.branchYearPage(w, r, "star_list", "star.title", h.starData)
}

func (h *handlers) starData(r *http.Request, orgID int64, year int) (map[string]any, error) {
	b, ratings, err := h.Svc.OrgLife.BranchStars(r.Context(), web.ActorOf(r), orgID, year)
	if err != nil {
		return nil, err
	}
	now := h.Svc.Clock.Now().Year()
	data := map[string]any{"Year": year, "Years": []int{now, now - 1, now - 2}, "Ratings": ratings, "Leads": orglife.FiveLeads}
	return data, h.addBranchMembers(r, b.ID, data)
}
