package extract

import (
	"slices"
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

// TestGeneralEntityRules covers the rules that find or reject names by
// their context rather than by a list entry. The sentences are made up.
func TestGeneralEntityRules(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		want   map[string]schema.Type
		absent []string
	}{
		{
			name: "speaker before a person verb",
			body: "<p>对于这一变化，范思远表示并不意外。</p>",
			want: map[string]schema.Type{"范思远": schema.Person},
		},
		{
			name: "speaker with an adverb, object of 给",
			body: "<p>邱望曾在深夜打电话给龚一鸣求助。</p>",
			want: map[string]schema.Type{"邱望": schema.Person, "龚一鸣": schema.Person},
		},
		{
			name: "speaker after 据, name in a clause that says something",
			body: "<p>据蒋晓帆介绍，新工厂明年投产。</p>",
			want: map[string]schema.Type{"蒋晓帆": schema.Person},
		},
		{
			name:   "surname start without a person verb is no person",
			body:   "<p>黄金价格继续上涨，白银则维持稳定。</p>",
			absent: []string{"黄金", "白银"},
		},
		{
			name:   "the subject of a funding clause",
			body:   "<p>36氪获悉，岚叶完成数千万元A轮融资。此前，柚栗又在2020年获得了天使轮融资。</p>",
			want:   map[string]schema.Type{"岚叶": schema.Company, "柚栗": schema.Company},
			absent: []string{"柚栗又在2020年"},
		},
		{
			name:   "a description or a quoted name before a funding verb is no name",
			body:   "<p>公司刚刚完成了近亿元A轮融资。新型存储芯片公司「芯澜」宣布完成Pre-A轮融资。</p>",
			want:   map[string]schema.Type{"芯澜": schema.Company},
			absent: []string{"公司", "新型存储芯片公司"},
		},
		{
			name: "a name listed with a company, ending in a brand tail",
			body: "<p>澜舟科技和栖蓝健康都已提交招股书。目前禾岳医疗、澜舟科技均未回应。</p>",
			want: map[string]schema.Type{"栖蓝健康": schema.Company, "禾岳医疗": schema.Company},
		},
		{
			name:   "a listed phrase holding a known word is no new company",
			body:   "<p>澜舟科技和上海汽车科技都参加了展会。</p>",
			absent: []string{"上海汽车科技"},
		},
		{
			name:   "a place, a sector and a group ending name a company; a country does not",
			body:   "<p>江门能源集团宣布扩产。中国汽车集团数量众多。</p>",
			want:   map[string]schema.Type{"江门能源集团": schema.Company},
			absent: []string{"中国汽车集团"},
		},
		{
			name:   "a place's government is an organization",
			body:   "<p>韩国政府公布了补贴方案。杭州市政府随后跟进。地方政府压力较大。</p>",
			want:   map[string]schema.Type{"韩国政府": schema.Organization, "杭州市政府": schema.Organization},
			absent: []string{"地方政府", "政府"},
		},
		{
			name: "a place said to be a market names the market",
			body: "<p>从出货量看，印度是全球第二大的游戏市场。国内是最大的电商市场。</p>",
			want: map[string]schema.Type{"印度游戏市场": schema.Market, "中国电商市场": schema.Market},
		},
		{
			name:   "a quoted object of a verb, or a relative clause head, is no actor",
			body:   "<p>车企靠卖「绿证」获得的收入可观。「云栖」宣布完成融资。</p>",
			want:   map[string]schema.Type{"云栖": schema.Company},
			absent: []string{"绿证"},
		},
		{
			name: "a possessive stays inside a Latin name",
			body: "<p>跟投方包括Monk's Hill Ventures等机构。</p>",
			want: map[string]schema.Type{"Monk's Hill Ventures": schema.Company},
		},
		{
			name:   "a quantifier is not part of a market",
			body:   "<p>在部分欧洲市场，销量下滑。</p>",
			want:   map[string]schema.Type{"欧洲市场": schema.Market},
			absent: []string{"部分欧洲市场"},
		},
		{
			name:   "a sector's technology before a company noun",
			body:   "<p>教育科技企业“知序”宣布完成融资。</p>",
			want:   map[string]schema.Type{"教育科技": schema.Technology, "知序": schema.Company},
			absent: []string{"教育"},
		},
		{
			name:   "a common-word name with a company ending that files for listing",
			body:   "<p>而圆点科技也正在筹备上市。数字科技也在快速发展。</p>",
			want:   map[string]schema.Type{"圆点科技": schema.Company},
			absent: []string{"数字科技"},
		},
		{
			name:   "an unknown name opening a clause about sales",
			body:   "<p>另外，岚峰测控也以3.2亿元的销售收入进入前十。整体来看也有增长，销售额提升。</p>",
			want:   map[string]schema.Type{"岚峰测控": schema.Company},
			absent: []string{"整体来看"},
		},
		{
			name:   "an unknown brand and a business word that reports revenue",
			body:   "<p>去年岚粟教育营收逾40亿元。职业教育营收规模持续扩大。</p>",
			want:   map[string]schema.Type{"岚粟教育": schema.Company},
			absent: []string{"职业教育"},
		},
		{
			name:   "a common noun and a business word that reports revenue",
			body:   "<p>2020年粉笔教育营收逾40亿元。2021年，精英动漫实现总营收2.02亿元。素质教育营收增长，精英教育实现转型。成人教育营收增长。</p>",
			want:   map[string]schema.Type{"粉笔教育": schema.Company, "精英动漫": schema.Company},
			absent: []string{"素质教育", "精英教育", "成人教育"},
		},
		{
			name:   "a brand's goods after a count are no fuller company name",
			body:   "<p>该企业宣布购入10万辆特斯拉汽车，还订购了两台岚峰汽车。特斯拉股价上涨。</p>",
			want:   map[string]schema.Type{"特斯拉": schema.Company},
			absent: []string{"特斯拉汽车", "岚峰汽车"},
		},
		{
			name:   "a transliterated name with a dot, named again by its family name",
			body:   "<p>岚峰公司的杰夫·贝索斯以1930亿美元排名第二。首席执行官埃隆·马斯克表示将扩产，马斯克的个人财富飙升。</p>",
			want:   map[string]schema.Type{"杰夫·贝索斯": schema.Person, "埃隆·马斯克": schema.Person},
			absent: []string{"公司的杰夫·贝索斯", "马斯克表示", "贝索斯以"},
		},
		{
			name:   "a link label glued to an everyday noun only qualifies it",
			body:   `<p>Glints宣布获2250万美元融资，由日本<a class="project-link" data-name="人力资源" href="https://36kr.com/projectDetails/1">人力资源</a>顾问巨头PERSOL Holdings领投，<a class="project-link" data-name="岚峰" href="https://36kr.com/projectDetails/2">岚峰</a>跟投。</p>`,
			want:   map[string]schema.Type{"岚峰": schema.Company, "PERSOL Holdings": schema.Company},
			absent: []string{"人力资源"},
		},
		{
			name:   "names listed in 包括…在内的机构",
			body:   "<p>除本轮投资者以外，包括岚舟、Nova和腾讯在内的多家机构也在接洽。包括上海在内的企业也在观望。</p>",
			want:   map[string]schema.Type{"岚舟": schema.Company, "Nova": schema.Company, "腾讯": schema.Company, "上海": schema.Region},
			absent: []string{"岚舟、Nova和腾讯"},
		},
		{
			name:   "a government agency named by its task (促进局, 管理局)",
			body:   "<p>9月3日，岚国出口投资促进局与岚峰集团签订框架协议。这一格局不会改变，公司布局海外。</p>",
			want:   map[string]schema.Type{"岚国出口投资促进局": schema.Organization},
			absent: []string{"格局", "布局"},
		},
		{
			name:   "a Chinese name with a company ending after a Latin name takes the whole Latin name",
			body:   "<p>跟投方包括老股东Nova Hill Ventures、LumenWorks Capital概念资本等。</p>",
			want:   map[string]schema.Type{"LumenWorks Capital概念资本": schema.Company},
			absent: []string{"Capital概念资本"},
		},
		{
			name:   "a surname-led name before what only a person has",
			body:   "<p>随着股价上涨，马斯洛的个人财富急剧飙升。岚峰公司的身家不菲。</p>",
			want:   map[string]schema.Type{"马斯洛": schema.Person},
			absent: []string{"岚峰公司的身家"},
		},
		{
			name:   "a brand of two split characters opening with a function character",
			body:   "<p>根据中岚教育2020年年报，公司实现营业总收入112亿元。而在的岚教育营收增长。</p>",
			want:   map[string]schema.Type{"中岚教育": schema.Company},
			absent: []string{"的岚教育", "在的岚教育"},
		},
		{
			name:   "an association named for two fields joined by 与",
			body:   "<p>中国岚峰玻璃与工业玻璃协会数据显示，产能增长。腾讯与工业玻璃协会合作。</p>",
			want:   map[string]schema.Type{"中国岚峰玻璃与工业玻璃协会": schema.Organization},
			absent: []string{"腾讯与工业玻璃协会"},
		},
		{
			name:   "a kind of company after 等 or 另一",
			body:   "<p>岚舟控股等桌游公司也在扩张。另一桌游公司也已提交招股书。</p>",
			want:   map[string]schema.Type{"岚舟控股": schema.Company},
			absent: []string{"桌游公司"},
		},
		{
			name:   "an adverb before X公司 starts a verb phrase",
			body:   "<p>这让刚入职公司不久的员工很担心。</p>",
			absent: []string{"入职公司", "刚入职公司"},
		},
		{
			name:   "an organization ending glued to Latin letters",
			body:   "<p>平台整合了北方大学MOOC等业务。</p>",
			absent: []string{"北方大学"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := extractBody(t, tc.body)
			for n, typ := range tc.want {
				if e := findEntity(r, n); e == nil || e.Type != typ {
					t.Errorf("want %s/%s, got %s", n, typ, entityNames(r))
				}
			}
			for _, n := range tc.absent {
				if findEntity(r, n) != nil {
					t.Errorf("%s should not be an entity: %s", n, entityNames(r))
				}
			}
		})
	}
}

