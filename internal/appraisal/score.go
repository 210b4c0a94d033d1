package appraisal

import (
	"sort"
	"strconv"
)

// scoreOf fills a result's group scores, score and grade from its
// tallies: a group's score is the mean points of its ballots over the 20
// criteria; the score is the groups' scores weighted by the round's
// weights. A score is complete once every group with a weight is entered.
func scoreOf(r Round, res *Result) {
	res.GroupScores = map[Group]int{}
	entered := map[Group]bool{}
	for _, t := range res.Tallies {
		sum := 0
		for _, v := range t.Sums {
			sum += v
		}
		n := t.Ballots * len(Qualities) * len(Areas)
		if n == 0 {
			continue
		}
		res.GroupScores[t.Group] = roundDiv(sum*10, n)
		entered[t.Group] = true
	}
	num, den := 0, 0
	for _, g := range Groups {
		w := r.Weights[g]
		if w == 0 {
			continue
		}
		if !entered[g] {
			return
		}
		num += w * res.GroupScores[g]
		den += w
	}
	if den == 0 {
		return
	}
	res.Complete = true
	res.Score = roundDiv(num, den)
	res.Grade = r.Cuts.GradeOf(res.Score)
}

// roundDiv is a/b rounded half up, for a, b ≥ 0.
func roundDiv(a, b int) int { return (2*a + b) / (2 * b) }

// rank orders results by score, complete ones first, and gives ranks
// within the village: equal scores share a rank (1, 2, 2, 4).
func rank(rs []Result) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Complete != rs[j].Complete {
			return rs[i].Complete
		}
		return rs[i].Score > rs[j].Score
	})
	for i := range rs {
		if !rs[i].Complete {
			continue
		}
		if i > 0 && rs[i-1].Complete && rs[i-1].Score == rs[i].Score {
			rs[i].Rank = rs[i-1].Rank
		} else {
			rs[i].Rank = i + 1
		}
	}
}

// Points shows tenths of a point as "87.5".
func Points(tenths int) string {
	return strconv.Itoa(tenths/10) + "." + strconv.Itoa(tenths%10)
}

// sameCadre reports whether a and b are the same person.
func sameCadre(a, b Cadre) bool {
	if a.ResidentID != 0 && b.ResidentID != 0 {
		return a.ResidentID == b.ResidentID
	}
	return a.Name == b.Name
}

// CheckRemoval is the rule appraisal.removal (组织法 art. 33): a member of
// the village committee rated 不称职 in RemovalRounds rounds in a row —
// this year's and the year before's — is flagged for removal.
func CheckRemoval(cur Result, prev *Result, year, prevYear int) bool {
	return cur.Cadre.Village && cur.Grade == GradeIncompetent && prev != nil &&
		prevYear == year-(RemovalRounds-1) && prev.Grade == GradeIncompetent
}

// Points is the result's score as shown: "87.5", or "" before complete.
func (r Result) Points() string {
	if !r.Complete {
		return ""
	}
	return Points(r.Score)
}

// GroupPoints is a group's score as shown, "" when not entered.
func (r Result) GroupPoints(g Group) string {
	v, ok := r.GroupScores[g]
	if !ok {
		return ""
	}
	return Points(v)
}

// Ballots is the number of ballots a group's tally counted, 0 when not entered.
func (r Result) Ballots(g Group) int {
	for _, t := range r.Tallies {
		if t.Group == g {
			return t.Ballots
		}
	}
	return 0
}

// Points is the year's score as shown, "" before complete.
func (y YearRow) Points() string {
	if y.Grade == "" {
		return ""
	}
	return Points(y.Score)
}
