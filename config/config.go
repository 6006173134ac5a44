// Package config resolves kgb's settings from, in rising priority, built-in
// defaults, a config file (kgb.yaml in the working directory or the user
// config dir, or the file named by --config), KGB_* environment variables
// and command-line flags.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/kgbgraph/kgb/schema"
)

// Keys. Flags with the same name (dots become dashes: serve.addr ← --addr
// is mapped explicitly in FlagKeys) override them.
const (
	KeyStore        = "store"
	KeyBase         = "base"
	KeyLexicons     = "lexicons"
	KeyWorkers      = "workers"
	KeyLockTimeout  = "lock_timeout"
	KeyAddr         = "serve.addr"
	KeyWritable     = "serve.writable"
	KeyQueryTimeout = "serve.query_timeout"
	KeyQueryLimit   = "serve.query_limit"
	KeyMaxBody      = "serve.max_body"
)

// FlagKeys maps command-line flag names to configuration keys.
var FlagKeys = map[string]string{
	"store":         KeyStore,
	"base":          KeyBase,
	"lexicons":      KeyLexicons,
	"workers":       KeyWorkers,
	"lock-timeout":  KeyLockTimeout,
	"addr":          KeyAddr,
	"writable":      KeyWritable,
	"query-timeout": KeyQueryTimeout,
	"query-limit":   KeyQueryLimit,
	"max-body":      KeyMaxBody,
}

// Config is the resolved configuration.
type Config struct {
	Store        string        // Bolt store directory or postgres:// URL
	Base         string        // IRI base
	Lexicons     []string      // extra lexicon directories
	Workers      int           // extraction goroutines; 0 = number of CPUs
	LockTimeout  time.Duration // wait for another process's store lock
	Addr         string        // kgb serve listen address
	Writable     bool          // kgb serve accepts writes
	QueryTimeout time.Duration // per-query limit in kgb serve and kgb query
	QueryLimit   int           // rows per query
	MaxBody      int64         // request body limit in bytes
	File         string        // the config file used, "" if none
}

// DefaultStore is the embedded store used when nothing else is set:
// $XDG_DATA_HOME/kgb/store, else ~/.local/share/kgb/store, else ./kgb-store.
func DefaultStore() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "kgb", "store")
	}
	if h, err := os.UserHomeDir(); err == nil && h != "" {
		return filepath.Join(h, ".local", "share", "kgb", "store")
	}
	return "kgb-store"
}

// Load resolves the configuration. file is an explicit config file ("" to
// search kgb.yaml in the working directory, then in the user config dir);
// flags are the command's flags, of which only those the user set override.
func Load(file string, flags *pflag.FlagSet) (*Config, error) {
	v := viper.New()
	v.SetDefault(KeyStore, DefaultStore())
	v.SetDefault(KeyBase, schema.DefaultBase)
	v.SetDefault(KeyWorkers, 0)
	v.SetDefault(KeyLockTimeout, 1500*time.Millisecond)
	v.SetDefault(KeyAddr, "127.0.0.1:64210")
	v.SetDefault(KeyWritable, false)
	v.SetDefault(KeyQueryTimeout, 30*time.Second)
	v.SetDefault(KeyQueryLimit, 1000)
	v.SetDefault(KeyMaxBody, 1<<20)

	v.SetEnvPrefix("KGB")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()

	if file == "" {
		file = findConfigFile()
	}
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("config %s: %w", file, err)
		}
	}
	if flags != nil {
		var bindErr error
		flags.VisitAll(func(f *pflag.Flag) {
			if key, ok := FlagKeys[f.Name]; ok && bindErr == nil {
				bindErr = v.BindPFlag(key, f)
			}
		})
		if bindErr != nil {
			return nil, bindErr
		}
	}
	c := &Config{
		Store:        v.GetString(KeyStore),
		Base:         v.GetString(KeyBase),
		Lexicons:     splitList(v.GetStringSlice(KeyLexicons)),
		Workers:      v.GetInt(KeyWorkers),
		LockTimeout:  v.GetDuration(KeyLockTimeout),
		Addr:         v.GetString(KeyAddr),
		Writable:     v.GetBool(KeyWritable),
		QueryTimeout: v.GetDuration(KeyQueryTimeout),
		QueryLimit:   v.GetInt(KeyQueryLimit),
		MaxBody:      v.GetInt64(KeyMaxBody),
		File:         v.ConfigFileUsed(),
	}
	if c.Store == "" {
		return nil, errors.New("config: store is empty")
	}
	if c.Workers < 0 {
		return nil, fmt.Errorf("config: workers must be ≥ 0, got %d", c.Workers)
	}
	return c, nil
}

// splitList accepts both a YAML list and a KGB_LEXICONS=a,b:c style string.
func splitList(in []string) []string {
	var out []string
	for _, s := range in {
		for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == os.PathListSeparator }) {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// findConfigFile looks for kgb.yaml (or kgb.yml) in the working directory,
// then in the user config dir. It names the files itself because viper's
// own search also matches a file called just "kgb" — the binary.
func findConfigFile() string {
	dirs := []string{"."}
	if d, err := os.UserConfigDir(); err == nil {
		dirs = append(dirs, filepath.Join(d, "kgb"))
	}
	for _, d := range dirs {
		for _, name := range []string{"kgb.yaml", "kgb.yml"} {
			p := filepath.Join(d, name)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
	}
	return ""
}
