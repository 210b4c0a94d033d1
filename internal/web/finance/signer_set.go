package finance

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/web"
)

// signerSet designates a village's 一支笔 signer.
func (h *handlers) signerSet(w http.ResponseWriter, r *http.Request) error {
	user, _ := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("user_id")), 10, 64)
	_, err := h.Svc.Finance.SetSigner(r.Context(), web.ActorOf(r), web.QueryInt(r, "org_id"), user)
	return h.FormDone(w, r, err, "finance_signers", h.signerData, signersLink(web.QueryInt(r, "town_id")), "flash.finance_signer_set")
}
