package main

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kgbgraph/kgb/extract"
)

func newExtractCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "extract [--json] FILE...",
		Short: "Print what kgb finds in articles (JSON Lines with --json)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			x, err := newExtractor(c)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			failed := 0
			err = x.ExtractFiles(args, c.Workers, func(path string, res *extract.Result, err error) error {
				if err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), "kgb:", err)
					failed++
					return nil
				}
				if asJSON {
					return enc.Encode(res)
				}
				return extract.WriteSummary(out, res)
			})
			if err != nil {
				return err
			}
			if failed > 0 {
				out.Flush()
				return fmt.Errorf("%d of %d files failed", failed, len(args))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object per article per line (the SCHEMA.md contract)")
	cmd.Flags().StringSlice("lexicons", nil, "extra lexicon directories (extend the shipped word lists)")
	cmd.Flags().Int("workers", 0, "articles extracted at once (default: number of CPUs); output keeps the order of the arguments")
	return cmd
}
