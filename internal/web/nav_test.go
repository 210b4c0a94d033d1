package web

import (
	"net/url"
	"testing"
)

// A menu entry is on for its own pages; an entry that is one view of a
// list is on only for that view.
func TestPageUnder(t *testing.T) {
	cases := []struct {
		path, query, href string
		want              bool
	}{
		{"/members", "", "/members", true},
		{"/members/3", "", "/members", true},
		{"/membership", "", "/members", false},
		{"/orgs", "type=town", "/orgs?type=town", true},
		{"/orgs", "type=branch", "/orgs?type=town", false},
		{"/orgs/3", "", "/orgs?type=town", false},
	}
	for _, c := range cases {
		q, _ := url.ParseQuery(c.query)
		if got := pageUnder(c.path, q, c.href); got != c.want {
			t.Errorf("pageUnder(%q, %q, %q) = %v, want %v", c.path, c.query, c.href, got, c.want)
		}
	}
}
