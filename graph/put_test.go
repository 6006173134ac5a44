package graph

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/kgbgraph/kgb/extract"
	"github.com/kgbgraph/kgb/schema"
)

func TestPutArticlesCounts(t *testing.T) {
	st, _ := openTemp(t)
	ps, err := st.PutArticles(fixtures())
	if err != nil {
		t.Fatal(err)
	}
	if ps.Articles != 3 || ps.Skipped != 0 || ps.Quads == 0 || ps.Removed != 0 {
		t.Fatalf("first put: %+v", ps)
	}
	if got := quadCount(t, st); got != int64(ps.Quads) {
		t.Errorf("store has %d quads, put reported %d", got, ps.Quads)
	}
}

func TestRebuildIsIdempotent(t *testing.T) {
	tests := []struct {
		name   string
		change func(r *extract.Result)
		// wantGone is a predicate that must have left 华为云's outgoing
		// relations after the change.
		wantGone schema.Predicate
	}{
		{name: "same result", change: func(r *extract.Result) {}},
		{name: "relation dropped", change: func(r *extract.Result) {
			r.Relations = slices.DeleteFunc(r.Relations, func(x extract.Relation) bool { return x.Predicate == schema.RanksIn && x.Subject == "华为云" })
		}, wantGone: schema.RanksIn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, _ := openTemp(t)
			r := fixtureCloud()
			r.Doc.Hash = "" // no hash: force a rewrite rather than a skip
			if _, err := st.PutArticle(r); err != nil {
				t.Fatal(err)
			}
			before := quadCount(t, st)
			r2 := fixtureCloud()
			r2.Doc.Hash = ""
			tc.change(r2)
			ps, err := st.PutArticle(r2)
			if err != nil {
				t.Fatal(err)
			}
			after := quadCount(t, st)
			if tc.wantGone == "" {
				if after != before || ps.Quads != 0 || ps.Removed != 0 {
					t.Fatalf("unchanged rebuild: %d → %d quads, %+v", before, after, ps)
				}
				return
			}
			if after != before-int64(ps.Removed)+int64(ps.Quads) || ps.Removed == 0 {
				t.Fatalf("changed rebuild: %d → %d quads, %+v", before, after, ps)
			}
			rep, err := st.Lookup("华为云")
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range rep.Outgoing {
				if g.Predicate == string(tc.wantGone) {
					t.Errorf("%s still reported after rebuild: %+v", tc.wantGone, g.Facts)
				}
			}
			// Facts the new result still states survive the rewrite.
			if !hasFact(rep.Outgoing, "competesWith", "阿里云") {
				t.Errorf("competesWith 阿里云 lost: %+v", rep.Outgoing)
			}
		})
	}
}

func TestHashSkip(t *testing.T) {
	st, _ := openTemp(t)
	if _, err := st.PutArticles(fixtures()); err != nil {
		t.Fatal(err)
	}
	h, ok, err := st.ArticleHash("cloud-2020")
	if err != nil || !ok || h != "h-cloud-1" {
		t.Fatalf("ArticleHash = %q, %v, %v", h, ok, err)
	}
	if _, ok, err := st.ArticleHash("nope"); ok || err != nil {
		t.Fatalf("ArticleHash(nope) = %v, %v", ok, err)
	}
	changed := fixtureInvest()
	changed.Doc.Hash = "h-invest-2"
	changed.Relations = changed.Relations[:1]
	ps, err := st.PutArticles([]*extract.Result{fixtureCloud(), changed, fixtureHuawei()})
	if err != nil {
		t.Fatal(err)
	}
	if ps.Skipped != 2 || ps.Articles != 1 || ps.Removed == 0 {
		t.Fatalf("second put: %+v", ps)
	}
	if h, _, _ := st.ArticleHash("invest-1"); h != "h-invest-2" {
		t.Errorf("hash after update = %q", h)
	}
}

