package serve

import (
	"encoding/json"
	"net/http"

	"github.com/kgbgraph/kgb/graph"
)

// Health is what GET /health answers.
type Health struct {
	OK       bool   `json:"ok"`
	Store    string `json:"store"`
	Quads    int64  `json:"quads"`
	ReadOnly bool   `json:"read_only"`
	Error    string `json:"error,omitempty"`
}

type healthHandler struct{ st *graph.Store }

func (h *healthHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	out := Health{OK: true, Store: h.st.Location(), ReadOnly: h.st.ReadOnly()}
	code := http.StatusOK
	// Not exact: the store keeps a running count, an exact one is a scan.
	stats, err := h.st.QuadStore().Stats(r.Context(), false)
	if err != nil {
		out.OK, out.Error, code = false, err.Error(), http.StatusServiceUnavailable
	} else {
		out.Quads = stats.Quads.Value
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(out)
}
