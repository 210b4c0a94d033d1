package appraisal

import (
	"net/http"

	"dangjian/internal/appraisal"
	"dangjian/internal/auth"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// roundList lists the rounds in scope, with the form to open one.
func (h *handlers) roundList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.listData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "appraisal_list", data)
}

func (h *handlers) listData(r *http.Request) (map[string]any, error) {
	a := web.ActorOf(r)
	f := web.YearList(r, 50)
	list, err := h.Svc.Assess.List(r.Context(), a, f)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Rounds": list, "Next": web.Next(list, f.Limit, func(i int) int64 { return list[i].ID }),
		"Year": h.Svc.Clock.Now().Year(), "Groups": appraisal.Groups, "Weights": appraisal.DefaultWeights,
		"Cuts": appraisal.DefaultCuts}
	if a.Can(auth.PermAppraisalManage) {
		vs, err := h.Svc.Org.List(r.Context(), a, org.Filter{Type: org.TypeGeneralBranch, Limit: 200})
		if err != nil {
			return nil, err
		}
		var mine []org.Org
		for _, v := range vs {
			if a.CanAt(auth.PermAppraisalManage, v.Path) {
				mine = append(mine, v)
			}
		}
		data["Villages"] = mine
	}
	return data, nil
}
