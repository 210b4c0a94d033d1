package prosperity

import (
	"testing"

	"dangjian/internal/prosperity"
)

// The picture has one row a cooperative, four boxes joined by three
// lines, and long names cut into two lines that fit their box.
func TestPictureRowsAndWrapping(t *testing.T) {
	m := prosperity.Model{
		Industries: []prosperity.Industry{{ID: 1, Name: "大河乌猪"}, {ID: 2, Name: "则黑酒"}},
		Coops:      []prosperity.Cooperative{{ID: 9, IndustryID: 1, Name: "大河乌猪养殖专业合作社", BranchName: "大河乌猪养殖专业合作社党支部", Households: 48}},
	}
	p := picture(m)
	if len(p.Boxes) != 5 || len(p.Lines) != 3 || p.Height != top+2*rowH {
		t.Fatalf("picture %+v", p)
	}
	branch := p.Boxes[0]
	if len(branch.Lines) != 2 || branch.Lines[0].S != "大河乌猪养殖专业合作社党" || branch.Lines[1].S != "支部" {
		t.Fatalf("branch lines %+v", branch.Lines)
	}
	if got := wrap("一二三四五六七八九十一二三四五六七八九十一二三四五六"); len([]rune(got[1])) != boxRunes || got[1][len(got[1])-3:] != "…" {
		t.Fatalf("wrap %q", got)
	}
	if p.Boxes[3].Title != "48 户" || p.Boxes[4].Title != "则黑酒" || p.Boxes[4].X != p.Boxes[1].X {
		t.Fatalf("boxes %+v", p.Boxes)
	}
}
