package survey

// Column is one column of the results: a group shown on its own, or the
// groups of fewer than MinGroupAnswers answers pooled together.
type Column struct {
	Groups   []Group `json:"groups"`
	Pooled   bool    `json:"pooled"`
	Weight   int     `json:"weight"`
	Answered int     `json:"answered"`
}

// Cell is a column's answers about one subject.
type Cell struct {
	Satisfied    int   `json:"satisfied"`
	Basic        int   `json:"basic"`
	Dissatisfied int   `json:"dissatisfied"`
	Score        Score `json:"score"`
}

// SubjectResult is one subject's results: a cell per column, the score
// weighted over the columns, and whether it falls below the threshold.
type SubjectResult struct {
	Subject
	Cells     []Cell     `json:"cells"`
	Score     Score      `json:"score"`
	Scored    bool       `json:"scored"`
	Flagged   bool       `json:"flagged"`
	Followups []Followup `json:"followups"`
}

// Results are a closed survey's results.
type Results struct {
	Survey  Survey   `json:"survey"`
	Columns []Column `json:"columns"`
	// Hidden are groups that answered but are neither shown nor counted:
	// fewer than MinGroupAnswers even pooled together.
	Hidden        []Group         `json:"hidden"`
	HiddenAnswers int             `json:"hidden_answers"`
	Subjects      []SubjectResult `json:"subjects"`
}

// tallyKey is one count of answers.
type tallyKey struct {
	group   int64
	subject int64
	rating  Rating
}

// Rule survey.min_group: a group's results are shown on their own only
// from MinGroupAnswers answers. Groups below it are pooled into one column
// when together they reach it, counted with their weights added up;
// otherwise they are left out of the shown results and of the scores, so
// the score cannot be worked back to a small group's answers either.
func columnsOf(groups []GroupInfo) (cols []Column, members [][]int64, hidden []Group, hiddenN int) {
	var pool Column
	var poolIDs []int64
	for _, g := range groups {
		switch {
		case g.Answered == 0:
		case g.Answered >= MinGroupAnswers:
			cols = append(cols, Column{Groups: []Group{g.Group}, Weight: g.Weight, Answered: g.Answered})
			members = append(members, []int64{g.ID})
		default:
			pool.Groups = append(pool.Groups, g.Group)
			pool.Weight += g.Weight
			pool.Answered += g.Answered
			poolIDs = append(poolIDs, g.ID)
		}
	}
	switch {
	case pool.Answered >= MinGroupAnswers:
		pool.Pooled = true
		cols = append(cols, pool)
		members = append(members, poolIDs)
	case pool.Answered > 0:
		hidden, hiddenN = pool.Groups, pool.Answered
	}
	return cols, members, hidden, hiddenN
}

// computeResults scores every subject from the counts. A cell's score is
// the mean of its ratings' Points; a subject's score is the cells' scores
// weighted by the columns' weights; below threshold it is flagged.
func computeResults(sv Survey, groups []GroupInfo, subjects []Subject, tallies map[tallyKey]int) Results {
	cols, members, hidden, hiddenN := columnsOf(groups)
	res := Results{Survey: sv, Columns: cols, Hidden: hidden, HiddenAnswers: hiddenN, Subjects: []SubjectResult{}}
	if res.Columns == nil {
		res.Columns = []Column{}
	}
	if res.Hidden == nil {
		res.Hidden = []Group{}
	}
	for _, s := range subjects {
		sr := SubjectResult{Subject: s, Cells: []Cell{}, Followups: []Followup{}}
		var weighted, weights int64
		for i, col := range cols {
			var c Cell
			for _, gid := range members[i] {
				c.Satisfied += tallies[tallyKey{gid, s.ID, Satisfied}]
				c.Basic += tallies[tallyKey{gid, s.ID, Basic}]
				c.Dissatisfied += tallies[tallyKey{gid, s.ID, Dissatisfied}]
			}
			if n := c.Satisfied + c.Basic + c.Dissatisfied; n > 0 {
				points := int64(c.Satisfied*Points[Satisfied]+c.Basic*Points[Basic]+c.Dissatisfied*Points[Dissatisfied]) * 10
				c.Score = Score(divRound(points, int64(n)))
				weighted += int64(c.Score) * int64(col.Weight)
				weights += int64(col.Weight)
			}
			sr.Cells = append(sr.Cells, c)
		}
		if weights > 0 {
			sr.Score, sr.Scored = Score(divRound(weighted, weights)), true
			sr.Flagged = int(sr.Score) < sv.Threshold*10
		}
		res.Subjects = append(res.Subjects, sr)
	}
	return res
}

// divRound divides two non-negative numbers, rounding half up.
func divRound(a, b int64) int64 { return (2*a + b) / (2 * b) }
