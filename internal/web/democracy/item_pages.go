package democracy

import (
	"net/http"
	"strconv"

	"dangjian/internal/auth"
	"dangjian/internal/democracy"
	"dangjian/internal/disclosure"
	"dangjian/internal/web"
)

// itemList lists 五公开 items of one state (drafts awaiting review by
// default) with the form to draft one.
func (h *handlers) itemList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.itemListData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "item_list", data)
}

func (h *handlers) itemListData(r *http.Request) (map[string]any, error) {
	a := web.ActorOf(r)
	f := democracy.ItemFilter{OrgID: web.QueryInt(r, "org_id"), State: r.FormValue("state"), Before: web.QueryInt(r, "before"), Limit: 50}
	if f.State != democracy.ItemPublished && f.State != democracy.ItemSuperseded && f.State != democracy.ItemArchived {
		f.State = democracy.ItemDraft
	}
	list, err := h.Svc.Democracy.ListItems(r.Context(), a, f)
	if err != nil {
		return nil, err
	}
	writable, err := h.Svc.Democracy.Villages(r.Context(), a, auth.PermDemocracyWrite)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Items": list, "Filter": f, "Villages": writable, "Categories": disclosure.Categories,
		"States": []string{democracy.ItemDraft, democracy.ItemPublished, democracy.ItemSuperseded, democracy.ItemArchived},
		"Next":   web.Next(list, f.Limit, func(i int) int64 { return list[i].ID })}, nil
}

func (h *handlers) itemCreate(w http.ResponseWriter, r *http.Request) error {
	it, err := h.Svc.Democracy.CreateItem(r.Context(), web.ActorOf(r), democracy.NewItem{OrgID: web.QueryInt(r, "org_id"),
		Category: disclosure.Category(r.PostFormValue("category")), Period: r.PostFormValue("period"),
		Title: r.PostFormValue("title"), Body: r.PostFormValue("body")})
	return h.FormDone(w, r, err, "item_list", h.itemListData, "/disclosures/"+strconv.FormatInt(it.ID, 10), "flash.item_drafted")
}

func (h *handlers) itemShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.itemShowData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "item_show", data)
}

func (h *handlers) itemShowData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	it, err := h.Svc.Democracy.GetItem(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Item": it}, nil
}

func (h *handlers) itemDone(w http.ResponseWriter, r *http.Request, err error, flash string) error {
	id, _ := web.PathID(r, "id")
	return h.FormDone(w, r, err, "item_show", h.itemShowData, "/disclosures/"+strconv.FormatInt(id, 10), flash)
}

func (h *handlers) itemReview(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.Svc.Democracy.ReviewItem(r.Context(), web.ActorOf(r), id, r.PostFormValue("decision") == "approve",
		r.PostFormValue("review_note"))
	return h.itemDone(w, r, err, "flash.item_reviewed")
}

func (h *handlers) itemRevise(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	nv, err := h.Svc.Democracy.ReviseItem(r.Context(), web.ActorOf(r), id, r.PostFormValue("title"), r.PostFormValue("body"),
		r.PostFormValue("change_note"))
	if err != nil {
		return h.itemDone(w, r, err, "")
	}
	return h.Redirect(w, r, "/disclosures/"+strconv.FormatInt(nv.ID, 10), "flash.item_drafted")
}

func (h *handlers) itemArchive(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.Svc.Democracy.ArchiveItem(r.Context(), web.ActorOf(r), id)
	return h.itemDone(w, r, err, "flash.item_archived")
}

// itemOverdue is the overdue board: which village has not published
// what, by how many days.
func (h *handlers) itemOverdue(w http.ResponseWriter, r *http.Request) error {
	late, err := h.Svc.Democracy.Overdue(r.Context(), web.ActorOf(r))
	if err != nil {
		return err
	}
	return h.Render(w, r, "item_overdue", map[string]any{"Late": late})
}