func TestDeleteArticle(t *testing.T) {
	tests := []struct {
		name, ref string
		wantErr   bool
	}{
		{name: "by id", ref: "cloud-2020"},
		{name: "by IRI", ref: schema.NewVocab("").Article("cloud-2020")},
		{name: "by source path", ref: "corpus/cloud-2020.md"},
		{name: "by other path to the file", ref: "/somewhere/else/cloud-2020.md"},
		{name: "unknown", ref: "no-such-article", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := loaded(t)
			before := quadCount(t, st)
			n, err := st.DeleteArticle(tc.ref)
			if tc.wantErr {
				if err == nil {
					t.Fatal("no error for unknown article")
				}
				if got := quadCount(t, st); got != before {
					t.Fatalf("failed delete changed the store: %d → %d", before, got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := quadCount(t, st); n == 0 || got != before-int64(n) {
				t.Fatalf("deleted %d, store %d → %d", n, before, got)
			}
			// Only what that article said is gone: 华为云 is still known from
			// huawei-1, as a Technology only, without the ranking.
			rep, err := st.Lookup("华为云")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rep.Types, []string{"Technology"}) || hasFact(rep.Outgoing, "ranksIn", "中国IaaS公有云市场") {
				t.Errorf("after delete: types %v, outgoing %+v", rep.Types, rep.Outgoing)
			}
			if _, err := st.Lookup("阿里云"); !isNotFound(err) {
				t.Errorf("阿里云 still found after its only article went: %v", err)
			}
			if _, err := st.DeleteArticle(tc.ref); err == nil {
				t.Error("second delete succeeded")
			}
		})
	}
}

func TestFailedBatchWritesNothing(t *testing.T) {
	bad := func(mut func(r *extract.Result)) *extract.Result {
		r := fixtureHuawei()
		mut(r)
		return r
	}
	tests := []struct {
		name  string
		batch []*extract.Result
	}{
		{"unknown predicate", []*extract.Result{fixtureCloud(), bad(func(r *extract.Result) { r.Relations[0].Predicate = "owns" })}},
		{"unknown type", []*extract.Result{fixtureCloud(), bad(func(r *extract.Result) { r.Entities[0].Type = "Thing" })}},
		{"empty object", []*extract.Result{fixtureCloud(), bad(func(r *extract.Result) { r.Relations[0].Object = " " })}},
		{"no id", []*extract.Result{fixtureCloud(), bad(func(r *extract.Result) { r.Doc.ID = "" })}},
		{"nil result", []*extract.Result{fixtureCloud(), nil}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, _ := openTemp(t)
			if _, err := st.PutArticle(fixtureInvest()); err != nil {
				t.Fatal(err)
			}
			before := quadCount(t, st)
			if _, err := st.PutArticles(tc.batch); err == nil {
				t.Fatal("bad batch accepted")
			}
			if got := quadCount(t, st); got != before {
				t.Fatalf("failed batch changed the store: %d → %d quads", before, got)
			}
			if _, ok, _ := st.ArticleHash("cloud-2020"); ok {
				t.Fatal("the good article of a failed batch was written")
			}
		})
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	st, dir := openTemp(t)
	if _, err := st.PutArticle(fixtureInvest()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	ro, err := Open(Options{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.PutArticle(fixtureCloud()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("put on read-only store: %v", err)
	}
	if _, err := ro.DeleteArticle("invest-1"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("delete on read-only store: %v", err)
	}
}

func TestLaterDuplicateWins(t *testing.T) {
	st, _ := openTemp(t)
	first, second := fixtureInvest(), fixtureInvest()
	first.Doc.Title = "旧标题"
	ps, err := st.PutArticles([]*extract.Result{first, second})
	if err != nil {
		t.Fatal(err)
	}
	if ps.Articles != 1 {
		t.Errorf("articles = %d", ps.Articles)
	}
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Title != second.Doc.Title {
		t.Errorf("articles = %+v", arts)
	}
}

func hasFact(gs []RelationGroup, pred, name string) bool {
	for _, g := range gs {
		if g.Predicate != pred {
			continue
		}
		for _, f := range g.Facts {
			if f.Name == name {
				return true
			}
		}
	}
	return false
}

func isNotFound(err error) bool {
	var nf *NotFoundError
	return errors.As(err, &nf)
}

// TestShrinkingArticleKeepsNewQuads guards against Cayley's kv store
// dropping added quads whose nodes lose references overall in the same
// write (see batchKV).
func TestShrinkingArticleKeepsNewQuads(t *testing.T) {
	st, _ := openTemp(t)
	if _, err := st.PutArticle(fixtureInvest()); err != nil {
		t.Fatal(err)
	}
	small := fixtureInvest()
	small.Doc.Hash = "h-invest-2"
	small.Doc.Title = "新标题"
	small.Relations = small.Relations[:1]
	if _, err := st.PutArticle(small); err != nil {
		t.Fatal(err)
	}
	if h, ok, err := st.ArticleHash("invest-1"); h != "h-invest-2" || !ok || err != nil {
		t.Errorf("hash = %q, %v, %v", h, ok, err)
	}
	arts, err := st.Articles()
	if err != nil || len(arts) != 1 || arts[0].Title != "新标题" {
		t.Errorf("articles = %+v, %v", arts, err)
	}
}

// TestAbortedWriteRollsBack fails a write after its deletes were applied
// and checks that they were rolled back and the store still works.
func TestAbortedWriteRollsBack(t *testing.T) {
	st, _ := openTemp(t)
	if _, err := st.PutArticles(fixtures()); err != nil {
		t.Fatal(err)
	}
	before := quadCount(t, st)
	changed := fixtureCloud()
	changed.Doc.Hash = "h-cloud-2"
	changed.Relations = changed.Relations[:1]
	testHookBetweenPhases = func() error { return errors.New("disk full") }
	_, err := st.PutArticle(changed)
	testHookBetweenPhases = nil
	if !errors.Is(err, errBatchAborted) {
		t.Fatalf("write was not aborted: %v", err)
	}
	if got := quadCount(t, st); got != before {
		t.Fatalf("aborted write changed the store: %d → %d quads", before, got)
	}
	rep, err := st.Lookup("华为云")
	if err != nil {
		t.Fatal(err)
	}
	if !hasFact(rep.Outgoing, "ranksIn", "中国IaaS公有云市场") {
		t.Errorf("ranksIn lost by the aborted write: %+v", rep.Outgoing)
	}
	if _, err := st.PutArticle(changed); err != nil {
		t.Fatalf("write after rollback: %v", err)
	}
	if h, _, _ := st.ArticleHash("cloud-2020"); h != "h-cloud-2" {
		t.Errorf("hash after retried write = %q", h)
	}
}

func TestReplaceArticlesIgnoresHash(t *testing.T) {
	st, _ := openTemp(t)
	if _, err := st.PutArticle(fixtureInvest()); err != nil {
		t.Fatal(err)
	}
	// Same hash, different facts (the extractor changed): Put skips it,
	// Replace rewrites it.
	newer := fixtureInvest()
	newer.Relations = newer.Relations[:1]
	ps, err := st.PutArticles([]*extract.Result{newer})
	if err != nil || ps.Skipped != 1 || ps.Articles != 0 {
		t.Fatalf("put: %+v, %v", ps, err)
	}
	ps, err = st.ReplaceArticles([]*extract.Result{newer})
	if err != nil || ps.Skipped != 0 || ps.Articles != 1 || ps.Removed == 0 {
		t.Fatalf("replace: %+v, %v", ps, err)
	}
	rep, err := st.Lookup("某云初创")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := findFact(rep.Incoming, "leads", "许昱"); ok {
		t.Errorf("replaced article's old fact remains: %+v", rep.Incoming)
	}
}

// TestConcurrentWrites: writes from several goroutines (as a server and a
// build might) are serialised, so every article ends up stored once.
func TestConcurrentWrites(t *testing.T) {
	st, _ := openTemp(t)
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func(g int) {
			var err error
			for i := 0; i < 5 && err == nil; i++ {
				r := synthetic(i, 50) // the same articles from every goroutine
				r.Doc.Hash = fmt.Sprintf("g%d", g)
				_, err = st.PutArticle(r)
			}
			done <- err
		}(g)
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	want, _ := openTemp(t)
	for i := 0; i < 5; i++ {
		r := synthetic(i, 50)
		r.Doc.Hash = "x"
		if _, err := want.PutArticle(r); err != nil {
			t.Fatal(err)
		}
	}
	if got, w := quadCount(t, st), quadCount(t, want); got != w {
		t.Errorf("after concurrent writes %d quads, written once %d", got, w)
	}
}
