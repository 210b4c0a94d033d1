package demo

import (
	"context"
	"fmt"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/services"
)

func init() { register("people", loadPeople) }

// HouseholdsPerVillage is how many households the demo registers in each
// village, spread over its group branches.
const HouseholdsPerVillage = 120

// DemoRegion is the region code of the demo's id numbers: 富源县.
const DemoRegion = "530325"

// loadPeople registers the households of every village with two to five
// residents each, aged 0 to 85, through one bulk import: one transaction,
// one audit record per village.
func loadPeople(ctx context.Context, svc services.Services, t *Town) error {
	today := db.Day(svc.Clock.Now())
	g := &names{n: 500} // past the post holders' names, so villagers differ from cadres
	ids := &idDealer{used: map[string]bool{}}
	var batches []people.ImportBatch
	k := 0
	for _, v := range Villages {
		b := people.ImportBatch{VillageID: t.Villages[v.Name].ID}
		// Households are dealt group by group, so their ids follow their
		// codes and the register lists 海丹-01-001, 海丹-01-002 … in order.
		for gi, group := range v.Groups {
			n := HouseholdsPerVillage / len(v.Groups)
			if gi < HouseholdsPerVillage%len(v.Groups) {
				n++
			}
			for i := 1; i <= n; i++ {
				h := demoHousehold(g, ids, today, k)
				h.OrgID = t.Groups[group].ID
				h.Code = fmt.Sprintf("%s-%02d-%03d", v.Name, gi+1, i)
				h.Address = fmt.Sprintf("大河镇%s村%s %d 号", v.Name, group, i)
				b.Households = append(b.Households, h)
				k++
			}
		}
		batches = append(batches, b)
	}
	_, err := svc.People.Import(ctx, nil, batches)
	return err
}

// demoHousehold deals the k-th household: a head aged 25–85, usually a
// spouse, children born when the head was about 24 (one grown child and
// grandchildren for heads of 50 and over), and an elderly parent in the
// largest young households.
func demoHousehold(g *names, ids *idDealer, today time.Time, k int) people.ImportHousehold {
	size := 2 + (k*7+k/3)%4
	headAge := 25 + (k*37)%61
	headFemale := k%6 == 0 // widows head some households
	head := g.next()
	surname := []rune(head)[0]
	person := func(name string, rel people.Relation, age int, female bool) people.ResidentInput {
		birth := today.AddDate(-age, 0, -(1 + (k*31+len(name)*17+age)%360))
		return people.ResidentInput{Name: name, Relation: rel, IDNumber: ids.number(birth, female)}
	}
	h := people.ImportHousehold{HouseholdInput: people.HouseholdInput{HeadName: head,
		Phone: fmt.Sprintf("139%08d", (k*7919+12345)%100000000)}}
	h.Residents = append(h.Residents, person(head, "head", headAge, headFemale))
	children := size - 1
	if !headFemale {
		spouseAge := min(max(headAge-2+k%5, 20), 85)
		h.Residents = append(h.Residents, person(g.next(), "spouse", spouseAge, true))
		children--
	}
	for j := 0; j < children; j++ {
		name := string(surname) + string([]rune(g.next())[1:])
		switch {
		case j == 2 && headAge <= 45:
			h.Residents = append(h.Residents, person(g.next(), "parent", headAge+26, k%2 == 0))
		case j > 0 && headAge >= 50:
			// Older heads keep one grown child at home (aged headAge-24);
			// the rest are that child's children, born when it was 20 or
			// older.
			h.Residents = append(h.Residents, person(name, "grandchild", min((k*3+j*4)%15, headAge-44), (k+j)%2 == 1))
		default:
			age := max(headAge-24-3*j, j)
			h.Residents = append(h.Residents, person(name, "child", age, (k+j)%2 == 1))
		}
	}
	return h
}

// idDealer makes valid, distinct 富源县 id numbers: the sequence digits'
// last one is odd for men and even for women, as GB 11643 has it.
type idDealer struct {
	n    int
	used map[string]bool
}

func (d *idDealer) number(birth time.Time, female bool) string {
	base := DemoRegion + birth.Format("20060102")
	sex := 1
	if female {
		sex = 0
	}
	for try := 0; ; try++ {
		first17 := base + fmt.Sprintf("%03d", ((d.n+try)%500)*2+sex)
		if !d.used[first17] {
			d.used[first17] = true
			d.n++
			return first17 + string(people.CheckDigit(first17))
		}
	}
}
