package members

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberEdit is the form correcting a member's details.
func (h *handlers) memberEdit(w http.ResponseWriter, r *http.Request) error {
	data, err := h.memberEditData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "member_edit", data)
}

func (h *handlers) memberEditData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	m, err := h.Svc.Members.Get(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	// Reading the member (their own record, say) is not enough to be
	// offered the form.
	if err := members.DecideMemberScope(web.ActorOf(r), auth.PermMemberWrite, m.OrgPath); err != nil {
		return nil, err
	}
	return map[string]any{"M": m, "Categories": members.Categories}, nil
}
