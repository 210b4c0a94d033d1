package finance

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/web"
)

// expenditureShow is one request with its history and the form of the step
// it waits for.
func (h *handlers) expenditureShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.expenditurePage(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "finance_request", data)
}

func (h *handlers) expenditurePage(r *http.Request) (map[string]any, error) {
	id, err := idOf(r)
	if err != nil {
		return nil, err
	}
	a := web.ActorOf(r)
	req, err := h.Svc.Finance.Request(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	limits, err := h.Svc.Finance.TownLimits(r.Context(), nil, req.TownID)
	if err != nil {
		return nil, err
	}
	return map[string]any{"R": req, "Path": req.OrgPath, "Limits": limits, "Route": limits.Route(req.Amount),
		"Mine": a != nil && a.UserID == req.RequestedBy, "Today": day.Today(h.Svc.Clock).String(), "Step": r.FormValue("step")}, nil
}

// stepDone ends a request step's handler: back to the request, or its
// page again with the refusal beside the step's form.
func (h *handlers) stepDone(w http.ResponseWriter, r *http.Request, id int64, err error, flash string) error {
	return h.FormDone(w, r, err, "finance_request", h.expenditurePage, "/finance/expenditures/"+itoa(id), flash)
}