// TestPolicyAliasWithoutYears: a policy title with its years in brackets is
// also known without them, and a later mention without them is the same
// policy.
func TestPolicyAliasWithoutYears(t *testing.T) {
	tests := []struct {
		body, name, alias string
		mentions          int
	}{
		{"<p>商务部印发《县域商业体系建设行动计划（2022-2025年）》。县域商业体系建设行动计划提出三项任务。</p>",
			"县域商业体系建设行动计划（2022-2025年）", "县域商业体系建设行动计划", 2},
		{"<p>国务院发布《数据要素流通管理办法（试行）》。</p>",
			"数据要素流通管理办法（试行）", "数据要素流通管理办法", 1},
	}
	for _, tc := range tests {
		t.Run(tc.alias, func(t *testing.T) {
			r := extractBody(t, tc.body)
			e := findEntity(r, tc.name)
			if e == nil || e.Type != schema.Policy {
				t.Fatalf("want policy %s, got %s", tc.name, entityNames(r))
			}
			if !slices.Contains(e.Aliases, tc.alias) {
				t.Errorf("aliases %v, want %s", e.Aliases, tc.alias)
			}
			if e.Mentions != tc.mentions {
				t.Errorf("mentions %d, want %d", e.Mentions, tc.mentions)
			}
		})
	}
}

