package web

import (
	"net/http"

	"dangjian/internal/org"
)

// orgShow is the page of one organisation: a town's overview, a village's
// page, or a branch's — the same page, with what each level has.
func (s *Server) orgShow(w http.ResponseWriter, r *http.Request) error {
	data, err := s.orgPageData(r)
	if err != nil {
		return err
	}
	return s.render(w, r, "org", data)
}

// orgPageData loads the page for orgShow and for the forms on it that
// show the page again with their errors.
func (s *Server) orgPageData(r *http.Request) (map[string]any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	pg, err := s.svc.Org.Page(r.Context(), actorOf(r), id)
	if err != nil {
		return nil, err
	}
	o := pg.Org
	data := map[string]any{"Org": o, "Ancestors": pg.Ancestors, "Children": pg.Children, "Posts": pg.Posts,
		"Overview": pg.Overview, "Totals": pg.Totals, "Committee": pg.Committee, "Centres": pg.Centres,
		"ChildTypes": org.ChildTypes(o.Type), "IndustryTypes": org.IndustryTypes}
	for _, extra := range s.orgPageExtras {
		if err := extra(r, o, data); err != nil {
			return nil, err
		}
	}
	return data, nil
}
