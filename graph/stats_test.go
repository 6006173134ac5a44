package graph

import (
	"bytes"
	"maps"
	"strings"
	"testing"
)

func TestStats(t *testing.T) {
	st := loaded(t)
	s, err := st.Stats()
	if err != nil {
		t.Fatal(err)
	}
	wantEntities := map[string]int{"Company": 6, "Technology": 1, "Person": 1, "Market": 1, "Trend": 2}
	wantRelations := map[string]int{"ranksIn": 2, "drives": 1, "competesWith": 1, "invests": 1, "leads": 1, "partnersWith": 1, "partOf": 1}
	if s.Articles != 3 || s.Metrics != 2 || s.EntitiesTotal != 10 || s.Quads == 0 ||
		!maps.Equal(s.Entities, wantEntities) || !maps.Equal(s.Relations, wantRelations) {
		t.Errorf("stats %+v", s)
	}
	var b bytes.Buffer
	if err := s.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"articles  3", "metrics   2", "Company        6", "ranksIn        2"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, b.String())
		}
	}

	if _, err := st.DeleteArticle("invest-1"); err != nil {
		t.Fatal(err)
	}
	s, err = st.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2 || s.Entities["Company"] != 3 || s.Relations["invests"] != 0 || s.Entities["Person"] != 0 {
		t.Errorf("after delete: %+v", s)
	}
}

func TestArticles(t *testing.T) {
	st := loaded(t)
	arts, err := st.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, ",") != "cloud-2020,huawei-1,invest-1" {
		t.Fatalf("ids %v", ids)
	}
	c := arts[0]
	if c.Title != "2020年中国云服务市场报告" || c.Date != "2021-07-14T07:56:46Z" || c.Author != "36kr" ||
		strings.Join(c.Categories, ",") != "36kr,资讯" || c.Source != "corpus/cloud-2020.md" || c.Hash != "h-cloud-1" ||
		c.IRI != st.Vocab().Article("cloud-2020") {
		t.Errorf("article %+v", c)
	}
}
