package web

import (
	"net/http"
	"slices"

	"dangjian/internal/auth"
)

// home sends a logged-in user to their own starting page and everyone
// else to the login page.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	a := ActorOf(r)
	if a == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return nil
	}
	if onlyMember(a) {
		http.Redirect(w, r, "/me", http.StatusSeeOther)
		return nil
	}
	data, err := s.homeData(r)
	if err != nil {
		return err
	}
	return s.Render(w, r, "home", data)
}

// onlyMember reports whether the user is a plain party member: the
// organisations page has nothing for them, their own record is their start.
func onlyMember(a *auth.Actor) bool {
	for _, b := range a.Bindings {
		if b.Role != auth.RoleMember {
			return false
		}
	}
	return len(a.Bindings) > 0
}

// homeData is the starting page: the organisations the user works on,
// each with the role held there, and what is due in their scope, the
// overdue first.
func (s *Server) homeData(r *http.Request) (map[string]any, error) {
	a := ActorOf(r)
	var starts []any
	for _, b := range a.Bindings {
		o, err := s.svc.Org.Get(r.Context(), a, b.OrgID)
		if err == nil {
			starts = append(starts, map[string]any{"Org": o, "Role": string(b.Role)})
		}
	}
	var due []HomeItem
	for _, p := range s.programmes {
		if p.Home == nil {
			continue
		}
		items, err := p.Home(r)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if it.Count > 0 {
				due = append(due, it)
			}
		}
	}
	slices.SortStableFunc(due, func(x, y HomeItem) int {
		switch {
		case x.Overdue == y.Overdue:
			return 0
		case x.Overdue:
			return -1
		}
		return 1
	})
	return map[string]any{"Starts": starts, "Due": due}, nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DB.PingContext(r.Context()); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain")
	_, err := w.Write([]byte("ok\n"))
	return err
}
