package org

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/org"
	"dangjian/internal/web"
)

// home counts the 软弱涣散 flags under rectification in the user's scope
// and those past their deadline.
func (h *handlers) home(r *http.Request) ([]web.HomeItem, error) {
	a := web.ActorOf(r)
	if !a.Can(auth.PermOrgManage) && !a.Can(auth.PermOrgPosts) {
		return nil, nil // rectification is the town's and the villages' work
	}
	flags, err := h.Svc.Org.ListWeak(r.Context(), a, org.WeakFilter{Status: org.WeakOpen, Limit: web.HomeLimit})
	if err != nil {
		return nil, err
	}
	overdue := 0
	for _, f := range flags {
		if f.Overdue {
			overdue++
		}
	}
	return []web.HomeItem{
		web.Counted("home.weak_overdue", overdue, true, "/weak"),
		web.Counted("home.weak_open", len(flags)-overdue, false, "/weak"),
	}, nil
}
