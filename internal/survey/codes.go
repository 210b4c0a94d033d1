package survey

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	mrand "math/rand/v2"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// codeAlphabet has no 0/O or 1/I, which are misread on a printed slip.
const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// TallyShards is how many rows each count is spread over (see the
// survey_tallies table).
const TallyShards = 16

// CodeLength is the characters of a code: 12 of 32 is 60 random bits.
const CodeLength = 12

// newCode draws a code from crypto/rand.
func newCode() string {
	b := make([]byte, CodeLength)
	rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[b[i]%32] // 256 is a multiple of 32: no bias
	}
	return string(b)
}

// NormalizeCode turns what a respondent typed into the code: upper case,
// without spaces or hyphens. It reports false for anything that cannot be
// a code.
func NormalizeCode(s string) (string, bool) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '-' || r == '\t':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, s)
	if len(s) != CodeLength {
		return "", false
	}
	for _, r := range s {
		if !strings.ContainsRune(codeAlphabet, r) {
			return "", false
		}
	}
	return s, true
}

// FormatCode prints a code in groups of four: ABCD-EFGH-JKMN.
func FormatCode(c string) string {
	if len(c) != CodeLength {
		return c
	}
	return c[:4] + "-" + c[4:8] + "-" + c[8:]
}

// hashCode is what the database keeps of a code.
func hashCode(c string) string {
	h := sha256.Sum256([]byte("survey-code:" + c))
	return hex.EncodeToString(h[:])
}

// Issued are codes just made for one group: the only time they exist
// outside the respondents' hands. They are printed as slips at once.
type Issued struct {
	Survey Survey   `json:"survey"`
	Group  Group    `json:"group"`
	Codes  []string `json:"codes"`
}

