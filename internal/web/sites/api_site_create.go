package sites

import (
	"net/http"

	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// siteBody is a site project to register: the organisation (a village
// general branch or a group branch) gives its level; plan_id and the
// override are the town's (sites.manage).
type siteBody struct {
	PlanID         int64      `json:"plan_id,omitempty"`
	OrgID          int64      `json:"org_id"`
	Kind           sites.Kind `json:"kind"`
	Spec           sites.Spec `json:"spec"`
	OverrideFen    *int64     `json:"override_fen,omitempty"`
	OverrideReason string     `json:"override_reason,omitempty"`
	Note           string     `json:"note,omitempty"`
}

func (h *handlers) apiSiteCreate(w http.ResponseWriter, r *http.Request) error {
	var body siteBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	x, err := h.Svc.Sites.AddSite(r.Context(), web.ActorOf(r), sites.NewSite{PlanID: body.PlanID, OrgID: body.OrgID,
		Kind: body.Kind, Spec: body.Spec, Override: fenOf(body.OverrideFen), OverrideReason: body.OverrideReason, Note: body.Note})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, x)
	return nil
}
