package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func TestLoadPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "kgb.yaml")
	if err := os.WriteFile(file, []byte("store: /from/file\nworkers: 3\nserve:\n  addr: 127.0.0.1:9999\n  query_timeout: 5s\nlexicons: [/lex/a]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		env       map[string]string
		flags     []string
		wantStore string
		wantWork  int
		wantAddr  string
		wantLex   []string
	}{
		{"file only", nil, nil, "/from/file", 3, "127.0.0.1:9999", []string{"/lex/a"}},
		{"env beats file", map[string]string{"KGB_STORE": "/from/env", "KGB_LEXICONS": "/x,/y"}, nil, "/from/env", 3, "127.0.0.1:9999", []string{"/x", "/y"}},
		{"flag beats env", map[string]string{"KGB_STORE": "/from/env", "KGB_SERVE_ADDR": "127.0.0.1:1"}, []string{"--store=/from/flag", "--workers=7"}, "/from/flag", 7, "127.0.0.1:1", []string{"/lex/a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
			fs.String("store", "", "")
			fs.Int("workers", 0, "")
			if err := fs.Parse(tc.flags); err != nil {
				t.Fatal(err)
			}
			c, err := Load(file, fs)
			if err != nil {
				t.Fatal(err)
			}
			if c.Store != tc.wantStore || c.Workers != tc.wantWork || c.Addr != tc.wantAddr {
				t.Errorf("got store=%q workers=%d addr=%q", c.Store, c.Workers, c.Addr)
			}
			if len(c.Lexicons) != len(tc.wantLex) || (len(c.Lexicons) > 0 && c.Lexicons[0] != tc.wantLex[0]) {
				t.Errorf("lexicons = %v, want %v", c.Lexicons, tc.wantLex)
			}
			if c.QueryTimeout != 5*time.Second {
				t.Errorf("query timeout = %v", c.QueryTimeout)
			}
		})
	}
}

func TestLoadDefaultsWithoutFile(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_DATA_HOME", "/data")
	c, err := Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Store != "/data/kgb/store" || c.Addr != "127.0.0.1:64210" || c.QueryTimeout != 30*time.Second || c.File != "" {
		t.Errorf("defaults: %+v", c)
	}
}

func TestLoadBadFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "kgb.yaml")
	os.WriteFile(file, []byte("store: [unclosed\n"), 0o644)
	if _, err := Load(file, nil); err == nil {
		t.Fatal("want an error for invalid YAML")
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml"), nil); err == nil {
		t.Fatal("want an error for a missing explicit config file")
	}
}
