package commendation

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// commendationList lists the commendations in scope, with the form to
// begin one.
func (h *handlers) commendationList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.listData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "commendation_list", data)
}

func (h *handlers) listData(r *http.Request) (map[string]any, error) {
	a := web.ActorOf(r)
	f := web.YearList(r, 50)
	list, err := h.Svc.Commend.List(r.Context(), a, f)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Commendations": list, "Next": web.Next(list, f.Limit, func(i int) int64 { return list[i].ID }),
		"Year": h.Svc.Clock.Now().Year()}
	if a.Can(auth.PermCommendManage) {
		vs, err := h.Svc.Org.List(r.Context(), a, org.Filter{Type: org.TypeGeneralBranch, Limit: 200})
		if err != nil {
			return nil, err
		}
		var mine []org.Org
		for _, v := range vs {
			if a.CanAt(auth.PermCommendManage, v.Path) {
				mine = append(mine, v)
			}
		}
		data["Villages"] = mine
	}
	return data, nil
}
