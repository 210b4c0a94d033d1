package org

import (
	"net/http"

	"dangjian/internal/org"
	"dangjian/internal/web"
)

// weakOrgExtra adds the 软弱涣散 flags and their rectification to an
// organisation's page (partials/org_weak.html).
func (h *handlers) weakOrgExtra(r *http.Request, o org.Org, data map[string]any) error {
	if !org.Flaggable(o.Type) {
		return nil
	}
	flags, err := h.Svc.Org.WeakFlagsOf(r.Context(), web.ActorOf(r), o.ID)
	if err != nil {
		return err
	}
	block := map[string]any{"Today": h.Svc.Clock.Now(), "Flags": flags}
	var past []org.WeakFlag
	for i := range flags {
		if flags[i].Open() {
			block["Open"] = &flags[i]
		} else {
			past = append(past, flags[i])
		}
	}
	block["Past"] = past
	if posts, ok := data["Posts"].([]org.Post); ok {
		for i := range posts {
			if org.IsSecretaryPost(posts[i].Code) {
				block["Secretary"] = &posts[i]
			}
		}
	}
	data["Weak"] = block
	return nil
}
