package rdfio

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/schema"
)

// BenchmarkExportNQuads reports allocations per exported quad at two store
// sizes. Export holds no quads (see the package comment); what allocates
// per quad is reading it: a Bolt read transaction and B-tree search per
// quad inside Cayley's kv layer, whose cost grows with the tree's depth
// (logarithmically with the store), plus a few values in canon and the
// writer.
func BenchmarkExportNQuads(b *testing.B) {
	for _, articles := range []int{50, 500} {
		b.Run(fmt.Sprintf("articles=%d", articles), func(b *testing.B) {
			st := newStore(b)
			var rs []*extract.Result
			for i := range articles {
				r := sampleResults()[i%3]
				r.Doc.ID = fmt.Sprintf("bench-%d", i)
				r.Entities = append(r.Entities, extract.Entity{Name: fmt.Sprintf("公司%d", i), Type: schema.Company})
				r.Relations = append(r.Relations, extract.Relation{Subject: fmt.Sprintf("公司%d", i), Predicate: schema.CompetesWith,
					Object: "华为云", Evidence: fmt.Sprintf("公司%d与华为云竞争。", i)})
				rs = append(rs, r)
			}
			if _, err := st.PutArticles(rs); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			b.ResetTimer()
			total := 0
			for range b.N {
				n, err := Export(context.Background(), st, io.Discard, ExportOptions{Format: NQuads})
				if err != nil {
					b.Fatal(err)
				}
				total += n
			}
			b.StopTimer()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(total)/float64(b.N), "quads/op")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(total), "allocs/quad")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(total), "B/quad")
		})
	}
}
