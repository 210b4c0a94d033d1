package config

import (
	"bytes"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func load(t *testing.T, args []string, env map[string]string) (Config, error) {
	t.Helper()
	return Load(flag.NewFlagSet("test", flag.ContinueOnError), args, func(k string) string { return env[k] })
}

const keyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

func TestLoadDefaults(t *testing.T) {
	c, err := load(t, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:8080" || c.Database != "dangjian.db" || c.BaseURL != "http://127.0.0.1:8080" {
		t.Fatalf("defaults: %+v", c)
	}
	if c.Key != nil || c.SecureCookies || c.TrustProxy || c.ShutdownTimeout != 10*time.Second {
		t.Fatalf("defaults: %+v", c)
	}
}

func TestLoadFlagsOverEnvironment(t *testing.T) {
	env := map[string]string{"DANGJIAN_ADDR": ":9000", "DANGJIAN_DB": "env.db", "DANGJIAN_KEY": keyHex,
		"DANGJIAN_SECURE_COOKIES": "true", "DANGJIAN_TRUST_PROXY": "true"}
	c, err := load(t, nil, env)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":9000" || c.Database != "env.db" || !c.SecureCookies || !c.TrustProxy {
		t.Fatalf("from the environment: %+v", c)
	}
	if c.BaseURL != "http://localhost:9000" {
		t.Fatalf("base URL for a bare port: %q", c.BaseURL)
	}
	if hex.EncodeToString(c.Key) != keyHex {
		t.Fatalf("key: %x", c.Key)
	}
	c, err = load(t, []string{"-db", "flag.db", "-addr", "0.0.0.0:80", "-base-url", "https://dangjian.example"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if c.Database != "flag.db" || c.Addr != "0.0.0.0:80" || c.BaseURL != "https://dangjian.example" {
		t.Fatalf("flags must win over the environment: %+v", c)
	}
}

func TestLoadRefusesBadKey(t *testing.T) {
	for _, k := range []string{"abc", keyHex[:62], keyHex + "00", strings.Repeat("zz", 32)} {
		if _, err := load(t, nil, map[string]string{"DANGJIAN_KEY": k}); err == nil {
			t.Errorf("key %q accepted", k)
		}
	}
	if _, err := load(t, []string{"-no-such-flag"}, nil); err == nil {
		t.Error("an unknown flag was accepted")
	}
}

func TestIsPostgres(t *testing.T) {
	for db, want := range map[string]bool{"postgres://u@h/d": true, "postgresql://u@h/d": true,
		"dangjian.db": false, "/var/lib/postgres.db": false} {
		if got := (Config{Database: db}).IsPostgres(); got != want {
			t.Errorf("IsPostgres(%q) = %v", db, got)
		}
	}
}

func TestValidateCreatesKeyFileOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "town.db")
	c := Config{Database: path}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(c.Key) != 32 {
		t.Fatalf("key of %d bytes", len(c.Key))
	}
	st, err := os.Stat(path + ".key")
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", st.Mode().Perm())
	}
	again := Config{Database: path}
	if err := again.Validate(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(c.Key, again.Key) {
		t.Fatal("the second start read a different key")
	}

	// A given key wins and no file is written.
	other := filepath.Join(t.TempDir(), "other.db")
	given := Config{Database: other, Key: bytes.Repeat([]byte{7}, 32)}
	if err := given.Validate(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(other + ".key"); !os.IsNotExist(err) {
		t.Fatalf("a key file was written although a key was given: %v", err)
	}
}

func TestValidateRefuses(t *testing.T) {
	if err := (&Config{}).Validate(); err == nil {
		t.Error("no database accepted")
	}
	err := (&Config{Database: "postgres://u@127.0.0.1/d"}).Validate()
	if err == nil || !strings.Contains(err.Error(), "DANGJIAN_KEY") {
		t.Errorf("postgres without a key: %v", err)
	}
	if err := (&Config{Database: "postgres://u@127.0.0.1/d", Key: make([]byte, 32)}).Validate(); err != nil {
		t.Errorf("postgres with a key: %v", err)
	}
	damaged := filepath.Join(t.TempDir(), "town.db")
	if err := os.WriteFile(damaged+".key", []byte("not hex\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = (&Config{Database: damaged}).Validate()
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged key file: %v", err)
	}
}

func TestIDCipherSetting(t *testing.T) {
	dir := t.TempDir()
	load := func(args []string, env map[string]string) (Config, error) {
		c, err := Load(flag.NewFlagSet("t", flag.ContinueOnError), append(args, "-db", filepath.Join(dir, "t.db")),
			func(k string) string { return env[k] })
		if err != nil {
			return c, err
		}
		return c, c.Validate()
	}
	if c, err := load(nil, nil); err != nil || c.IDCipher != "aes" {
		t.Fatalf("default: %q %v", c.IDCipher, err)
	}
	if c, err := load(nil, map[string]string{"DANGJIAN_ID_CIPHER": "sm4"}); err != nil || c.IDCipher != "sm4" {
		t.Fatalf("from the environment: %q %v", c.IDCipher, err)
	}
	if c, err := load([]string{"-id-cipher", "aes"}, map[string]string{"DANGJIAN_ID_CIPHER": "sm4"}); err != nil || c.IDCipher != "aes" {
		t.Fatalf("the flag wins: %q %v", c.IDCipher, err)
	}
	if _, err := load([]string{"-id-cipher", "des"}, nil); err == nil || !strings.Contains(err.Error(), "aes or sm4") {
		t.Fatalf("an unknown cipher: %v", err)
	}
}

func TestMaxRequestsSetting(t *testing.T) {
	c, err := load(t, nil, nil)
	if err != nil || c.MaxRequests != 0 {
		t.Fatalf("default: %d, %v; want 0 (sized from the database)", c.MaxRequests, err)
	}
	c, err = load(t, []string{"-max-requests", "6"}, map[string]string{"DANGJIAN_MAX_REQUESTS": "30"})
	if err != nil || c.MaxRequests != 6 {
		t.Fatalf("flag over environment: %d, %v", c.MaxRequests, err)
	}
	for _, v := range []string{"-1", "many", "2.5"} {
		if _, err := load(t, nil, map[string]string{"DANGJIAN_MAX_REQUESTS": v}); err == nil || !strings.Contains(err.Error(), "DANGJIAN_MAX_REQUESTS") {
			t.Errorf("DANGJIAN_MAX_REQUESTS=%s: %v, want it refused by name", v, err)
		}
	}
}

func TestMemoryLimitFollowsTheDatabase(t *testing.T) {
	for _, c := range []struct {
		args []string
		env  map[string]string
		want int
	}{
		{nil, nil, 19}, // SQLite: the engine's memory is the server's
		{[]string{"-db", "postgres://db/dangjian"}, nil, 24},
		{nil, map[string]string{"DANGJIAN_MEMORY_LIMIT": "32"}, 32},
		{[]string{"-memory-limit", "0", "-db", "postgres://db/dangjian"}, nil, 0},
		{nil, map[string]string{"GOMEMLIMIT": "100MiB"}, 0}, // the runtime's own setting wins
	} {
		got, err := load(t, c.args, c.env)
		if err != nil || got.MemoryLimitMiB != c.want {
			t.Errorf("%v %v: limit %d, %v; want %d", c.args, c.env, got.MemoryLimitMiB, err, c.want)
		}
	}
	if _, err := load(t, nil, map[string]string{"DANGJIAN_MEMORY_LIMIT": "lots"}); err == nil {
		t.Error("DANGJIAN_MEMORY_LIMIT=lots accepted")
	}
}
