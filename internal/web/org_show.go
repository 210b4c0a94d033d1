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

func (s *Server) orgPageData(r *http.Request) (map[string]any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	a := actorOf(r)
	o, err := s.svc.Org.Get(r.Context(), a, id)
	if err != nil {
		return nil, err
	}
	ancestors, err := s.svc.Org.Ancestors(r.Context(), o)
	if err != nil {
		return nil, err
	}
	children, err := s.svc.Org.List(r.Context(), a, org.Filter{ParentID: o.ID, Limit: 500})
	if err != nil {
		return nil, err
	}
	posts, err := s.svc.Org.Posts(r.Context(), a, o.ID)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Org": o, "Ancestors": ancestors, "Children": children, "Posts": posts,
		"ChildTypes": org.ChildTypes(o.Type), "IndustryTypes": org.IndustryTypes}
	for _, extra := range s.orgPageExtras {
		if err := extra(r, o, data); err != nil {
			return nil, err
		}
	}
	return data, nil
}
