package prosperity

import (
	"net/http"
	"strconv"

	"dangjian/internal/auth"
	"dangjian/internal/org"
	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// industryShow is a village's industries and cooperatives with the
// 支部+产业+专业合作组织+农户 picture; for the town, its industry party
// organisations and the villages to choose from.
func (h *handlers) industryShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.industryData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "industry_show", data)
}

func (h *handlers) industryData(r *http.Request) (map[string]any, error) {
	a := web.ActorOf(r)
	data := map[string]any{"IndustryKinds": prosperity.IndustryKinds, "Today": h.today(), "Posted": posted(r)}
	village, err := h.village(r)
	if err != nil {
		return nil, err
	}
	if village != 0 {
		m, err := h.Svc.Prosper.VillageModel(r.Context(), a, village)
		if err != nil {
			return nil, err
		}
		data["Model"], data["Picture"] = m, picture(m)
		if a.CanAt(auth.PermProsperity, m.Village.Path) {
			// The branches a cooperative may be led by: the village's own
			// general branch, its group branches and industry organisations.
			kids, err := h.Svc.Org.List(r.Context(), a, org.Filter{ParentID: village, Limit: 500})
			if err != nil {
				return nil, err
			}
			leads := []org.Org{}
			for _, o := range kids {
				if o.Type == org.TypeBranch || o.Type == org.TypeIndustry {
					leads = append(leads, o)
				}
			}
			data["Leads"], data["Write"] = leads, true
		}
		return data, nil
	}
	ar, err := h.area(r)
	if err != nil {
		return nil, err
	}
	town := ar.ID
	orgs, err := h.Svc.Prosper.IndustryOrgs(r.Context(), a, town)
	if err != nil {
		return nil, err
	}
	villages, err := h.Svc.Org.List(r.Context(), a, org.Filter{Type: org.TypeGeneralBranch, TownID: town, Limit: 200})
	if err != nil {
		return nil, err
	}
	data["IndustryOrgs"], data["Villages"], data["TownID"] = orgs, villages, town
	if len(orgs) > 0 && a.Can(auth.PermProsperity) {
		coops, err := h.Svc.Prosper.CooperativesOfTown(r.Context(), a, town)
		if err != nil {
			return nil, err
		}
		data["Coops"], data["AttachedKinds"] = coops, prosperity.AttachedKinds
	}
	return data, nil
}

// posted says which form of the page a post came from, so that the page
// shown again puts what was typed and the errors back into that form
// only: "industry", "attach", or the id of the industry a cooperative
// was registered in.
func posted(r *http.Request) string {
	switch {
	case r.Method != http.MethodPost:
		return ""
	case r.URL.Path == "/industries":
		return "industry"
	case r.URL.Path == "/industry-attachments":
		return "attach"
	}
	return r.PathValue("id")
}

// industriesURL is the page a form on it returns to: the village's, or
// the town's.
func industriesURL(r *http.Request) string {
	if id := web.QueryInt(r, "village_id"); id != 0 {
		return "/industries?village_id=" + strconv.FormatInt(id, 10)
	}
	if id := web.QueryInt(r, "town_id"); id != 0 {
		return "/industries?org_id=" + strconv.FormatInt(id, 10)
	}
	return "/industries"
}

// Picture is the model drawn as boxes in four columns (支部, 产业, 专业合作组织,
// 农户) joined by lines, sized for the SVG's view box.
type Picture struct {
	Width, Height int
	Heads         []Box
	Boxes         []Box
	Lines         []Line
}

// Box is one rectangle of the picture with its text, cut into lines
// that fit its width.
type Box struct {
	X, Y, W, H int
	Title      string
	Lines      []Text
	Class      string
}

// Text is one line of a box, placed.
type Text struct {
	X, Y int
	S    string
}

// boxRunes is how many characters of 13 px fit a line of a box.
const boxRunes = 12

// wrap cuts s into at most two lines of boxRunes, the second ending in
// "…" when s is longer.
func wrap(s string) []string {
	r := []rune(s)
	if len(r) <= boxRunes {
		return []string{s}
	}
	if len(r) > 2*boxRunes {
		r = append(r[:2*boxRunes-1], '…')
	}
	return []string{string(r[:boxRunes]), string(r[boxRunes:])}
}

// Line joins two boxes.
type Line struct{ X1, Y1, X2, Y2 int }

const (
	colW, colGap, boxH, rowH, top = 170, 30, 50, 70, 40
)

func picture(m prosperity.Model) Picture {
	p := Picture{Width: 4*colW + 3*colGap + 20}
	x := func(col int) int { return 10 + col*(colW+colGap) }
	for i, k := range []string{"industry.col.branch", "industry.col.name", "industry.col.coop", "industry.col.households"} {
		p.Heads = append(p.Heads, Box{X: x(i), Y: 20, W: colW, Title: k})
	}
	row := 0
	add := func(col int, title, class string) Box {
		b := Box{X: x(col), Y: top + row*rowH, W: colW, H: boxH, Title: title, Class: class}
		lines := wrap(title)
		for i, l := range lines {
			b.Lines = append(b.Lines, Text{X: b.X + 8, Y: b.Y + 30 - 9*(len(lines)-1) + 18*i, S: l})
		}
		p.Boxes = append(p.Boxes, b)
		return b
	}
	join := func(a, b Box) {
		p.Lines = append(p.Lines, Line{X1: a.X + a.W, Y1: a.Y + a.H/2, X2: b.X, Y2: b.Y + b.H/2})
	}
	for _, ind := range m.Industries {
		var coops []prosperity.Cooperative
		for _, c := range m.Coops {
			if c.IndustryID == ind.ID {
				coops = append(coops, c)
			}
		}
		if len(coops) == 0 {
			add(1, ind.Name, "industry")
			row++
			continue
		}
		for _, c := range coops {
			branch := c.BranchName
			if branch == "" {
				branch = "—"
			}
			b := add(0, branch, "branch")
			i := add(1, ind.Name, "industry")
			co := add(2, c.Name, "coop")
			hh := add(3, strconv.Itoa(c.Households)+" 户", "households")
			join(b, i)
			join(i, co)
			join(co, hh)
			row++
		}
	}
	p.Height = top + max(row, 1)*rowH
	return p
}
