package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// orgShow is the page of one organisation: a town's overview, a village's
// page, or a branch's — the same page, with what each level has.
func (h *handlers) orgShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.orgPageData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "org", data)
}

// orgPageData loads the page for orgShow and for the forms on it that
// show the page again with their errors.
func (h *handlers) orgPageData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	pg, err := h.Svc.Org.Page(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	o := pg.Org
	data := map[string]any{"Org": o, "Ancestors": pg.Ancestors, "Children": pg.Children, "Posts": pg.Posts,
		"Overview": pg.Overview, "Totals": pg.Totals, "Committee": pg.Committee, "Centres": pg.Centres,
		"ChildTypes": org.ChildTypes(o.Type), "IndustryTypes": org.IndustryTypes}
	if err := h.weakOrgExtra(r, o, data); err != nil {
		return nil, err
	}
	panels, err := h.LoadOrgPanels(r, o, data)
	if err != nil {
		return nil, err
	}
	data["Panels"] = panels
	return data, nil
}
