package web

import (
	"net/http"

	"dangjian/internal/apperr"
)

// FormDone ends a page form's handler: on success it redirects with a
// flash message; on a problem the user can fix it shows the page again
// (loaded by page) with what was typed and the errors beside the fields.
func (k *Kit) FormDone(w http.ResponseWriter, r *http.Request, err error, name string,
	page func(*http.Request) (map[string]any, error), to, flash string) error {
	if err == nil {
		return k.Redirect(w, r, to, flash)
	}
	data, derr := page(r)
	if derr != nil {
		if apperr.As(err) != nil {
			// The page to show the form on again cannot be built (what it
			// is about, such as ?org_id=, did not come with the post): the
			// refusal itself is the answer, not the page's "not found".
			return err
		}
		return derr
	}
	return k.RenderForm(w, r, name, data, err)
}
