package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func newQueryCmd() *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "query [--store PATH] ('GIZMO' | --file FILE.gizmo)",
		Short: "Run a Gizmo query and print the results as JSON",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var text string
			switch {
			case file != "" && len(args) == 0:
				b, err := os.ReadFile(file)
				if err != nil {
					return err
				}
				text = string(b)
			case file == "" && len(args) == 1:
				text = args[0]
			default:
				return errors.New("give a query or --file, not both")
			}
			c, st, err := configAndStore(cmd, true)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx, cancel := context.WithTimeout(cmd.Context(), c.QueryTimeout)
			defer cancel()
			res, err := st.Query(ctx, "gizmo", text, c.QueryLimit)
			if err != nil {
				if file != "" {
					return fmt.Errorf("%s: %w", file, err)
				}
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			return enc.Encode(res)
		},
	}
	addStoreFlag(cmd)
	cmd.Flags().StringVarP(&file, "file", "f", "", "read the query from a file (see examples/)")
	cmd.Flags().Duration("query-timeout", 0, "stop the query after this long (default 30s)")
	cmd.Flags().Int("query-limit", 0, "most result rows (default 1000)")
	return cmd
}
