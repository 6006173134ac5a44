package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/kgbgraph/kgb/rdfio"
)

func newExportCmd() *cobra.Command {
	var (
		opts rdfio.ExportOptions
		out  string
		fmtS string
	)
	cmd := &cobra.Command{
		Use:   "export [--store PATH] --format nquads|turtle|trig|jsonld|graphml|dot [--article A] [--around NAME --depth N] [-o FILE]",
		Short: "Write the graph (or one article, or one entity's neighbourhood) as RDF or a graph file",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, st, err := configAndStore(cmd, true)
			if err != nil {
				return err
			}
			defer st.Close()
			var w io.Writer = cmd.OutOrStdout()
			var f *os.File
			if out != "" && out != "-" {
				if f, err = os.Create(out); err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriterSize(w, 1<<16)
			opts.Format = rdfio.Format(fmtS)
			n, err := rdfio.Export(cmd.Context(), st, bw, opts)
			if err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if f != nil {
				if err := f.Close(); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d statements to %s\n", n, out)
			}
			return nil
		},
	}
	addStoreFlag(cmd)
	cmd.Flags().StringVar(&fmtS, "format", "nquads", "nquads, turtle, trig, jsonld, graphml or dot")
	cmd.Flags().StringVar(&opts.Article, "article", "", "only this article (id, IRI or file path)")
	cmd.Flags().StringVar(&opts.Around, "around", "", "only this entity's neighbourhood")
	cmd.Flags().IntVar(&opts.Depth, "depth", 1, "with --around: hops from the entity")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	return cmd
}

func newImportCmd() *cobra.Command {
	var remove bool
	cmd := &cobra.Command{
		Use:   "import [--store PATH] [--remove] FILE.nq",
		Short: "Load N-Quads (e.g. a kgb export or a hand-curated correction file) into the store",
		Long: `import loads N-Quads into the store. Quads without a graph label are put in
the graph <base>import/<file name>, so that --remove FILE takes out again
everything that file added.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			if remove {
				st, err := openStore(c, false)
				if err != nil {
					return err
				}
				n, err := rdfio.RemoveImport(cmd.Context(), st, args[0])
				if cerr := st.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: removed %d quads\n", args[0], n)
				return nil
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			st, err := openStore(c, false)
			if err != nil {
				return err
			}
			n, err := rdfio.Import(cmd.Context(), st, bufio.NewReaderSize(f, 1<<16), args[0])
			if cerr := st.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: imported %d quads\n", args[0], n)
			return nil
		},
	}
	addStoreFlag(cmd)
	cmd.Flags().BoolVar(&remove, "remove", false, "remove what an earlier import of FILE added (its unlabelled quads)")
	return cmd
}
