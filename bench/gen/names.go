package main

import "strings"

// famousCompanies are real companies the seeds name outside auto-links.
// Rewriting keeps some of them as they are, so that the generated graph has
// the few big hubs a real news corpus has (every other article mentions
// 阿里云), while most mentions become generated brands.
var famousCompanies = []string{
	"阿里云", "阿里巴巴", "腾讯云", "腾讯", "华为云", "华为", "百度智能云", "百度",
	"京东云", "京东", "金山云", "天翼云", "移动云", "联通云", "浪潮云", "浪潮",
	"字节跳动", "火山引擎", "亚马逊", "微软", "谷歌", "甲骨文", "IBM",
	"特斯拉", "比亚迪", "蔚来汽车", "蔚来", "小鹏汽车", "小鹏", "理想汽车",
	"上汽集团", "上汽通用五菱", "长城汽车", "长安汽车", "吉利", "宁德时代",
	"北方华创", "中微公司", "台积电", "英特尔", "小米", "美团", "拼多多",
	"快手", "网易", "新东方", "好未来", "作业帮", "中金公司", "红杉中国",
}

// splitLinks are 36kr auto-link names that cut a word in two (大云 in
// 各大云计算厂商) or are not companies; they are not renamed as companies.
var splitLinks = map[string]bool{
	"大云": true, "型云": true, "了数": true, "一起": true, "得到": true, "风声": true,
	"量之": true, "造作": true, "人物": true, "人力资源": true, "云领域": true, "云能": true,
	"云科技": true, "云巨": true, "元计算": true, "则一": true, "对啊": true, "好网": true,
	"有领": true, "中国通": true, "黑猫": true, "微信": true, "微博": true, "支付宝": true,
	"触手可及": true, "合纵连横": true, "金券": true, "立知": true, "易记": true, "联新": true,
	"网音": true, "多聚": true, "选货": true, "车赚": true, "充电网": true, "雷科技": true,
}

// companySuffixes are kept when a name is rewritten (华为云 → 星澜云), so that
// a brand and its business unit stay one stem apart as in the seed.
var companySuffixes = []string{
	"新能源汽车", "智能云", "汽车", "集团", "科技", "控股", "股份", "公司", "银行", "证券",
	"资本", "基金", "健康", "医疗", "教育", "智能", "网络", "数据", "云",
}

// brandRunes make up generated brand names: two of them give 10,000 names,
// three (for larger universes) a million.
var brandRunes = []rune("星澜辰启芯川翼极微蓝拓维云智海源创恒瑞达晨曦光远安盛华信德泰和鼎元宏博" +
	"新锐众联力天衡峰岚汇凌越鸿腾迅捷鲸鹏麒麟灵犀朗睿思诚铭航宇景嘉佳禾沐澄" +
	"易融优聚岩岳峻策数象言弘卓朴青燧昇晟骏驰乾坤闻道钧钛锋铂晶磐")

// generatedSuffixes are given to brands replacing names that had no suffix.
var generatedSuffixes = []string{"", "", "", "科技", "科技", "云", "集团", "智能", "数据", "网络"}

// brand is the k-th name of the company universe. The index is mixed by a
// multiplier coprime with the name space, so neighbouring k do not share
// their first rune, and the mapping stays one-to-one.
func brand(k int) string {
	n := len(brandRunes)
	space := n * n
	width := 2
	if k >= space {
		k -= space
		space *= n
		width = 3
	}
	idx := (k*7919 + 13) % space
	var b strings.Builder
	for i := 0; i < width; i++ {
		b.WriteRune(brandRunes[idx%n])
		idx /= n
	}
	return b.String()
}

// marketHeads are the market names the seeds size and rank ("…市场"); each
// occurrence of head+"市场" is rewritten to another sector's market. Bare
// 云 and 汽车 are left out: 阿里云市场份额 and 长安汽车市场 are company names.
var marketHeads = []string{
	"IaaS公有云", "公有云", "非公有云", "基础云服务", "云服务", "云计算", "IaaS", "PaaS", "SaaS",
	"新能源车", "新能源汽车", "二手车", "动力电池", "成人教育", "在线教育", "职业教育", "新零售", "电商",
	"汽车消费", "半导体设备", "半导体材料", "半导体材料制造", "游戏及收藏品", "港股", "潮玩",
}

// regionPrefixes precede market names (中国IaaS公有云市场) and are rewritten too.
var regionPrefixes = []string{"中国", "全球", "国内", "海外", "美国", "欧美", "欧洲", "东南亚", "亚太", "北美", "日本"}

// sectorWords build the generated market universe with sectorQualifiers.
var sectorWords = []string{
	"储能", "工业软件", "低代码", "跨境电商", "智能驾驶", "机器人", "传感器", "光伏", "氢能", "生物医药",
	"医疗器械", "数字医疗", "智慧物流", "冷链", "预制菜", "新消费", "宠物经济", "银发经济", "元宇宙", "AR眼镜",
	"智能家居", "数据中心", "边缘计算", "隐私计算", "网络安全", "数据库", "操作系统", "芯片设计", "EDA", "激光雷达",
	"充电桩", "换电", "锂电材料", "碳中和", "碳交易", "智慧农业", "工业互联网", "5G专网", "卫星互联网", "无人机",
	"短视频", "直播电商", "在线旅游", "本地生活", "社区团购", "即时零售", "SaaS服务", "RPA", "AI大模型", "智能客服",
}

var sectorQualifiers = []string{"", "企业级", "工业", "消费级", "智能", "新一代", "商用", "车载", "云端"}

// marketName is the k-th name of the market universe.
func marketName(k int) string {
	w := sectorWords[k%len(sectorWords)]
	q := sectorQualifiers[(k/len(sectorWords))%len(sectorQualifiers)]
	return q + w
}

// marketUniverse is how many distinct market names marketName yields.
func marketUniverse() int { return len(sectorWords) * len(sectorQualifiers) }
