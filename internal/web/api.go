package web

import (
	"encoding/json"
	"net/http"
)

// listPage is the envelope of every API list: items and, when there may
// be more, the cursor to pass back as ?after= (or ?before= for logs).
type listPage struct {
	Items any    `json:"items"`
	Next  *int64 `json:"next,omitempty"`
}

func writePage(w http.ResponseWriter, items any, more bool, cursor func() int64) error {
	p := listPage{Items: items}
	if more {
		c := cursor()
		p.Next = &c
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

// rawJSON embeds a stored JSON document as is (or null when empty).
func rawJSON(s string) json.RawMessage {
	if s == "" {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	a := actorOf(r)
	bindings := make([]map[string]any, 0, len(a.Bindings))
	for _, b := range a.Bindings {
		bindings = append(bindings, map[string]any{"role": b.Role, "org_id": b.OrgID})
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": a.UserID, "username": a.Username, "name": a.Name,
		"lang": a.Lang, "roles": bindings})
	return nil
}
