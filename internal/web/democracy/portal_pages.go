package democracy

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/democracy"
	"dangjian/internal/disclosure"
	"dangjian/internal/web"
)

// The public portal: no login, no JavaScript, served through the kit's
// public-page cache keyed by the village's portal version.

// portalIndex lists the villages.
func (h *handlers) portalIndex(w http.ResponseWriter, r *http.Request) error {
	if r.URL.Path != "/portal/" {
		return apperr.NotFound()
	}
	return h.RenderPublic(w, r, "index", "portal_index", func() (any, error) {
		vs, err := h.Svc.Democracy.PortalVillages(r.Context())
		return map[string]any{"Villages": vs}, err
	})
}

// portalVersion reads the village's id and its portal version; the day
// is part of the version, since lateness and waiting days move with it.
func (h *handlers) portalVersion(r *http.Request) (int64, string, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return 0, "", err
	}
	v, err := h.Svc.Democracy.PortalVersion(r.Context(), id)
	if err != nil {
		return 0, "", err
	}
	return id, strconv.FormatInt(v, 10) + "|" + h.today(), nil
}

// portalVillage is a village's board by category and period.
func (h *handlers) portalVillage(w http.ResponseWriter, r *http.Request) error {
	id, version, err := h.portalVersion(r)
	if err != nil {
		return err
	}
	cat := disclosure.Category(web.Query(r, "category"))
	if !slices.Contains(disclosure.Categories, cat) {
		cat = ""
	}
	period := web.Query(r, "period")
	if !democracy.ValidPeriod(period) {
		period = ""
	}
	return h.RenderPublic(w, r, version+"|"+string(cat)+"|"+period, "portal_village", func() (any, error) {
		v, err := h.Svc.Democracy.PortalVillage(r.Context(), id)
		if err != nil {
			return nil, err
		}
		items, err := h.Svc.Democracy.PortalItems(r.Context(), democracy.PortalFilter{OrgID: id, Category: cat, Period: period, Limit: 60})
		if err != nil {
			return nil, err
		}
		fb, err := h.Svc.Democracy.PortalFeedback(r.Context(), id)
		if err != nil {
			return nil, err
		}
		projects, err := h.Svc.Democracy.PortalProjects(r.Context(), id)
		if err != nil {
			return nil, err
		}
		y := h.Svc.Clock.Now().Year()
		years := []string{strconv.Itoa(y), strconv.Itoa(y - 1)}
		return map[string]any{"Village": v, "Items": items, "Feedback": fb, "Category": string(cat), "Period": period,
			"Categories": disclosure.Categories, "Years": years, "Projects": projects}, nil
	})
}

// portalItemData loads a public item of the village in the path.
func (h *handlers) portalItemData(r *http.Request, id int64) (map[string]any, error) {
	itemID, err := web.PathID(r, "item")
	if err != nil {
		return nil, err
	}
	it, versions, err := h.Svc.Democracy.PortalItem(r.Context(), itemID)
	if err != nil {
		return nil, err
	}
	if it.OrgID != id {
		return nil, apperr.NotFound()
	}
	return map[string]any{"Item": it, "Versions": versions, "Current": versions[0]}, nil
}

func (h *handlers) portalItem(w http.ResponseWriter, r *http.Request) error {
	id, version, err := h.portalVersion(r)
	if err != nil {
		return err
	}
	return h.RenderPublic(w, r, version, "portal_item", func() (any, error) { return h.portalItemData(r, id) })
}

// portalNotice is the printable A4 notice with the QR code of the online
// original and the verification code.
func (h *handlers) portalNotice(w http.ResponseWriter, r *http.Request) error {
	id, version, err := h.portalVersion(r)
	if err != nil {
		return err
	}
	return h.RenderPublic(w, r, version+"|"+r.Host, "portal_notice", func() (any, error) {
		data, err := h.portalItemData(r, id)
		if err != nil {
			return nil, err
		}
		it := data["Item"].(democracy.Item)
		scheme := "http"
		if h.Secure(r) {
			scheme = "https"
		}
		url := scheme + "://" + r.Host + "/portal/v/" + strconv.FormatInt(id, 10) + "/items/" + strconv.FormatInt(it.ID, 10)
		if data["QR"], err = qrSVG(url); err != nil {
			return nil, err
		}
		data["URL"] = url
		return data, nil
	})
}

// portalVerify checks a code typed from a paper notice; not cached.
func (h *handlers) portalVerify(w http.ResponseWriter, r *http.Request) error {
	data := map[string]any{"Code": r.FormValue("code")}
	if c := r.FormValue("code"); c != "" {
		v, err := h.Svc.Democracy.Verify(r.Context(), c)
		if err != nil {
			return err
		}
		data["Result"] = v
	}
	return h.Render(w, r, "portal_verify", data)
}

