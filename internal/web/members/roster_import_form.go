package members

import (
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/web"
)

// rosterImportForm is the upload page: where the file is for, the file,
// and a link to the template.
func (h *handlers) rosterImportForm(w http.ResponseWriter, r *http.Request) error {
	data, err := h.rosterImportData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "roster_import", data)
}

func (h *handlers) rosterImportData(r *http.Request) (map[string]any, error) {
	orgs, err := h.memberOrgChoices(r, auth.PermMemberWrite)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Orgs": orgs, "OrgID": web.QueryInt(r, "org_id")}, nil
}
