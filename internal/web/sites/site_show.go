package sites

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// siteShow is one site: spec, subsidy, budget, payments, milestones and
// the forms the user may use on it.
func (h *handlers) siteShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.siteData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "site_show", data)
}

func (h *handlers) siteData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	v, err := h.Svc.Sites.Site(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	budget := map[string]sites.Fen{}
	for _, l := range v.Budget {
		budget[string(l.Source)] = l.Amount
	}
	override := ""
	if v.Site.Override != nil {
		override = v.Site.Override.String()
	}
	return map[string]any{"V": v, "Budget": budget, "Sources": sites.Sources, "Today": h.today(), "Override": override}, nil
}

// siteURL is a site's page.
func siteURL(r *http.Request) string { return "/sites/" + r.PathValue("id") }

// today is the server's current day, for form defaults.
func (h *handlers) today() string { return day.Today(h.Svc.Clock).String() }
