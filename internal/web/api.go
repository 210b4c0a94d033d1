package web

import (
	"encoding/json"
	"net/http"
)

// ListPage is the envelope of every API list: items and, when there may
// be more, the cursor to pass back as ?after= (or ?before= for logs).
type ListPage struct {
	Items any    `json:"items"`
	Next  *int64 `json:"next,omitempty"`
}

func WritePage(w http.ResponseWriter, items any, more bool, cursor func() int64) error {
	p := ListPage{Items: items}
	if more {
		c := cursor()
		p.Next = &c
	}
	WriteJSON(w, http.StatusOK, p)
	return nil
}

// RawJSON embeds a stored JSON document as is (or null when empty).
func RawJSON(s string) json.RawMessage {
	if s == "" {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}
