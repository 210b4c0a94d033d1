package openapi

import (
	"testing"

	"dangjian/internal/openapi/lint"
)

// TestSampleDocumentPassesLint holds the generator to the linter's rules:
// a document of every shape of operation has no error and no warning.
func TestSampleDocumentPassesLint(t *testing.T) {
	problems := lint.Run(t, marshal(t, sampleDocument(t)))
	if len(problems) > 0 {
		t.Errorf("%d problems, want none", len(problems))
	}
}

// TestLintCatchesProblems makes sure a passing lint means something: the
// linter runs with the project's rules and reports what they forbid.
func TestLintCatchesProblems(t *testing.T) {
	doc := sampleDocument(t)
	delete(doc, "servers")
	get := doc["paths"].(map[string]any)["/api/v1/members/{id}"].(map[string]any)["get"].(map[string]any)
	delete(get, "operationId")
	delete(get, "security")
	delete(get["responses"].(map[string]any), "4XX")
	rules := map[string]bool{}
	lint.Check(t, marshal(t, doc), func(p lint.Problem) {
		if p.Severity == "error" {
			rules[p.Rule] = true
		}
	})
	for _, r := range []string{"no-empty-servers", "operation-operationId", "security-defined", "operation-4xx-response"} {
		if !rules[r] {
			t.Errorf("no %s error among %v", r, rules)
		}
	}
}
