package orglife

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/i18n"
)

// Every rule and message key the activity use cases return has Chinese
// and English text: a refusal must never reach a user as a bare key.
func TestActivityMessagesAreTranslated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	rule := regexp.MustCompile(`apperr\.Rule\("([a-z_.]+)"`)
	keyed := regexp.MustCompile(`(?:apperr\.Invalid|\.Add|apperr\.Conflict)\((?:"[a-z_]+", )?"([a-z_]+\.[a-z_.]+)"`)
	i18nKey := regexp.MustCompile(`i18n\.Key\("([a-z_]+\.[a-z_.]*[a-z_])"\)`) // whole keys, not prefixes
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || !activityFile(f) {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, m := range rule.FindAllStringSubmatch(string(src), -1) {
			keys = append(keys, "rule."+m[1])
		}
		for _, re := range []*regexp.Regexp{keyed, i18nKey} {
			for _, m := range re.FindAllStringSubmatch(string(src), -1) {
				keys = append(keys, m[1])
			}
		}
		for _, k := range keys {
			checked++
			if !i18n.Has(k) {
				t.Errorf("%s: message key %s has no translation", f, k)
			}
		}
	}
	for _, k := range []string{"fund.status.proposed", "fund.status.approved", "fund.status.rejected",
		"share.one_half", "share.one_third", "share.one_quarter", "share.one_fifth"} {
		checked++
		if !i18n.Has(k) {
			t.Errorf("message key %s has no translation", k)
		}
	}
	for _, k := range MeetingKinds {
		checked++
		if !i18n.Has("meeting.kind." + string(k)) {
			t.Errorf("meeting kind %s has no name", k)
		}
	}
	if checked < 30 {
		t.Fatalf("only %d keys found: the patterns no longer match the code", checked)
	}
}

// activityFile reports whether a file of this package belongs to the
// member activities (meetings, compliance, duties, stars, evaluations,
// suggestions, the fund and self-service).
func activityFile(name string) bool {
	for _, p := range []string{"meeting", "compliance", "duty", "star", "evaluation", "suggestion", "fund", "self"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
