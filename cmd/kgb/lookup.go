package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgbgraph/kgb/graph"
)

func newLookupCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lookup [--store PATH] [--json] NAME",
		Short: "Everything known about an entity, by name or alias",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, st, err := configAndStore(cmd, true)
			if err != nil {
				return err
			}
			defer st.Close()
			rep, err := st.Lookup(args[0])
			var nf *graph.NotFoundError
			if errors.As(err, &nf) {
				msg := fmt.Sprintf("no entity named %q", args[0])
				if len(nf.Suggestions) > 0 {
					msg += "; did you mean: " + strings.Join(nf.Suggestions, ", ")
				}
				return errors.New(msg)
			}
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), rep)
			}
			return rep.WriteText(cmd.OutOrStdout())
		},
	}
	addStoreFlag(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newPathCmd() *cobra.Command {
	var depth int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "path [--store PATH] [--depth N] FROM TO",
		Short: "Shortest relation paths between two entities",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, st, err := configAndStore(cmd, true)
			if err != nil {
				return err
			}
			defer st.Close()
			paths, err := st.Path(args[0], args[1], depth)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				return fmt.Errorf("no path between %q and %q within %d hops", args[0], args[1], depth)
			}
			if asJSON {
				return printJSON(cmd.OutOrStdout(), paths)
			}
			for _, p := range paths {
				if err := p.WriteText(cmd.OutOrStdout()); err != nil {
					return err
				}
			}
			return nil
		},
	}
	addStoreFlag(cmd)
	cmd.Flags().IntVar(&depth, "depth", 4, "longest path to look for, in hops")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
