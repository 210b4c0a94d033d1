package democracy

import (
	"context"
	"fmt"
	"strings"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
)

// Turnout is who was expected at a step's meeting, derived from the
// rosters the system keeps on the meeting day.
type Turnout struct {
	Expected           int `json:"expected"`
	ExpectedHouseholds int `json:"expected_households"`
}

// expectedAt derives 应到 of a step's meeting on day on:
//   - 党支部会: the holders of the village's party posts, each once;
//   - 两委会: the holders of its party and village committee posts, each once;
//   - 党员大会: the village's members with a vote (正式党员) that day;
//   - 村民会议: villagers aged 18+ that day, and the households;
//   - 村民代表会议: the representatives serving that day and the
//     households they represent.
func expectedAt(ctx context.Context, q db.Queryer, v Village, step int, body string, on day.Day) (Turnout, error) {
	switch {
	case step == StepPropose:
		n, err := postHolders(ctx, q, v.ID, "'party'")
		return Turnout{Expected: n}, err
	case step == StepDeliberate:
		n, err := postHolders(ctx, q, v.ID, "'party', 'village'")
		return Turnout{Expected: n}, err
	case step == StepReview:
		n, err := votingMembers(ctx, q, v, on)
		return Turnout{Expected: n}, err
	case step == StepDecide && body == BodyVillagers:
		return villagers(ctx, q, v, on)
	case step == StepDecide && body == BodyRepresentatives:
		reps, err := representativesOn(ctx, q, v.ID, on)
		var t Turnout
		for _, r := range reps {
			t.Expected++
			t.ExpectedHouseholds += r.Households
		}
		return t, err
	}
	return Turnout{}, nil
}

// postHolders counts the distinct current holders of the village's posts
// of the given bodies (someone on both committees counts once).
func postHolders(ctx context.Context, q db.Queryer, orgID int64, bodies string) (int, error) {
	rows, err := q.QueryContext(ctx, `SELECT t.holder_name, COALESCE(t.resident_id, 0) FROM posts p
		JOIN post_terms t ON t.post_id = p.id AND t.ended_on IS NULL
		WHERE p.org_id = $1 AND p.body IN (`+bodies+`)`, orgID)
	if err != nil {
		return 0, fmt.Errorf("democracy: post holders: %w", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var name string
		var rid int64
		if err := rows.Scan(&name, &rid); err != nil {
			return 0, err
		}
		key := "n" + strings.TrimSpace(name)
		if rid != 0 {
			key = fmt.Sprint("r", rid)
		}
		seen[key] = true
	}
	return len(seen), rows.Err()
}

// subtreeOrgs are the village and its branches.
func subtreeOrgs(ctx context.Context, q db.Queryer, v Village) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM orgs WHERE path >= $1 AND path < $2`, v.Path, db.PathEnd(v.Path))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// votingMembers counts the village's members with a vote on day on,
// by the members programme's own rule (members.Member.VotingOn).
func votingMembers(ctx context.Context, q db.Queryer, v Village, on day.Day) (int, error) {
	orgs, err := subtreeOrgs(ctx, q, v)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range orgs {
		roster, err := members.BranchRoster(ctx, q, id)
		if err != nil {
			return 0, err
		}
		for _, m := range roster {
			if m.VotingOn(on.Time()) {
				n++
			}
		}
	}
	return n, nil
}

// villagers counts residents aged 18+ on day on and households of the
// village from the registry.
func villagers(ctx context.Context, q db.Queryer, v Village, on day.Day) (Turnout, error) {
	var t Turnout
	adult := day.Of(on.Time().AddDate(-18, 0, 0))
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM residents r JOIN orgs o ON o.id = r.org_id WHERE o.path >= $1 AND o.path < $2 AND r.birth_date <= $3),
		(SELECT COUNT(*) FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.path >= $1 AND o.path < $2)`,
		v.Path, db.PathEnd(v.Path), adult).Scan(&t.Expected, &t.ExpectedHouseholds)
	if err != nil {
		return t, fmt.Errorf("democracy: villagers: %w", err)
	}
	return t, nil
}
