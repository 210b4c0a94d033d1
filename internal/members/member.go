package members

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/people"
)

// MemberInput is a person entered on the roster by hand or by import:
// an existing 正式/预备党员 with their dates, or a new 入党申请人 who starts
// the pipeline.
type MemberInput struct {
	OrgID     int64
	Name      string
	IDNumber  string
	Phone     string
	Education string
	Category  Category
	Status    Status // applicant, probationary or full
	AppliedOn time.Time
	JoinedOn  time.Time // 入党时间: the branch meeting that accepted them as 预备党员
	FullOn    time.Time // 转正时间
	Mobile    bool
}

const maxName = 50

// checkDetails trims and validates the free-text fields shared by add and
// update; the phone rule is the registry's, so a number accepted for a
// resident is accepted for the same person as a member.
func checkDetails(f apperr.Fields, name, phone, education *string, c Category) {
	*name = apperr.Text(f, "name", *name, maxName, true)
	*phone = apperr.Phone(f, "phone", *phone)
	*education = apperr.Text(f, "education", *education, 20, false)
	if !c.Valid() {
		f.Add("category", "member.category_unknown", nil)
	}
}

// checkRosterDates validates the dates of a roster entry against the
// holder's birth and today. Each problem names its field, so a form shows
// it beside the field and an import names the column.
func checkRosterDates(f apperr.Fields, in MemberInput, birth, today time.Time) {
	for field, d := range map[string]time.Time{"applied_on": in.AppliedOn, "joined_on": in.JoinedOn, "full_on": in.FullOn} {
		if d.IsZero() {
			continue
		}
		if d.After(today) {
			f.Add(field, "member.date_future", apperr.Params{"today": today})
		} else if !birth.IsZero() && d.Before(birth) {
			f.Add(field, "member.date_before_birth", apperr.Params{"birth": birth})
		}
	}
	switch in.Status {
	case StatusApplicant:
		if in.AppliedOn.IsZero() {
			f.Add("applied_on", "error.date_required", nil)
		}
		return
	case StatusProbationary, StatusFull:
	default:
		f.Add("status", "member.status_roster", nil)
		return
	}
	if in.JoinedOn.IsZero() {
		f.Add("joined_on", "error.date_required", nil)
		return
	}
	if adult := birth.AddDate(MinApplicantAge, 0, 0); !birth.IsZero() && !in.JoinedOn.Before(birth) && in.JoinedOn.Before(adult) {
		f.Add("joined_on", "member.joined_underage", apperr.Params{"age": MinApplicantAge, "earliest": adult})
	}
	if !in.AppliedOn.IsZero() && in.AppliedOn.After(in.JoinedOn) {
		f.Add("applied_on", "member.applied_after_joined", apperr.Params{"joined": in.JoinedOn})
	}
	if in.Status == StatusFull {
		switch {
		case in.FullOn.IsZero():
			f.Add("full_on", "error.date_required", nil)
		case in.FullOn.Before(in.JoinedOn):
			f.Add("full_on", "member.full_before_joined", apperr.Params{"joined": in.JoinedOn})
		case in.FullOn.Before(ProbationEnd(in.JoinedOn, 0)):
			f.Add("full_on", "member.full_before_probation", apperr.Params{"earliest": ProbationEnd(in.JoinedOn, 0)})
		}
	} else if !in.FullOn.IsZero() {
		f.Add("full_on", "member.full_for_probationary", nil)
	}
}

// normalise trims what people paste from spreadsheets.
func (in *MemberInput) normalise() {
	in.Name = strings.TrimSpace(in.Name)
	in.IDNumber = strings.ToUpper(strings.TrimSpace(in.IDNumber))
	in.Phone = strings.TrimSpace(in.Phone)
	in.Education = strings.TrimSpace(in.Education)
}

// prepared is a validated input with its sealed identifier, its place and
// the registered resident it is linked to (0 for none).
type prepared struct {
	in         MemberInput
	id         people.Identifier
	place      place
	residentID int64
	line       int // the row of an imported file
}

// validate checks one input completely (fields, identifier, dates) and
// seals the identifier. It reads nothing from the database except the
// organisation, which the caller resolves.
func (s *Service) validate(in MemberInput, today time.Time) (prepared, apperr.Fields) {
	in.normalise()
	f := apperr.Fields{}
	checkDetails(f, &in.Name, &in.Phone, &in.Education, in.Category)
	var id people.Identifier
	if in.IDNumber == "" {
		f.Add("id_number", "error.required", nil)
	} else {
		sealed, err := s.People.Sealer.Seal(in.IDNumber, day.Of(today))
		if e := apperr.As(err); e != nil {
			for k, v := range e.Fields {
				f.Add(k, v.Key, v.Params)
			}
		}
		id = sealed
	}
	checkRosterDates(f, in, id.Birth.Time(), today)
	return prepared{in: in, id: id}, f
}

