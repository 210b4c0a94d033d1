package web

import (
	"context"
	"io"
	"mime"
	"net/http"
	"strconv"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/files"
)

// FormUploads reads the files chosen in a multipart form's field, each
// checked and made ready to store by files.Prepare; problems go into f
// under the field's name, so the form shows them beside it. A form without
// files gives none.
func FormUploads(r *http.Request, field string, f apperr.Fields) []files.Upload {
	if r.MultipartForm == nil {
		if err := r.ParseMultipartForm(32 << 20); err != nil { // not multipart: no files
			return nil
		}
	}
	hs := r.MultipartForm.File[field]
	if len(hs) > files.MaxPerRecord {
		f.Add(field, "file.too_many", apperr.Params{"max": files.MaxPerRecord, "n": len(hs)})
		return nil
	}
	var out []files.Upload
	for _, h := range hs {
		if h.Size == 0 && h.Filename == "" { // the browser sends an empty part when nothing was chosen
			continue
		}
		file, err := h.Open()
		if err != nil {
			f.Add(field, "file.unreadable", apperr.Params{"name": h.Filename})
			continue
		}
		data, err := io.ReadAll(io.LimitReader(file, files.MaxUpload+1))
		file.Close()
		if err != nil {
			f.Add(field, "file.unreadable", apperr.Params{"name": h.Filename})
			continue
		}
		u, err := files.Prepare(field, h.Filename, data)
		if e := apperr.As(err); e != nil {
			for k, fe := range e.Fields {
				f.Add(k, fe.Key, fe.Params)
			}
			continue
		}
		out = append(out, u)
	}
	return out
}

// ServeFile answers a stored file. Its bytes never change under its id,
// so the browser may keep it (privately: it is someone's record) and ask
// again with its hash. Images show in the page; anything else downloads,
// so a document never runs as part of the site.
func ServeFile(w http.ResponseWriter, r *http.Request, f files.File, data []byte) {
	h := w.Header()
	etag := `"` + f.SHA256 + `"`
	h.Set("Cache-Control", "private, max-age=86400")
	h.Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	disposition := "attachment"
	if f.IsImage() {
		disposition = "inline"
	}
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": f.Name}))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

// FileRoute answers the file of the path's {id} that load, a programme's
// use case, finds for the user after its scope check.
func FileRoute(load func(context.Context, *auth.Actor, int64) (files.File, []byte, error)) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := PathID(r, "id")
		if err != nil {
			return err
		}
		f, data, err := load(r.Context(), ActorOf(r), id)
		if err != nil {
			return err
		}
		ServeFile(w, r, f, data)
		return nil
	}
}
