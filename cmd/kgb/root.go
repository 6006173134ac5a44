package main

import (
	"encoding/json"
	"io"

	"github.com/spf13/cobra"

	"github.com/kgbgraph/kgb/config"
	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/graph"
)

var configFile string

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "kgb",
		Short: "Build a knowledge graph from Chinese industry articles and question it",
		Long: `kgb reads articles (YAML front matter + HTML or Markdown), extracts companies,
markets, industries, technologies, policies, trends and metrics with the
relations between them, stores them as quads in Cayley and answers questions.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&configFile, "config", "", "config file (default: kgb.yaml in . or the user config dir)")
	root.AddCommand(newExtractCmd(), newBuildCmd(), newLookupCmd(), newPathCmd(), newQueryCmd(),
		newStatsCmd(), newRmCmd(), newExportCmd(), newImportCmd(), newServeCmd())
	return root
}

// loadConfig resolves settings for a command, with its flags on top.
func loadConfig(cmd *cobra.Command) (*config.Config, error) {
	return config.Load(configFile, cmd.Flags())
}

func addStoreFlag(cmd *cobra.Command) {
	cmd.Flags().String("store", "", "store: a directory (embedded Bolt) or a postgres:// URL (default "+config.DefaultStore()+")")
}

// openStore opens the configured store; read-only opens share the store
// with other readers.
func openStore(c *config.Config, readOnly bool) (*graph.Store, error) {
	return graph.Open(graph.Options{Path: c.Store, ReadOnly: readOnly, LockTimeout: c.LockTimeout, Base: c.Base})
}

// configAndStore resolves the command's settings and opens its store; the
// caller closes the store.
func configAndStore(cmd *cobra.Command, readOnly bool) (*config.Config, *graph.Store, error) {
	c, err := loadConfig(cmd)
	if err != nil {
		return nil, nil, err
	}
	st, err := openStore(c, readOnly)
	if err != nil {
		return nil, nil, err
	}
	return c, st, nil
}

// printJSON writes v indented, with Chinese and <IRIs> left readable.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newExtractor(c *config.Config) (*extract.Extractor, error) {
	return extract.New(extract.Options{LexiconDirs: c.Lexicons})
}