// IssueCodes makes n one-time codes for a group of an open survey
// (survey.manage). Only their hashes are stored, so the codes are shown
// this once; nothing records who is handed which slip.
func (s *Service) IssueCodes(ctx context.Context, a *auth.Actor, surveyID int64, g Group, n int) (Issued, error) {
	f := apperr.Fields{}
	if !g.Valid() {
		f.Add("group", "survey.group_unknown", nil)
	}
	if n < 1 || n > MaxCodesPerIssue {
		f.Add("count", "survey.count_range", apperr.Params{"max": MaxCodesPerIssue})
	}
	if err := f.Err(); err != nil {
		return Issued{}, err
	}
	var out Issued
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		sv, err := loadSurvey(ctx, tx, a, surveyID, auth.PermSurveyManage)
		if err != nil {
			return err
		}
		if sv.Closed() {
			return apperr.Rule("survey.closed", apperr.Params{"date": sv.ClosedOn})
		}
		var groupID int64
		if err := tx.QueryRowContext(ctx, `UPDATE survey_groups SET issued = issued + $1 WHERE survey_id = $2 AND code = $3 RETURNING id`,
			n, surveyID, g).Scan(&groupID); err != nil {
			return err
		}
		codes := make([]string, n)
		for i := range codes {
			codes[i] = newCode()
		}
		const batch = 200
		for start := 0; start < n; start += batch {
			var args db.Args
			var values []string
			for _, c := range codes[start:min(n, start+batch)] {
				values = append(values, "("+args.Add(hashCode(c))+", "+args.Add(groupID)+")")
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO survey_codes(code_hash, group_id) VALUES `+strings.Join(values, ", "),
				args.Values()...); err != nil {
				return err
			}
		}
		out = Issued{Survey: sv, Group: g, Codes: codes}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{Action: "survey.codes", Entity: "survey",
			EntityID: surveyID, OrgID: sv.OrgID, After: map[string]any{"title": sv.Title, "group": g, "count": n}})
	})
	return out, err
}

// codeRef is what a valid unused code leads to.
type codeRef struct {
	groupID  int64
	group    Group
	surveyID int64
}

// findCode looks up an unused code; a used, withdrawn or made-up code
// answers the same rule.
func findCode(ctx context.Context, q db.Queryer, code string) (codeRef, error) {
	var ref codeRef
	c, ok := NormalizeCode(code)
	if !ok {
		return ref, apperr.Rule("survey.code_invalid", nil)
	}
	err := q.QueryRowContext(ctx, `SELECT g.id, g.code, g.survey_id FROM survey_codes c JOIN survey_groups g ON g.id = c.group_id
		WHERE c.code_hash = $1`, hashCode(c)).Scan(&ref.groupID, &ref.group, &ref.surveyID)
	if errors.Is(err, sql.ErrNoRows) {
		return ref, apperr.Rule("survey.code_invalid", nil)
	}
	return ref, err
}

// Ballot is what a valid unused code opens: the survey's subjects to
// rate. It needs no account and changes nothing.
func (s *Service) Ballot(ctx context.Context, code string) (Ballot, error) {
	var b Ballot
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		ref, err := findCode(ctx, tx, code)
		if err != nil {
			return err
		}
		b, err = ballotOf(ctx, tx, ref)
		return err
	})
	return b, err
}

func ballotOf(ctx context.Context, q db.Queryer, ref codeRef) (Ballot, error) {
	sv, err := loadSurvey(ctx, q, nil, ref.surveyID, "")
	if err != nil {
		return Ballot{}, err
	}
	if sv.Closed() {
		return Ballot{}, apperr.Rule("survey.closed", apperr.Params{"date": sv.ClosedOn})
	}
	subjects, err := subjectsOf(ctx, q, sv.ID)
	return Ballot{Title: sv.Title, OrgName: sv.OrgName, Year: sv.Year, Group: ref.group, Subjects: subjects}, err
}

// Answer counts one respondent's ratings, one for every subject, and
// uses the code up: the code's row is deleted by a conditional DELETE in
// the same transaction as the counts, so of any number of simultaneous
// answers with one code exactly one is counted, and the others find no
// row and are refused. Nothing about the answer is stored but the counts
// it adds to; it has no audit record, whose time would be the join this
// design leaves out (docs/decisions.md).
func (s *Service) Answer(ctx context.Context, code string, ratings map[int64]Rating) error {
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		ref, err := findCode(ctx, tx, code)
		if err != nil {
			return err
		}
		b, err := ballotOf(ctx, tx, ref)
		if err != nil {
			return err
		}
		if err := checkRatings(b.Subjects, ratings); err != nil {
			return err
		}
		c, _ := NormalizeCode(code)
		res, err := tx.ExecContext(ctx, `DELETE FROM survey_codes WHERE code_hash = $1`, hashCode(c))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			return apperr.Rule("survey.code_invalid", nil) // another answer with the code came first
		}
		// One shard for the whole answer. Its count row is taken first, so
		// two answers in one shard lock their rows in one order and never
		// deadlock; answers in different shards do not wait for each other.
		shard := mrand.IntN(TallyShards)
		if _, err := tx.ExecContext(ctx, `INSERT INTO survey_answer_counts(group_id, shard, n) VALUES ($1, $2, 1)
			ON CONFLICT (group_id, shard) DO UPDATE SET n = survey_answer_counts.n + 1`, ref.groupID, shard); err != nil {
			return err
		}
		for _, sub := range b.Subjects {
			if _, err := tx.ExecContext(ctx, `INSERT INTO survey_tallies(group_id, subject_id, rating, shard, n) VALUES ($1, $2, $3, $4, 1)
				ON CONFLICT (group_id, subject_id, rating, shard) DO UPDATE SET n = survey_tallies.n + 1`,
				ref.groupID, sub.ID, ratings[sub.ID], shard); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkRatings is rule survey.rate_all: one known rating for each subject
// and nothing else.
func checkRatings(subjects []Subject, ratings map[int64]Rating) error {
	var missing []string
	for _, sub := range subjects {
		if !ratings[sub.ID].Valid() {
			missing = append(missing, sub.Name)
		}
	}
	if len(missing) > 0 || len(ratings) != len(subjects) {
		return apperr.Rule("survey.rate_all", apperr.Params{"names": strings.Join(missing, "、"), "n": len(missing)})
	}
	return nil
}
