package web

import (
	"dangjian/internal/day"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// funcs are the template helpers. They are few on purpose: templates
// format, they do not decide.
func (k *Kit) funcs() template.FuncMap {
	return template.FuncMap{
		// t translates a key; pairs of name, value fill its {name}s.
		"t": func(v *view, key string, kv ...any) string {
			return i18n.T(v.Lang, key, pairs(kv))
		},
		"asset": k.assets.url,
		"date": func(t any) string {
			switch x := t.(type) {
			case day.Day:
				return x.String()
			case time.Time:
				if x.IsZero() {
					return ""
				}
				return x.Format("2006-01-02")
			case *time.Time:
				if x == nil || x.IsZero() {
					return ""
				}
				return x.Format("2006-01-02")
			}
			return ""
		},
		"datetime": func(t time.Time) string { return t.Local().Format("2006-01-02 15:04") },
		// can reports whether the viewer holds a permission anywhere.
		"can": func(v *view, perm string) bool { return v.Actor != nil && v.Actor.Can(auth.Perm(perm)) },
		// canAt reports whether the viewer holds a permission over a path.
		"canAt": func(v *view, perm, path string) bool {
			return v.Actor != nil && v.Actor.CanAt(auth.Perm(perm), path)
		},
		"csrfField": func(v *view) template.HTML {
			return template.HTML(`<input type="hidden" name="csrf" value="` + template.HTMLEscapeString(v.CSRF) + `">`)
		},
		// val is what the user typed into a field, or the fallback.
		"val": func(v *view, field string, fallback ...any) string {
			if x, ok := v.Form[field]; ok {
				return x
			}
			if len(fallback) > 0 && fallback[0] != nil {
				return fmt.Sprint(fallback[0])
			}
			return ""
		},
		// picked reports whether a checkbox group's posted values held
		// value, so a form shown again keeps its ticks.
		"picked": func(v *view, field, value string) bool {
			return slices.Contains(v.Picked[field], value)
		},
		"fieldErr": func(v *view, field string) string { return v.Errors[field] },
		"navOn":    func(v *view, prefix string) bool { return strings.HasPrefix(v.Path, prefix) },
		"add":      func(a, b int) int { return a + b },
		// menu is the navigation the viewer may use, section by section.
		"menu": k.menu,
		// panel shows one programme's block on an organisation's page.
		"panel": func(v *view, name string) (template.HTML, error) { return k.pages.html(name, v) },
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[fmt.Sprint(kv[i])] = kv[i+1]
			}
			return m
		},
	}
}

func pairs(kv []any) map[string]any {
	if len(kv) == 0 {
		return nil
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return m
}
