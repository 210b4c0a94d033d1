package web

import (
	"html/template"
	"io/fs"
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/org"
	"dangjian/internal/services"
)

// Programme is everything one programme adds to the web application. Each
// programme's package under internal/web/ builds one with its New; the
// application passes the list to web.New, so the route table, the
// authorization walk, the navigation and the OpenAPI document are each
// assembled in one place from the same list.
type Programme struct {
	// Name is the programme's package name; it tags its API operations.
	Name string
	// Templates holds a folder templates/ with pages/*.html (one page
	// each) and partials/*.html: the programme's embedded files.
	// Page and partial names must be unique across programmes.
	Templates fs.FS
	Routes    []Route
	// APIDocs describe its /api/ routes, keyed "METHOD /pattern".
	APIDocs map[string]APIDoc
	// Nav are its menu entries; a section with no entry a user may open
	// is not shown to that user.
	Nav []NavItem
	// OrgPanels add the programme's part of an organisation's page.
	OrgPanels []OrgPanel
	// Home counts what is due and overdue in the user's scope for the
	// start page; nil when the programme has nothing to count.
	Home func(r *http.Request) ([]HomeItem, error)
	// Funcs are template functions of its own; a name another programme
	// or the kit already uses stops start-up.
	Funcs template.FuncMap
	// Perms are the permissions its use cases check; a test holds each to
	// the role table and to docs/security.md.
	Perms []auth.Perm
}

// Builder makes a programme from the shared kit and the services.
type Builder func(Handlers) Programme

// Handlers is what every programme's handlers embed: the kit's rendering
// and redirects, and the services their use cases are on.
type Handlers struct {
	*Kit
	Svc services.Services
}

// Access says who may reach a route before its use case checks scope.
type Access int

const (
	Public  Access = iota // anyone, logged in or not
	User                  // a logged-in person (session cookie)
	APIUser               // /api/v1: a bearer token or a session cookie
)

// Route is one entry of the routing table. The table is data so tests can
// walk every route with every role.
type Route struct {
	Method  string
	Pattern string
	Access  Access
	Handle  func(w http.ResponseWriter, r *http.Request) error
	// Perm is what the route needs somewhere (Needs): the permission its
	// use case decides the records on. The kit refuses, before the
	// handler runs, a user who holds it nowhere; the use case's scope
	// check stays the fine check.
	Perm auth.Perm
	// Own marks a route that acts on the caller's own account or records
	// (Self): no role is needed to reach it, the use case finds what is
	// the caller's. With Perm too, holders of Perm reach it as well.
	Own bool
}

// Needs declares the permission the route's use case checks. A
// logged-in user who holds it nowhere is refused (403) by the kit.
func (r Route) Needs(p auth.Perm) Route {
	r.Perm = p
	return r
}

// Self declares that the route acts on the caller's own account or
// records, so every logged-in user may reach it.
func (r Route) Self() Route {
	r.Own = true
	return r
}

// Declared reports whether the route says who may reach it: public,
// Needs or Self. An undeclared route refuses every logged-in user.
func (r Route) Declared() bool { return r.Access == Public || r.Perm != "" || r.Own }

// Admits is the kit's coarse gate: whether a logged-in actor may reach
// the route at all. It depends on the actor's roles only, never on data,
// so its refusal (403) tells nothing about any record.
func (r Route) Admits(a *auth.Actor) bool {
	switch {
	case r.Access == Public || r.Own:
		return true
	case r.Perm == "":
		return false // undeclared: fail closed
	default:
		return a.Can(r.Perm)
	}
}

// Section is a top-level menu entry: the registry every programme draws
// on, then the five programmes of the seed's plan, with the branches'
// organisational life apart from the roster so neither menu runs long.
type Section string

const (
	SectionRegistry   Section = "registry" // 基础台账
	SectionSites      Section = "p1"       // 活动阵地
	SectionProsperity Section = "p2"       // 致富工程
	SectionCentres    Section = "p3"       // 五个中心
	SectionMembers    Section = "p4"       // 党员队伍
	SectionOrgLife    Section = "orglife"  // 组织生活
	SectionMechanisms Section = "p5"       // 工作机制
)

// Sections in menu order.
var Sections = []Section{SectionRegistry, SectionSites, SectionProsperity, SectionCentres, SectionMembers, SectionOrgLife, SectionMechanisms}

// NavItem is one menu entry.
type NavItem struct {
	Section Section
	Href    string
	Label   string // message key
	// Perm is what the user needs anywhere to see the entry; Show, when
	// set, decides instead.
	Perm auth.Perm
	Show func(a *auth.Actor) bool
}

// visible reports whether a user sees the entry.
func (n NavItem) visible(a *auth.Actor) bool {
	if a == nil {
		return false
	}
	if n.Show != nil {
		return n.Show(a)
	}
	return n.Perm == "" || a.Can(n.Perm)
}

// OrgPanel is one programme's block on an organisation's page: Load puts
// what the block shows into data (and may put nothing, for organisations
// the block does not concern or the viewer may not read); Template is the
// partial that shows it, called with the page's view.
type OrgPanel struct {
	Template string
	Load     func(r *http.Request, o org.Org, data map[string]any) error
}

// HomeItem is one line of the start page: how many things of one kind
// are due or overdue in the user's scope, and where to deal with them.
type HomeItem struct {
	Label   string // message key; {n} is the count
	Count   int
	More    bool // counting stopped at a limit: shown as "n+"
	Overdue bool // past a deadline: listed first and marked
	Href    string
}

// HomeLimit is where a start-page count stops: "200+" tells a cadre
// enough, and the page stays one cheap query per item.
const HomeLimit = 200

// Counted makes a HomeItem of n things found with a limit of HomeLimit.
func Counted(label string, n int, overdue bool, href string) HomeItem {
	return HomeItem{Label: label, Count: min(n, HomeLimit), More: n >= HomeLimit, Overdue: overdue, Href: href}
}

// IsPublic reports whether anyone may reach the route without logging in.
func (r Route) IsPublic() bool { return r.Access == Public }

// TakesToken reports whether the route accepts an API bearer token.
func (r Route) TakesToken() bool { return r.Access == APIUser }

// Page is a route for logged-in people (session cookie).
func Page(method, pattern string, handle func(http.ResponseWriter, *http.Request) error) Route {
	return Route{Method: method, Pattern: pattern, Access: User, Handle: handle}
}

// API is a /api/v1 route: a bearer token or a session cookie.
func API(method, pattern string, handle func(http.ResponseWriter, *http.Request) error) Route {
	return Route{Method: method, Pattern: pattern, Access: APIUser, Handle: handle}
}

// Open is a route anyone may reach, logged in or not.
func Open(method, pattern string, handle func(http.ResponseWriter, *http.Request) error) Route {
	return Route{Method: method, Pattern: pattern, Access: Public, Handle: handle}
}
