package auth

import (
	"regexp"
	"strings"
	"testing"
)

var phcFormat = regexp.MustCompile(`^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)

func TestHashPasswordFormat(t *testing.T) {
	h, err := HashPassword("dangjian2026", DefaultPasswordParams)
	if err != nil {
		t.Fatal(err)
	}
	m := phcFormat.FindStringSubmatch(h)
	if m == nil {
		t.Fatalf("not an argon2id PHC string: %q", h)
	}
	if m[1] != "19456" || m[2] != "2" || m[3] != "1" {
		t.Fatalf("costs m=%s t=%s p=%s, want OWASP's m=19456 t=2 p=1", m[1], m[2], m[3])
	}
	again, _ := HashPassword("dangjian2026", DefaultPasswordParams)
	if again == h {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
}

func TestCheckPassword(t *testing.T) {
	cheap := PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	h, err := HashPassword("正确的密码 right", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h, "$m=1024,t=1,p=1$") {
		t.Fatalf("costs are not stored in the hash: %q", h)
	}
	if !CheckPassword("正确的密码 right", h) {
		t.Fatal("the right password was refused")
	}
	parts := strings.Split(h, "$")
	for name, bad := range map[string]struct{ pw, hash string }{
		"wrong password":      {"正确的密码 Right", h},
		"empty password":      {"", h},
		"argon2i hash":        {"正确的密码 right", strings.Replace(h, "argon2id", "argon2i", 1)},
		"changed costs":       {"正确的密码 right", strings.Replace(h, "t=1", "t=2", 1)},
		"changed salt":        {"正确的密码 right", strings.Join([]string{"", parts[1], parts[2], parts[3], "AAAAAAAAAAAAAAAAAAAAAA", parts[5]}, "$")},
		"too few parts":       {"正确的密码 right", "$argon2id$v=19$m=1024,t=1,p=1$abc"},
		"not base64 salt":     {"正确的密码 right", strings.Join([]string{"", parts[1], parts[2], parts[3], "!!!", parts[5]}, "$")},
		"not base64 key":      {"正确的密码 right", strings.Join([]string{"", parts[1], parts[2], parts[3], parts[4], "!!!"}, "$")},
		"garbled costs":       {"正确的密码 right", strings.Join([]string{"", parts[1], parts[2], "m=x", parts[4], parts[5]}, "$")},
		"empty stored hash":   {"", ""},
		"plain-text password": {"正确的密码 right", "正确的密码 right"},
	} {
		if CheckPassword(bad.pw, bad.hash) {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestDummyHashIsValid(t *testing.T) {
	// Unknown usernames are checked against dummyHash() so they take as long
	// as real ones; a malformed dummy would return at once and leak.
	if !phcFormat.MatchString(dummyHash()) {
		t.Fatalf("dummy hash is not a full-cost argon2id hash: %q", dummyHash())
	}
	if !CheckPassword("not a password", dummyHash()) {
		t.Fatal("dummy hash does not verify")
	}
}
