package web_test

import "dangjian/internal/db"

// The member roster's records that the walk cannot find by table name.
func init() {
	// An import job of the subtree's first branch, made for the walk.
	imports := func(w *walk) (int64, error) {
		branch, err := w.firstBranch()
		if err != nil {
			return 0, err
		}
		now := w.env.Clock.Now()
		return w.one(`INSERT INTO member_imports(org_id, town_id, file_name, state, created_at, updated_at)
			VALUES ($1, $2, 'haiga.xlsx', 'done', $3, $3) RETURNING id`, branch, w.at.TownID, now)
	}
	foreignIDs["member-imports"] = imports
	foreignIDs["imports"] = imports
	// A 三培养 tag of a 海戛 member; the route's member id is 海戛's too.
	foreignIDs["{tag}"] = func(w *walk) (int64, error) {
		m, err := foreignMember(w)
		if err != nil {
			return 0, err
		}
		return w.one(`INSERT INTO member_tags(member_id, town_id, kind, started_on, created_at)
			VALUES ($1, $2, 'member_to_rich', $3, $4) RETURNING id`, m.id, m.town, db.Day(w.env.Clock.Now()), w.env.Clock.Now())
	}
}
