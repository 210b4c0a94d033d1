package centres

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// home counts, for the start page, the overdue mediation cases and 代办
// requests in scope, and for the registers' readers the visits overdue
// and due within a week, judged by the one rule the lists use.
func (h *handlers) home(r *http.Request) ([]web.HomeItem, error) {
	a := web.ActorOf(r)
	if !a.Can(auth.PermCentresRead) {
		return nil, nil
	}
	ctx, s := r.Context(), h.Svc.Centres
	cases, err := s.ListCases(ctx, a, centres.CaseFilter{Limit: web.HomeLimit})
	if err != nil {
		return nil, err
	}
	reqs, err := s.ListRequests(ctx, a, centres.RequestFilter{Limit: web.HomeLimit})
	if err != nil {
		return nil, err
	}
	lateCases, lateReqs := 0, 0
	for _, c := range cases {
		if c.Due == centres.DueOverdue {
			lateCases++
		}
	}
	for _, q := range reqs {
		if q.Due == centres.DueOverdue {
			lateReqs++
		}
	}
	out := []web.HomeItem{
		web.Counted("home.cases_overdue", lateCases, true, "/cases"),
		web.Counted("home.cases_open", len(cases), false, "/cases"),
		web.Counted("home.requests_overdue", lateReqs, true, "/requests"),
		web.Counted("home.requests_open", len(reqs), false, "/requests"),
	}
	for _, reg := range centres.Registers {
		c, err := s.CountDue(ctx, a, reg, web.HomeLimit)
		if err != nil {
			return nil, err
		}
		if a.Can(auth.PermCentresSensitive) {
			out = append(out, web.Counted("home.visits_overdue_"+reg, c.Overdue, true, "/registers/"+reg),
				web.Counted("home.visits_due_"+reg, c.Soon, false, "/registers/"+reg))
		}
	}
	return out, nil
}
