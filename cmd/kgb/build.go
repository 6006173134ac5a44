package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/kgbgraph/kgb/ingest"
)

func newBuildCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:     "build [--store PATH] PATH...",
		Aliases: []string{"ingest"},
		Short:   "Extract files and folders (*.md, *.html, recursively) into the store",
		Long: `build extracts every article under the given paths on all cores and writes
them into the store, each article in one transaction labelled with its IRI.
Unchanged articles (same content hash) are skipped; changed ones replace
their old facts. Bad files are reported one line each and make the exit
status non-zero; good ones are stored all the same.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			// The store first: when another process holds it, say so at
			// once rather than after loading the extractor.
			st, err := openStore(c, false)
			if err != nil {
				return err
			}
			x, err := newExtractor(c)
			if err != nil {
				st.Close()
				return err
			}
			// Ctrl-C stops feeding files; what was extracted is still
			// written and summarised, and each article stays whole.
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			sum, runErr := ingest.Run(ctx, st, x, args, ingest.Options{
				Workers:  c.Workers,
				Force:    force,
				Progress: cmd.ErrOrStderr(),
				Log:      cmd.ErrOrStderr(),
			})
			closeErr := st.Close()
			if sum != nil {
				sum.WriteText(cmd.OutOrStdout())
			}
			if runErr != nil {
				return runErr
			}
			return closeErr
		},
	}
	addStoreFlag(cmd)
	cmd.Flags().Int("workers", 0, "extraction goroutines (default: number of CPUs)")
	cmd.Flags().BoolVar(&force, "force", false, "re-extract articles even when unchanged")
	cmd.Flags().StringSlice("lexicons", nil, "extra lexicon directories")
	return cmd
}
