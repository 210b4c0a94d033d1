package democracy

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// home counts, for whoever is responsible, the 五公开 categories overdue,
// the items waiting for review and the feedback overdue.
func (h *handlers) home(r *http.Request) ([]web.HomeItem, error) {
	a := web.ActorOf(r)
	if !a.Can(auth.PermDemocracyWrite) && !a.Can(auth.PermDemocracyReview) {
		return nil, nil
	}
	late, err := h.Svc.Democracy.Overdue(r.Context(), a)
	if err != nil {
		return nil, err
	}
	drafts, err := h.Svc.Democracy.ListItems(r.Context(), a, democracy.ItemFilter{Limit: web.HomeLimit})
	if err != nil {
		return nil, err
	}
	fb, err := h.Svc.Democracy.ListFeedback(r.Context(), a, democracy.FeedbackFilter{Limit: web.HomeLimit})
	if err != nil {
		return nil, err
	}
	overdue := 0
	for _, f := range fb {
		if f.Overdue {
			overdue++
		}
	}
	return []web.HomeItem{
		web.Counted("home.disclosure_late", len(late), true, "/disclosure-overdue"),
		web.Counted("home.disclosure_review", len(drafts), false, "/disclosures"),
		web.Counted("home.feedback_overdue", overdue, true, "/feedback"),
	}, nil
}