// TestShortFormOfListedCompany: a listed company's full name without its
// legal ending, as the article writes it, is the same company.
func TestShortFormOfListedCompany(t *testing.T) {
	r := extractBody(t, "<p>上海汽车集团发布年报。上海汽车的电动车销量增长。</p>")
	e := findEntity(r, "上海汽车集团")
	if e == nil || e.Mentions != 2 || !slices.Contains(e.Aliases, "上海汽车") {
		t.Fatalf("want 上海汽车集团 with alias 上海汽车 and 2 mentions, got %+v in %s", e, entityNames(r))
	}
	if findEntity(r, "上海") != nil {
		t.Errorf("上海 in 上海汽车 is part of the company's name: %s", entityNames(r))
	}
}

// TestCompanyEndingsMerge: a company also named with 科技 or a Latin legal
// ending after its name is one company.
func TestCompanyEndingsMerge(t *testing.T) {
	tests := []struct{ body, full, short string }{
		{"<p>「岚深智能」宣布完成融资。岚深智能科技成立于2019年，由某资本领投。</p>", "岚深智能科技", "岚深智能"},
		{"<p>据Lumora Global透露，Lumora表示将扩大车队。</p>", "Lumora Global", "Lumora"},
	}
	for _, tc := range tests {
		t.Run(tc.full, func(t *testing.T) {
			r := extractBody(t, tc.body)
			e := findEntity(r, tc.full)
			if e == nil || !slices.Contains(e.Aliases, tc.short) {
				t.Fatalf("want %s with alias %s, got %s", tc.full, tc.short, entityNames(r))
			}
		})
	}
}

