package auditlog

import (
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// auditEntry is one row of the log as the page and the API show it.
type auditEntry struct {
	ID            int64         `json:"id"`
	At            time.Time     `json:"at"`
	Actor         string        `json:"actor"` // the account's full name
	ActorUsername string        `json:"actor_username"`
	Action        string        `json:"action"`
	ActionLabel   string        `json:"action_label"`
	Entity        string        `json:"entity"`
	EntityLabel   string        `json:"entity_label"`
	EntityID      int64         `json:"entity_id"`
	OrgID         int64         `json:"org_id"`
	OrgName       string        `json:"org_name"`
	Record        string        `json:"record"`         // the record's name
	Link          string        `json:"link,omitempty"` // its page, when the reader may open it
	Changes       []auditChange `json:"changes"`
}

// auditEntries presents rows for viewer a in lang, from what the one list
// query returned.
func auditEntries(rows []audit.Listed, a *auth.Actor, lang i18n.Lang) []auditEntry {
	out := make([]auditEntry, 0, len(rows))
	for _, r := range rows {
		out = append(out, auditEntryOf(r, a, lang))
	}
	return out
}

func auditEntryOf(r audit.Listed, a *auth.Actor, lang i18n.Lang) auditEntry {
	before, after := storedFields(r.Before), storedFields(r.After)
	kind := kindOf(r.Entity)
	e := auditEntry{ID: r.ID, At: r.At, Actor: r.ActorFullName, ActorUsername: r.ActorName,
		Action: r.Action, ActionLabel: i18n.T(lang, "audit.action."+r.Action, nil),
		Entity: r.Entity, EntityLabel: i18n.T(lang, "audit.entity."+r.Entity, nil),
		EntityID: r.EntityID, OrgID: r.OrgID, OrgName: r.OrgName,
		Changes: auditChanges(lang, r.Entity, before, after, r.Before == "", r.After == "")}
	switch {
	case e.Actor != "":
	case r.ActorID == 0:
		e.Actor = i18n.T(lang, "audit.system", nil)
	default: // the account is gone; the log still knows its username
		e.Actor = r.ActorName
	}
	// The newest value names the record: after, or before for a deletion.
	current := map[string]any{}
	for _, m := range []map[string]any{before, after} {
		for k, v := range m {
			current[k] = v
		}
	}
	e.Record = kind.name(current)
	if e.Record == "" && r.Entity == "org" {
		e.Record = r.OrgName
	}
	if e.Record == "" {
		e.Record = i18n.T(lang, "audit.record_of", map[string]any{"entity": e.EntityLabel, "id": r.EntityID})
	}
	if e.Record == r.OrgName {
		e.OrgName = "" // the record is the organisation; say it once
	}
	e.Link = kind.link(a, r.OrgPath, r.EntityID, current)
	return e
}
