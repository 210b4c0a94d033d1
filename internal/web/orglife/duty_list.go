package orglife

import (
	"dangjian/internal/web"
	"net/http"
)

// dutyList is a branch's 设岗定责 of a year, with the form to add a post.
func (h *handlers) dutyList(w http.ResponseWriter, r *http.Request) error {
	return h.branchYearPage(w, r, "duty_list", "duty.title", h.dutyData)
}

func (h *handlers) dutyData(r *http.Request, orgID int64, year int) (map[string]any, error) {
	b, duties, err := h.Svc.OrgLife.BranchDuties(r.Context(), web.ActorOf(r), orgID, year)
	if err != nil {
		return nil, err
	}
	now := h.Svc.Clock.Now().Year()
	data := map[string]any{"Year": year, "Years": []int{now + 1, now, now - 1}, "Duties": duties}
	return data, h.addBranchMembers(r, b.ID, data)
}
