package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// registerParam reads the register of the path: key or vulnerable.
func registerParam(r *http.Request) (string, error) {
	reg := r.PathValue("register")
	if !centres.ValidRegister(reg) {
		return "", apperr.NotFound()
	}
	return reg, nil
}

// registerFilter reads a register list's query, shared by page, API and export.
func registerFilter(r *http.Request) (centres.RegisterFilter, error) {
	reg, err := registerParam(r)
	return centres.RegisterFilter{OrgID: web.QueryInt(r, "org_id"), Register: reg, After: web.QueryInt(r, "after")}, err
}

// registerList is a register: the visits due or overdue first, then
// everyone on it, and the form to add a resident of a village. Every
// person shown is logged as read.
func (h *handlers) registerList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.registerData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "register_list", data)
}

func (h *handlers) registerData(r *http.Request) (map[string]any, error) {
	f, err := registerFilter(r)
	if err != nil {
		return nil, err
	}
	f.Limit = 50
	a := web.ActorOf(r)
	list, err := h.Svc.Centres.ListRegister(r.Context(), a, f)
	if err != nil {
		return nil, err
	}
	due, err := h.Svc.Centres.DueVisits(r.Context(), a, centres.DueFilter{OrgID: f.OrgID, Register: f.Register, Limit: 50})
	if err != nil {
		return nil, err
	}
	return map[string]any{"Entries": list, "Due": due, "Filter": f, "Categories": centres.RegisterCategories[f.Register],
		"Today": h.today(), "Next": web.Next(list, f.Limit, func(i int) int64 { return list[i].ID })}, nil
}