// openItem is one published item in the open data.
type openItem struct {
	ID           int64  `json:"id"`
	Category     string `json:"category"`
	Period       string `json:"period"`
	Title        string `json:"title"`
	Body         string `json:"body"`
	Version      int    `json:"version"`
	SupersedesID int64  `json:"supersedes_id,omitempty"`
	State        string `json:"state"`
	PublishedOn  string `json:"published_on"`
	Code         string `json:"code"`
	ContentHash  string `json:"content_hash"`
	URL          string `json:"url"`
}

func (h *handlers) openItems(r *http.Request, id int64) ([]openItem, error) {
	if _, err := h.Svc.Democracy.PortalVillage(r.Context(), id); err != nil {
		return nil, err
	}
	items, err := h.Svc.Democracy.PortalItems(r.Context(), democracy.PortalFilter{OrgID: id, Limit: 2000})
	if err != nil {
		return nil, err
	}
	out := make([]openItem, len(items))
	for i, it := range items {
		out[i] = openItem{ID: it.ID, Category: string(it.Category), Period: it.Period, Title: it.Title, Body: it.Body,
			Version: it.Version, SupersedesID: it.SupersedesID, State: it.State, PublishedOn: it.PublishedOn.String(),
			Code: it.Code, ContentHash: it.ContentHash,
			URL: "/portal/v/" + strconv.FormatInt(id, 10) + "/items/" + strconv.FormatInt(it.ID, 10)}
	}
	return out, nil
}

// portalDataJSON is the village's published items as JSON, at a stable URL.
func (h *handlers) portalDataJSON(w http.ResponseWriter, r *http.Request) error {
	id, version, err := h.portalVersion(r)
	if err != nil {
		return err
	}
	return h.ServePublic(w, r, version, "application/json; charset=utf-8", func() ([]byte, error) {
		items, err := h.openItems(r, id)
		if err != nil {
			return nil, err
		}
		return json.Marshal(map[string]any{"village_id": id, "items": items})
	})
}

// portalDataCSV is the same as CSV (UTF-8 with a byte-order mark, so
// spreadsheet programs read the Chinese right).
func (h *handlers) portalDataCSV(w http.ResponseWriter, r *http.Request) error {
	id, version, err := h.portalVersion(r)
	if err != nil {
		return err
	}
	return h.ServePublic(w, r, version, "text/csv; charset=utf-8", func() ([]byte, error) {
		items, err := h.openItems(r, id)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		buf.WriteString("\ufeff")
		cw := csv.NewWriter(&buf)
		_ = cw.Write([]string{"id", "category", "period", "title", "body", "version", "supersedes_id", "state", "published_on", "code", "content_hash", "url"})
		for _, it := range items {
			_ = cw.Write([]string{strconv.FormatInt(it.ID, 10), it.Category, it.Period, it.Title, it.Body, strconv.Itoa(it.Version),
				strconv.FormatInt(it.SupersedesID, 10), it.State, it.PublishedOn, it.Code, it.ContentHash, it.URL})
		}
		cw.Flush()
		return buf.Bytes(), cw.Error()
	})
}

// portalFeedbackForm is the feedback form (not cached: it echoes input).
func (h *handlers) portalFeedbackForm(w http.ResponseWriter, r *http.Request) error {
	data, err := h.portalFeedbackData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "portal_feedback", data)
}

func (h *handlers) portalFeedbackData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	v, err := h.Svc.Democracy.PortalVillage(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Village": v, "ItemID": web.QueryInt(r, "item_id"), "Sent": r.FormValue("sent") == "1"}, nil
}

func (h *handlers) portalFeedbackSend(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.Svc.Democracy.SubmitFeedback(r.Context(), democracy.NewFeedback{OrgID: id, ItemID: web.QueryInt(r, "item_id"),
		Name: r.PostFormValue("name"), Body: r.PostFormValue("body"), Addr: h.ClientAddr(r)})
	if apperr.KindOf(err) == apperr.KindTooMany {
		data, derr := h.portalFeedbackData(r)
		if derr != nil {
			return derr
		}
		w.Header().Set("Retry-After", "3600")
		return h.RenderForm(w, r, "portal_feedback", data, apperr.Rule(democracy.RuleFeedbackRate, apperr.As(err).Params))
	}
	return h.FormDone(w, r, err, "portal_feedback", h.portalFeedbackData,
		"/portal/v/"+strconv.FormatInt(id, 10)+"/feedback?sent=1", "")
}
