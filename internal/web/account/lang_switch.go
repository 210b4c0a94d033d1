package account

import (
	"net/http"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// langSwitch sets the language cookie (and the user's saved choice) and
// returns to the page the link was on.
func (h *handlers) langSwitch(w http.ResponseWriter, r *http.Request) error {
	lang := i18n.Parse(r.PathValue("lang"))
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: string(lang), Path: "/", MaxAge: 365 * 24 * 3600,
		SameSite: http.SameSiteLaxMode, Secure: h.Secure(r)})
	if a := web.ActorOf(r); a != nil {
		if err := h.Svc.Auth.SetLang(r.Context(), a, lang); err != nil {
			return err
		}
	}
	http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
	return nil
}
