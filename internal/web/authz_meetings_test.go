package web_test

import "dangjian/internal/db"

// The member activities' records of 海戛 that the demo does not hold,
// made for the walk.
func init() {
	foreignIDs["compliance"] = func(w *walk) (int64, error) { return w.firstBranch() }
	foreignIDs["duties"] = func(w *walk) (int64, error) {
		m, err := foreignMember(w)
		if err != nil {
			return 0, err
		}
		// One duty per member, year and post: the one made before, if any.
		if id, err := w.one(`SELECT COALESCE(MAX(id), 0) FROM member_duties WHERE member_id = $1 AND year = 2026
			AND post = '卫生监督岗'`, m.id); err != nil || id != 0 {
			return id, err
		}
		return w.one(`INSERT INTO member_duties(town_id, org_id, member_id, year, post, duty, created_at)
			VALUES ($1, $2, $3, 2026, '卫生监督岗', '每月检查一次', $4) RETURNING id`, m.town, m.org, m.id, w.env.Clock.Now())
	}
	foreignIDs["suggestions"] = func(w *walk) (int64, error) {
		m, err := foreignMember(w)
		if err != nil {
			return 0, err
		}
		return w.one(`INSERT INTO suggestions(town_id, org_id, member_id, title, body, submitted_at)
			VALUES ($1, $2, $3, '修路', '村口的路需要修', $4) RETURNING id`, m.town, m.org, m.id, w.env.Clock.Now())
	}
	// The care fund is the town's: a village account must not decide a
	// grant to a 海戛 member.
	foreignIDs["grants"] = func(w *walk) (int64, error) {
		m, err := foreignMember(w)
		if err != nil {
			return 0, err
		}
		return w.one(`INSERT INTO fund_grants(town_id, org_id, member_id, amount_fen, reason, status, proposer_name, proposed_at)
			VALUES ($1, $2, $3, 50000, '困难党员慰问', 'proposed', 'admin', $4) RETURNING id`, m.town, m.org, m.id, w.env.Clock.Now())
	}
}

type memberRow struct{ id, org, town int64 }

// foreignMember is the first party member in the walk's subtree.
func foreignMember(w *walk) (memberRow, error) {
	v := w.at
	var m memberRow
	err := w.env.DB.QueryRow(`SELECT m.id, m.org_id, m.town_id FROM members m JOIN orgs o ON o.id = m.org_id
		WHERE o.path >= $1 AND o.path < $2 AND m.status = 'full' ORDER BY m.id LIMIT 1`, v.Path, db.PathEnd(v.Path)).
		Scan(&m.id, &m.org, &m.town)
	return m, err
}
