package extract

import (
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

func TestLaunchedProducts(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		want   []string
		absent []string
	}{
		{"a model after a category", "<p>星辰科技发布了新款平板Nova Tab 8，售价2999元。</p>", []string{"Nova Tab 8"}, nil},
		{"a category and an abbreviation, listed", "<p>某云厂商推出云主机VMX和文件存储NFS。</p>", []string{"云主机VMX", "文件存储NFS"}, []string{"VMX"}},
		{"a verb inside a longer word is no launch", "<p>推出云主机VMX。</p>", []string{"云主机VMX"}, []string{"出云主机VMX"}},
		{"a plain word or a letter is no model", "<p>公司上线M系列芯片，又推出One服务。</p>", nil, []string{"M", "One"}},
		{"an abbreviation alone is a term", "<p>公司推出AI功能。</p>", nil, []string{"AI"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			for _, n := range tc.want {
				if e := findEntity(r, n); e == nil || e.Type != schema.Product {
					t.Errorf("want product %s, got %s", n, entityNames(r))
				}
			}
			for _, n := range tc.absent {
				if e := findEntity(r, n); e != nil && e.Type == schema.Product {
					t.Errorf("%s should not be a product: %s", n, entityNames(r))
				}
			}
		})
	}
}

// TestLatinProductCues: a Latin name next to a product word is a product,
// without one a company.
func TestLatinProductCues(t *testing.T) {
	tests := []struct {
		body, name string
		want       schema.Type
	}{
		{"<p>今年推出了全新的Nova Studio，口碑不错。</p>", "Nova Studio", schema.Product},
		{"<p>厂商还为Lumen Display搭载了一颗新芯片。</p>", "Lumen Display", schema.Product},
		{"<p>与此同时，Lumen Partners表示将继续投资。</p>", "Lumen Partners", schema.Company},
		{"<p>唯一的例外可能只剩下Nova Pro，它在设计时就考虑到了性能。</p>", "Nova Pro", schema.Product},
		{"<p>用户可以使用Lumen Pay付款。</p>", "Lumen Pay", schema.Product},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			if e := findEntity(r, tc.name); e == nil || e.Type != tc.want {
				t.Errorf("want %s/%s, got %s", tc.name, tc.want, entityNames(r))
			}
		})
	}
}

// TestDeviceCategories: a technology and a kind of device right after it
// is a product category of its own, and the figures are the devices'.
func TestDeviceCategories(t *testing.T) {
	r := extractBody(t, "<p>今年1月4G手机的出货量为642万部，5G手机出货量2632.4万部，5G网络覆盖全国。</p>")
	for _, n := range []string{"4G手机", "5G手机", "5G"} {
		if e := findEntity(r, n); e == nil || e.Type != schema.Technology {
			t.Errorf("want %s/Technology, got %s", n, entityNames(r))
		}
	}
	subj := map[float64]string{}
	for _, m := range r.Metrics {
		subj[m.Value] = m.Subject
	}
	if subj[6.42e6] != "4G手机" || subj[2.6324e7] != "5G手机" {
		t.Errorf("want the counts on 4G手机 and 5G手机, got %v", subj)
	}
}
