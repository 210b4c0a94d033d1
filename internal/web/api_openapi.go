package web

import (
	"net/http"
	"regexp"
	"sort"
	"strings"
)

var pathParam = regexp.MustCompile(`\{([a-z_]+)(\.\.\.)?\}`)

// openAPI builds the document from the routing table, so it cannot list a
// Route that does not exist or miss one that does.
func (s *Server) openAPI() map[string]any {
	docs := s.apiDocs
	paths := map[string]map[string]any{}
	for _, rt := range s.routes {
		if !strings.HasPrefix(rt.Pattern, "/api/") {
			continue
		}
		d := docs[rt.Method+" "+rt.Pattern]
		var params []map[string]any
		for _, m := range pathParam.FindAllStringSubmatch(rt.Pattern, -1) {
			params = append(params, map[string]any{"name": m[1], "in": "path", "required": true,
				"schema": map[string]string{"type": "string"}})
		}
		for _, q := range d.Query {
			params = append(params, map[string]any{"name": q, "in": "query", "schema": map[string]string{"type": "string"}})
		}
		op := map[string]any{"summary": d.Summary, "responses": map[string]any{
			"200": map[string]any{"description": "OK"},
			"4XX": map[string]any{"description": "error: {error: {code, rule, message, params, fields}}"}}}
		if len(params) > 0 {
			op["parameters"] = params
		}
		if rt.Access != Public {
			op["security"] = []map[string][]string{{"bearer": {}}}
		}
		if d.Body != "" {
			op["requestBody"] = map[string]any{"description": d.Body, "content": map[string]any{
				"application/json": map[string]any{"schema": map[string]string{"type": "object"}}}}
		}
		p := strings.TrimSuffix(pathParam.ReplaceAllString(rt.Pattern, "{$1}"), "{$}")
		if paths[p] == nil {
			paths[p] = map[string]any{}
		}
		paths[p][strings.ToLower(rt.Method)] = op
	}
	keys := make([]string, 0, len(paths))
	for k := range paths {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "dangjian API", "version": "1",
			"description": "党建示范镇管理平台. Authenticate with an API token from your account page: Authorization: Bearer dj_…"},
		"components": map[string]any{"securitySchemes": map[string]any{
			"bearer": map[string]string{"type": "http", "scheme": "bearer"}}},
		"paths": paths,
	}
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) error {
	WriteJSON(w, http.StatusOK, s.openAPI())
	return nil
}