// TestProductNamedAgain: a quoted product named again without quotes is
// the same product, mentioned twice.
func TestProductNamedAgain(t *testing.T) {
	r := extractBody(t, "<p>最受欢迎的是低价纯电动汽车“星舰MINI EV”。星舰MINI EV的年销量是42万辆。</p>")
	if e := findEntity(r, "星舰MINI EV"); e == nil || e.Type != schema.Product || e.Mentions != 2 {
		t.Fatalf("want product 星舰MINI EV mentioned twice, got %+v in %s", e, entityNames(r))
	}
}

// TestDotNameShortForm: a transliterated name said again by its family
// name alone is the same person.
func TestDotNameShortForm(t *testing.T) {
	r := extractBody(t, "<p>首席执行官埃隆·马斯克表示将扩产。随后马斯克的个人财富飙升。</p>")
	e := findEntity(r, "埃隆·马斯克")
	if e == nil || e.Mentions < 2 {
		t.Fatalf("want 埃隆·马斯克 mentioned twice, got %+v (%s)", e, entityNames(r))
	}
	if findEntity(r, "马斯克") != nil {
		t.Errorf("马斯克 should be an alias, not an entity: %s", entityNames(r))
	}
}

// TestBracketedNameSeenBefore: a name in brackets after another is its
// alias only when the article did not name it on its own before.
func TestBracketedNameSeenBefore(t *testing.T) {
	r := extractBody(t, "<p>Lumen Partners表示将继续投资。用户可通过岚峰银行（Lumen Partners）开户，岚峰银行已经上市。也可以找岚舟银行（Nova Partners）开户，岚舟银行已经上市。</p>")
	if findEntity(r, "Lumen Partners") == nil {
		t.Errorf("Lumen Partners was named on its own first and should stay an entity: %s", entityNames(r))
	}
	if e := findEntity(r, "岚舟银行"); e == nil || findEntity(r, "Nova Partners") != nil {
		t.Errorf("Nova Partners should be an alias of 岚舟银行: %s", entityNames(r))
	}
}

// TestChineseNameBeforeLatinBracket: a company's Chinese name right before
// its Latin name in brackets is the same company; a term before a Latin
// phrase is not made a company.
func TestChineseNameBeforeLatinBracket(t *testing.T) {
	r := extractBody(t, "<p>国际租车企业岚峰环球（Lumen Global）宣布订购新车，Lumen Global 也在扩张，岚峰表示满意。集换式卡牌游戏（Trading Card Game）很火。</p>")
	e := findEntity(r, "岚峰环球")
	if e == nil || e.Type != schema.Company {
		t.Fatalf("want company 岚峰环球, got %s", entityNames(r))
	}
	if findEntity(r, "Lumen Global") != nil || findEntity(r, "租车企业岚峰环球") != nil || findEntity(r, "集换式卡牌游戏") != nil {
		t.Errorf("want Lumen Global as an alias only and no term as a company: %s", entityNames(r))
	}
}

// TestPersonNamedAgain: a person found once by context is the same person
// where the name stands with no context, and owns the figures there.
func TestPersonNamedAgain(t *testing.T) {
	r := extractBody(t, "<p>随着股价上涨，马斯洛的个人财富急剧飙升。</p><p>马斯洛大约三分之二的净资产与岚峰科技的股票挂钩，其个人财富一天飙升360亿美元。</p>")
	e := findEntity(r, "马斯洛")
	if e == nil || e.Mentions < 2 {
		t.Fatalf("want 马斯洛 mentioned twice, got %+v (%s)", e, entityNames(r))
	}
	for _, m := range r.Metrics {
		if m.Value == 3.6e10 && m.Subject != "马斯洛" {
			t.Errorf("the person's wealth went to %s", m.Subject)
		}
	}
}

func TestOneEditApart(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"herz", "hertz", true},
		{"hertz", "herz", true},
		{"lumen", "lumex", true},
		{"lumen", "lumen", false},
		{"lumen", "lu", false},
		{"nova", "navy", false},
		{"dana", "data", true},
	}
	for _, tc := range tests {
		if got := oneEditApart(tc.a, tc.b); got != tc.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestMisspeltLatinName: a Latin company name one letter off another
// company's name in the article is the same company.
func TestMisspeltLatinName(t *testing.T) {
	r := extractBody(t, "<p>国际租车企业岚峰环球（Lumentz Global）宣布订购新车，租赁巨头Lumentz将购买10万辆。Lumenz 在选购上还打破了传统，Lumenz 没有选择低配车型。</p>")
	if findEntity(r, "Lumenz") != nil {
		t.Errorf("Lumenz should be an alias of 岚峰环球: %s", entityNames(r))
	}
}
