package people

import (
	"slices"

	"dangjian/internal/day"
)

// Household is one 户: a code unique in its town, its head, and the
// village general branch or group branch it belongs to.
type Household struct {
	ID        int64  `json:"id"`
	OrgID     int64  `json:"org_id"`
	OrgName   string `json:"org_name"`
	TownID    int64  `json:"town_id,omitempty"`
	Code      string `json:"code"`
	HeadName  string `json:"head_name"`
	Address   string `json:"address,omitempty"`
	Phone     string `json:"phone,omitempty"`
	Residents int    `json:"resident_count"`
	OrgPath   string `json:"-"`
}

// Resident is one 村民. The id number is only ever carried masked; the
// full number leaves the database through Reveal alone.
type Resident struct {
	ID            int64    `json:"id"`
	HouseholdID   int64    `json:"household_id"`
	HouseholdCode string   `json:"household_code"`
	OrgID         int64    `json:"org_id"`
	OrgName       string   `json:"org_name"`
	Name          string   `json:"name"`
	IDMasked      string   `json:"id_number_masked"`
	BirthDate     day.Day  `json:"birth_date,omitzero"`
	Sex           string   `json:"sex"`
	Age           int      `json:"age"`
	Relation      Relation `json:"relation,omitempty"`
	Phone         string   `json:"phone,omitempty"`
	OrgPath       string   `json:"-"`
}

// Relation is a resident's relation to the head of the household.
type Relation string

// Relations in the order forms offer them.
var Relations = []Relation{"head", "spouse", "child", "child_in_law", "grandchild", "parent", "sibling", "other"}

// Valid reports whether r is a known relation; empty means not stated.
func (r Relation) Valid() bool {
	if r == "" {
		return true
	}
	return slices.Contains(Relations, r)
}

// HouseholdInput is what a clerk types to register or edit a household.
type HouseholdInput struct {
	OrgID    int64
	Code     string
	HeadName string
	Address  string
	Phone    string
}

// ResidentInput is what a clerk types for a resident. Birth date and sex
// are read from the id number, never typed. On update an empty IDNumber
// keeps the stored one.
type ResidentInput struct {
	HouseholdID int64
	Name        string
	IDNumber    string
	Relation    Relation
	Phone       string
}

// HouseholdFilter selects households for a list page.
type HouseholdFilter struct {
	OrgID    int64  // subtree root; 0 is the actor's whole scope
	Query    string // one search box: an 18-character id number, else head, member name or code
	Code     string // code prefix
	HeadName string // part of the head's name
	AfterID  int64  // keyset: households with a larger id
	Limit    int
}

// ResidentFilter selects residents for a list page.
type ResidentFilter struct {
	OrgID    int64  // subtree root; 0 is the actor's whole scope
	Name     string // part of the name
	IDNumber string // exact, by look-up hash
	MinAge   *int   // full years on the clock's today
	MaxAge   *int
	AfterID  int64
	Limit    int
}

// Counts are an organisation's registry figures, its subtree included.
type Counts struct {
	OrgID      int64 `json:"org_id"`
	Households int   `json:"households"`
	Residents  int   `json:"residents"`
	Adults     int   `json:"adults"` // aged 18 or more today
}

// OrgChoice is an organisation households may belong to.
type OrgChoice struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"type"`
	Path    string `json:"-"`
	Village string `json:"village"`
}

// AdultAge is the age of majority (村民会议 counts villagers aged 18+).
const AdultAge = 18
