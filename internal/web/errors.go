package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/i18n"
)

// statusOf is the one place error kinds become HTTP statuses.
func statusOf(k apperr.Kind) int {
	switch k {
	case apperr.KindInvalid:
		return http.StatusBadRequest
	case apperr.KindRuleViolation:
		return http.StatusUnprocessableEntity
	case apperr.KindNotFound:
		return http.StatusNotFound
	case apperr.KindForbidden:
		return http.StatusForbidden
	case apperr.KindUnauthenticated:
		return http.StatusUnauthorized
	case apperr.KindConflict:
		return http.StatusConflict
	case apperr.KindTooMany:
		return http.StatusTooManyRequests
	case apperr.KindTooLarge:
		return http.StatusRequestEntityTooLarge
	case apperr.KindUnavailable:
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}

// apiError is the JSON body of every API error.
type apiError struct {
	Error struct {
		Code    string            `json:"code"`
		Rule    string            `json:"rule,omitempty"`
		Message string            `json:"message"`
		Params  map[string]any    `json:"params,omitempty"`
		Fields  map[string]string `json:"fields,omitempty"`
	} `json:"error"`
}

var kindCodes = map[apperr.Kind]string{
	apperr.KindInternal: "internal", apperr.KindInvalid: "invalid", apperr.KindRuleViolation: "rule_violation",
	apperr.KindNotFound: "not_found", apperr.KindForbidden: "forbidden", apperr.KindUnauthenticated: "unauthenticated",
	apperr.KindConflict: "conflict", apperr.KindTooMany: "too_many_requests",
	apperr.KindTooLarge: "too_large", apperr.KindUnavailable: "unavailable",
}

// message translates an error for its reader; internal details are logged
// and replaced by a safe sentence.
func Message(lang i18n.Lang, err error) string {
	e := apperr.As(err)
	if e == nil || e.Kind == apperr.KindInternal {
		return i18n.T(lang, "error.internal", nil)
	}
	return i18n.T(lang, e.Key, e.Params)
}

// fieldMessages translates per-field problems.
func fieldMessages(lang i18n.Lang, err error) map[string]string {
	e := apperr.As(err)
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	out := make(map[string]string, len(e.Fields))
	for f, fe := range e.Fields {
		out[f] = i18n.T(lang, fe.Key, fe.Params)
	}
	return out
}

// fail writes the error response: JSON for the API, a page for people, a
// redirect to the login page when a person's session is missing.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil && errors.Is(err, r.Context().Err()) {
		// The client went away (closed the tab, lost the network): there
		// is no one to answer and nothing went wrong on our side.
		s.log.Debug("request abandoned by the client", "method", r.Method, "path", r.URL.Path)
		return
	}
	kind := apperr.KindOf(err)
	status := statusOf(kind)
	if kind == apperr.KindUnavailable {
		// The database is restarting or failing over: the client may try
		// again shortly, and the log says so without crying wolf.
		w.Header().Set("Retry-After", "5")
		s.log.Warn("database unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if kind == apperr.KindInternal {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	lang := LangOf(r)
	if isAPI(r) {
		var body apiError
		body.Error.Code = kindCodes[kind]
		body.Error.Message = Message(lang, err)
		if e := apperr.As(err); e != nil && kind != apperr.KindInternal {
			body.Error.Rule = e.Rule
			body.Error.Params = JSONParams(e.Params)
		}
		body.Error.Fields = fieldMessages(lang, err)
		WriteJSON(w, status, body)
		return
	}
	if kind == apperr.KindUnauthenticated && r.Method == "GET" {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	w.WriteHeader(status)
	s.renderStatus(w, r, "error", map[string]any{"Status": status, "Message": Message(lang, err)})
}

func JSONParams(p apperr.Params) map[string]any {
	if len(p) == 0 {
		return nil
	}
	out := make(map[string]any, len(p))
	for k, v := range p {
		if f, ok := v.(interface{ Format(string) string }); ok {
			out[k] = f.Format("2006-01-02")
		} else {
			out[k] = v
		}
	}
	return out
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

func stringify(v any) string { return fmt.Sprint(v) }
