package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/kgbgraph/kgb/serve"
)

func newServeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve [--store PATH] [--addr 127.0.0.1:64210] [--writable]",
		Short: "Serve Cayley's HTTP API and web UI (Gizmo in the browser) over the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			st, err := openStore(c, !c.Writable)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return serve.ListenAndServe(ctx, st, serve.Options{
				Addr:         c.Addr,
				Writable:     c.Writable,
				QueryTimeout: c.QueryTimeout,
				QueryLimit:   c.QueryLimit,
				MaxBodyBytes: c.MaxBody,
				Log:          cmd.ErrOrStderr(),
			})
		},
	}
	addStoreFlag(cmd)
	cmd.Flags().String("addr", "", "listen address (default 127.0.0.1:64210; a non-loopback address prints a warning)")
	cmd.Flags().Bool("writable", false, "accept writes and deletes through the HTTP API")
	cmd.Flags().Duration("query-timeout", 0, "stop a query after this long (default 30s)")
	cmd.Flags().Int("query-limit", 0, "most result rows per query (default 1000)")
	cmd.Flags().Int64("max-body", 0, "largest request body in bytes (default 1 MiB)")
	return cmd
}