// Add enters a person on the roster: a member with their dates, or a new
// applicant, who starts the pipeline. The id number is sealed, birth date
// and sex come from it, and the person is linked to the resident with the
// same number when there is one the actor may see in the registry.
func (s *Service) Add(ctx context.Context, a *auth.Actor, in MemberInput) (Member, error) {
	now := s.Clock.Now()
	today := db.Day(now)
	pre, f := s.validate(in, today)
	var m Member
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		pl, _, err := placeFor(ctx, tx, a, f, "org_id", in.OrgID, auth.PermMemberWrite)
		if err != nil {
			return err
		}
		if err := f.Err(); err != nil {
			return err
		}
		if pre.in.Status == StatusApplicant {
			if err := CheckApplicant(pre.id.Birth.Time(), pre.in.AppliedOn, today); err != nil {
				return err
			}
		}
		pre.place = pl
		if err := idFree(ctx, tx, pre.id.Lookups[1:], 0); err != nil {
			return err
		}
		batch := []prepared{pre}
		if err := linkResidents(ctx, tx, seesResidents(a), batch); err != nil {
			return err
		}
		pre = batch[0]
		id, err := insertMember(ctx, tx, pre, now)
		if err != nil {
			return err
		}
		if m, err = loadMember(ctx, tx, id); err != nil {
			return err
		}
		kind, on := EventAdded, pre.in.JoinedOn
		if pre.in.Status == StatusApplicant {
			kind, on = "apply", pre.in.AppliedOn
			if err := savePipeline(ctx, tx, id, Pipeline{}, now); err != nil {
				return err
			}
		}
		if err := addEvent(ctx, tx, m, kind, on, 0, 0, "", now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, now, a.Audit(), audit.Entry{Action: "member.create", Entity: "member",
			EntityID: id, OrgID: m.OrgID, After: m})
	})
	if db.IsUniqueViolation(err) {
		return Member{}, apperr.Invalid("id_number", "member.duplicate_id", nil)
	}
	return m, err
}

// newMemberColumns are the columns a new person is written with, in the
// order memberValues gives them.
const newMemberColumns = `town_id, org_id, village_id, resident_id, name, id_cipher, id_hash, id_masked, birth_date, sex,
	phone, education, category, status, applied_on, joined_on, full_on, mobile, created_at, updated_at`

// memberValues are one person's values for newMemberColumns, with the
// resident linkResidents found.
func memberValues(p prepared, now time.Time) []any {
	return []any{db.NullID(p.place.TownID), p.place.ID, db.NullID(p.place.VillageID), db.NullID(p.residentID), p.in.Name,
		p.id.Cipher, p.id.Hash, p.id.Masked, storedDay(p.id.Birth), p.id.Sex, p.in.Phone, p.in.Education, string(p.in.Category),
		string(p.in.Status), db.NullDay(&p.in.AppliedOn), db.NullDay(&p.in.JoinedOn), db.NullDay(&p.in.FullOn), p.in.Mobile, now, now}
}

func insertMember(ctx context.Context, tx *sql.Tx, p prepared, now time.Time) (int64, error) {
	ins := newInserter(tx)
	defer ins.close()
	ids, err := ins.insertMembers(ctx, []prepared{p}, now)
	if err != nil {
		return 0, err
	}
	return ids[0], ins.tallies.write(ctx, tx)
}

// MemberUpdate corrects a member's details. Dates and status change only
// through pipeline steps, transfers and leaving, so their history holds.
type MemberUpdate struct {
	Name      string
	IDNumber  string // empty keeps the stored number
	Phone     string
	Education string
	Category  Category
}

// Update corrects a member's details.
func (s *Service) Update(ctx context.Context, a *auth.Actor, id int64, in MemberUpdate) (Member, error) {
	now := s.Clock.Now()
	in.IDNumber = strings.TrimSpace(in.IDNumber)
	f := apperr.Fields{}
	checkDetails(f, &in.Name, &in.Phone, &in.Education, in.Category)
	var sealed *people.Identifier
	if in.IDNumber != "" {
		idn, err := s.People.Sealer.Seal(in.IDNumber, day.Of(now))
		if e := apperr.As(err); e != nil {
			for k, v := range e.Fields {
				f.Add(k, v.Key, v.Params)
			}
		}
		sealed = &idn
	}
	if err := f.Err(); err != nil {
		return Member{}, err
	}
	after, err := s.changeMember(ctx, a, id, "member.update", func(tx *sql.Tx, m Member, now time.Time) (change, error) {
		if _, err := tx.ExecContext(ctx, `UPDATE members SET name = $1, phone = $2, education = $3, category = $4,
			updated_at = $5 WHERE id = $6`, in.Name, in.Phone, in.Education, string(in.Category), now, id); err != nil {
			return change{}, err
		}
		if sealed != nil {
			if err := idFree(ctx, tx, sealed.Lookups[1:], id); err != nil {
				return change{}, err
			}
			link := []prepared{{id: *sealed}}
			if err := linkResidents(ctx, tx, seesResidents(a), link); err != nil {
				return change{}, err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE members SET id_cipher = $1, id_hash = $2, id_masked = $3,
				birth_date = $4, sex = $5, resident_id = $6 WHERE id = $7`,
				sealed.Cipher, sealed.Hash, sealed.Masked, storedDay(sealed.Birth), sealed.Sex, db.NullID(link[0].residentID), id); err != nil {
				return change{}, err
			}
		}
		return change{Kind: EventUpdated, On: now}, nil
	})
	if db.IsUniqueViolation(err) {
		return Member{}, apperr.Invalid("id_number", "member.duplicate_id", nil)
	}
	return after, err
}

// errLeft refuses changes to someone who has left; the record stays for
// reading only.
func errLeft(m Member) error {
	return apperr.Rule("member.left", apperr.Params{"name": m.Name, "date": m.LeftOn})
}

// idFree refuses a number another person on the roster holds under one of
// lookups: the unique index covers the configured cipher's hash, and
// while `reseal` runs a row may still carry the other one.
func idFree(ctx context.Context, tx *sql.Tx, lookups []string, self int64) error {
	if len(lookups) == 0 {
		return nil
	}
	var args db.Args
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM members WHERE id_hash IN (`+db.InList(&args, lookups)+`)
		AND id <> `+args.Add(self), args.Values()...).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return apperr.Invalid("id_number", "member.duplicate_id", nil)
	}
	return nil
}
