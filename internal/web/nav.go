package web

import (
	"net/url"
	"strings"
)

// menuSection is one top-level menu entry with the items a viewer sees.
type menuSection struct {
	Section Section
	On      bool // the current page belongs to it
	Items   []menuItem
}

type menuItem struct {
	Href, Label string
	On          bool
}

// menu lists, in the seed's order, the sections that hold at least one
// entry the viewer may use: a plain member sees only what is theirs.
func (k *Kit) menu(v *view) []menuSection {
	var out []menuSection
	for _, sec := range Sections {
		m := menuSection{Section: sec}
		for _, n := range k.nav {
			if n.Section != sec || !n.visible(v.Actor) {
				continue
			}
			on := pageUnder(v.Path, v.Query, n.Href)
			m.On = m.On || on
			m.Items = append(m.Items, menuItem{Href: n.Href, Label: n.Label, On: on})
		}
		if len(m.Items) > 0 {
			out = append(out, m)
		}
	}
	return out
}

// pageUnder reports whether the page at path belongs to the menu entry
// href: the same path, or below it ("/members/3" under "/members"). An
// entry with a query ("/orgs?type=town") is one view of a list: it is on
// only for that list with that query, or several sections would light up
// on every organisation's page.
func pageUnder(path string, query url.Values, href string) bool {
	base, rawQuery, filtered := strings.Cut(href, "?")
	if !filtered {
		return path == base || strings.HasPrefix(path, strings.TrimSuffix(base, "/")+"/")
	}
	want, _ := url.ParseQuery(rawQuery)
	if path != base {
		return false
	}
	for k := range want {
		if query.Get(k) != want.Get(k) {
			return false
		}
	}
	return true
}
