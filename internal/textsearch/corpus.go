package textsearch

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// This file builds a deterministic synthetic catalogue for benchmarks and
// load tests: exhibitors and products of a smart-factory trade fair with
// names and descriptions in Vietnamese, English and Korean, and a matching
// mix of queries (with and without diacritics, prefixes, typos, Korean).

// term is one concept named in the three languages.
type term struct{ vi, en, ko string }

// sectorVocab is the product vocabulary of one sector; codes follow the
// shared taxonomy (internal/taxonomy).
type sectorVocab struct {
	code     string
	name     term
	products []term
}

var vocab = []sectorVocab{
	{"robotics", term{"rô-bốt công nghiệp", "industrial robotics", "산업용 로봇"}, []term{
		{"rô-bốt hàn 6 trục", "6-axis welding robot", "6축 용접 로봇"},
		{"rô-bốt cộng tác", "collaborative robot", "협동 로봇"},
		{"cánh tay rô-bốt gắp hàng", "pick-and-place robot arm", "픽앤플레이스 로봇 암"},
		{"rô-bốt sơn tự động", "automatic painting robot", "자동 도장 로봇"},
		{"bộ kẹp chân không", "vacuum gripper", "진공 그리퍼"},
	}},
	{"agv_amr", term{"xe tự hành AGV/AMR", "AGV and AMR", "자율주행 운반로봇"}, []term{
		{"xe tự hành AGV dẫn đường từ tính", "magnetic-guided AGV", "자기 유도 AGV"},
		{"rô-bốt di động tự hành AMR", "autonomous mobile robot AMR", "자율주행 모바일 로봇 AMR"},
		{"xe nâng tự hành", "autonomous forklift", "자율주행 지게차"},
		{"hệ thống điều phối đội xe", "fleet management system", "군집 관제 시스템"},
	}},
	{"mes_erp", term{"MES và ERP", "MES and ERP", "MES·ERP"}, []term{
		{"phần mềm quản lý sản xuất MES", "manufacturing execution system MES", "생산관리시스템 MES"},
		{"phần mềm hoạch định nguồn lực ERP", "enterprise resource planning ERP", "전사적 자원관리 ERP"},
		{"hệ thống truy xuất nguồn gốc", "traceability system", "이력 추적 시스템"},
		{"bảng điều khiển OEE", "OEE dashboard", "설비종합효율 대시보드"},
	}},
	{"iiot", term{"IoT công nghiệp", "industrial IoT", "산업용 IoT"}, []term{
		{"cảm biến nhiệt độ không dây", "wireless temperature sensor", "무선 온도 센서"},
		{"cảm biến rung động", "vibration sensor", "진동 센서"},
		{"cổng kết nối IoT", "IoT gateway", "IoT 게이트웨이"},
		{"cảm biến áp suất thông minh", "smart pressure sensor", "스마트 압력 센서"},
		{"đồng hồ điện thông minh", "smart electricity meter", "스마트 전력량계"},
	}},
	{"machine_vision", term{"thị giác máy", "machine vision", "머신 비전"}, []term{
		{"camera kiểm tra lỗi sản phẩm", "defect inspection camera", "불량 검사 카메라"},
		{"hệ thống đọc mã vạch", "barcode reading system", "바코드 판독 시스템"},
		{"phần mềm nhận dạng hình ảnh AI", "AI image recognition software", "AI 영상 인식 소프트웨어"},
		{"camera 3D đo kích thước", "3D measurement camera", "3D 측정 카메라"},
	}},
	{"warehouse_automation", term{"tự động hóa kho", "warehouse automation", "창고 자동화"}, []term{
		{"hệ thống kho tự động AS/RS", "automated storage and retrieval system", "자동 창고 시스템"},
		{"băng tải phân loại hàng", "sorting conveyor", "분류 컨베이어"},
		{"kệ kho thông minh", "smart warehouse racking", "스마트 물류 랙"},
		{"phần mềm quản lý kho WMS", "warehouse management system WMS", "창고관리시스템 WMS"},
	}},
	{"clean_energy", term{"năng lượng sạch", "clean energy", "청정 에너지"}, []term{
		{"tấm pin năng lượng mặt trời", "solar panel", "태양광 패널"},
		{"bộ lưu trữ điện", "battery energy storage", "에너지 저장 장치"},
		{"biến tần hòa lưới", "grid-tie inverter", "계통 연계 인버터"},
		{"trạm sạc xe điện", "EV charging station", "전기차 충전소"},
	}},
	{"smart_factory", term{"nhà máy thông minh", "smart factory", "스마트 팩토리"}, []term{
		{"giải pháp nhà máy thông minh", "smart factory solution", "스마트 팩토리 솔루션"},
		{"bản sao số nhà máy", "factory digital twin", "공장 디지털 트윈"},
		{"hệ thống bảo trì dự đoán", "predictive maintenance system", "예지 보전 시스템"},
		{"tủ điện điều khiển PLC", "PLC control cabinet", "PLC 제어반"},
	}},
	{"logistics", term{"logistics", "logistics", "물류"}, []term{
		{"giải pháp logistics lạnh", "cold chain logistics", "콜드체인 물류"},
		{"phần mềm quản lý vận tải", "transport management software", "운송 관리 소프트웨어"},
		{"dịch vụ kho bãi", "warehousing service", "물류 창고 서비스"},
	}},
	{"packaging", term{"bao bì", "packaging", "포장"}, []term{
		{"máy đóng gói tự động", "automatic packing machine", "자동 포장기"},
		{"máy dán nhãn", "labelling machine", "라벨링 기계"},
		{"rô-bốt xếp pallet", "palletizing robot", "팔레타이징 로봇"},
	}},
	{"electronics", term{"điện tử", "electronics", "전자"}, []term{
		{"bo mạch điều khiển", "control board", "제어 보드"},
		{"dây chuyền lắp ráp SMT", "SMT assembly line", "SMT 조립 라인"},
		{"động cơ servo", "servo motor", "서보 모터"},
	}},
	{"industrial_safety", term{"an toàn lao động", "industrial safety", "산업 안전"}, []term{
		{"rèm an toàn quang điện", "safety light curtain", "안전 라이트 커튼"},
		{"cảm biến phát hiện khí độc", "toxic gas detector", "유해가스 감지기"},
	}},
}

var (
	qualifiers = []term{
		{"tiết kiệm năng lượng", "energy-saving", "에너지 절감형"},
		{"độ chính xác cao", "high-precision", "고정밀"},
		{"chống bụi và nước IP67", "IP67 dust and water proof", "IP67 방진 방수"},
		{"thế hệ mới", "new-generation", "차세대"},
		{"cho doanh nghiệp vừa và nhỏ", "for small and medium enterprises", "중소기업용"},
		{"kết nối đám mây", "cloud-connected", "클라우드 연결형"},
	}
	places = []term{
		{"Bình Dương", "Binh Duong", "빈즈엉"},
		{"Sài Gòn", "Saigon", "사이공"},
		{"Đồng Nai", "Dong Nai", "동나이"},
		{"Hà Nội", "Hanoi", "하노이"},
		{"Đà Nẵng", "Da Nang", "다낭"},
		{"Việt Hàn", "Viet-Han", "베트남-한국"},
	}
	vnCompanyForms = []string{"Công ty TNHH", "Công ty Cổ phần", "Tập đoàn"}
	koPrefixes     = []string{"대성", "한빛", "세종", "미래", "동양", "태광", "신성", "우진"}
	enSuffixes     = []string{"Tech", "Solutions", "Automation", "Systems", "Engineering", "Industries"}
	countries      = []string{"VN", "VN", "VN", "KR", "KR", "JP", "DE", "CN", "TW", "US"}
	halls          = []string{"A", "B", "C", "D", "E"}
	boothTypes     = []string{"shell", "shell", "raw", "corner", "island"}
	sentences      = []term{
		{"Giải pháp giúp tăng năng suất và giảm chi phí vận hành.", "Raises throughput and lowers operating costs.", "생산성을 높이고 운영 비용을 줄입니다."},
		{"Đã triển khai tại nhiều khu công nghiệp ở %s.", "Deployed in industrial parks around %s.", "%s 산업단지에 다수 구축되었습니다."},
		{"Hỗ trợ kỹ thuật và bảo hành tại Việt Nam.", "Local technical support and warranty in Vietnam.", "베트남 현지 기술 지원 및 보증."},
		{"Tích hợp dễ dàng với hệ thống sẵn có.", "Integrates easily with existing systems.", "기존 시스템과 쉽게 연동됩니다."},
	}
)

// Corpus is a synthetic catalogue.
type Corpus struct {
	Exhibitors []Document
	Products   []Document
}

// All returns exhibitors and products together.
func (c Corpus) All() []Document {
	return append(append([]Document(nil), c.Exhibitors...), c.Products...)
}

// Exhibitor IDs start at 1, product IDs at ProductIDBase + 1, so that both
// share one Index.
const ProductIDBase = 1_000_000

// GenerateCorpus builds a catalogue of exhibitors and products; the same seed
// gives the same catalogue.
func GenerateCorpus(seed uint64, exhibitors, products int) Corpus {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var c Corpus
	type exh struct {
		name, country, hall, booth string
		sector                     sectorVocab
	}
	exhs := make([]exh, exhibitors)
	for i := range exhs {
		e := exh{sector: pick(rng, vocab), country: pick(rng, countries), hall: pick(rng, halls), booth: pick(rng, boothTypes)}
		e.name = exhibitorName(rng, e.country, e.sector)
		exhs[i] = e
		desc := fmt.Sprintf("%s — %s. %s %s", e.sector.name.vi, e.sector.name.en, e.sector.name.ko, fmt.Sprintf(pick(rng, sentences).vi, pick(rng, places).vi))
		c.Exhibitors = append(c.Exhibitors, Document{
			ID: int64(i + 1), Kind: "exhibitor",
			Facets: map[string][]string{"country": {e.country}, "hall": {e.hall}, "sector": {e.sector.code}, "booth": {e.booth}},
			Fields: []Field{{Name: "name", Text: e.name, Weight: 3}, {Name: "description", Text: desc, Weight: 1}},
		})
	}
	for i := 0; i < products && exhibitors > 0; i++ {
		e := exhs[rng.IntN(len(exhs))]
		sv := e.sector
		if rng.IntN(4) == 0 { // some exhibitors sell outside their main sector
			sv = pick(rng, vocab)
		}
		p, q, place := pick(rng, sv.products), pick(rng, qualifiers), pick(rng, places)
		model := fmt.Sprintf("%c%c-%d", 'A'+rng.IntN(26), 'A'+rng.IntN(26), 100+rng.IntN(9900))
		name, desc := productTexts(rng, e.country, p, q, place, model)
		c.Products = append(c.Products, Document{
			ID: int64(ProductIDBase + i + 1), Kind: "product",
			Facets: map[string][]string{"country": {e.country}, "hall": {e.hall}, "sector": {sv.code}},
			Fields: []Field{
				{Name: "name", Text: name, Weight: 3},
				{Name: "exhibitor", Text: e.name, Weight: 1.5},
				{Name: "description", Text: desc, Weight: 1},
			},
		})
	}
	return c
}

func exhibitorName(rng *rand.Rand, country string, s sectorVocab) string {
	switch country {
	case "VN":
		return fmt.Sprintf("%s %s %s", pick(rng, vnCompanyForms), capitalize(s.name.vi), pick(rng, places).vi)
	case "KR":
		k := pick(rng, koPrefixes)
		return fmt.Sprintf("%s %s (%s %s)", k, s.name.ko, romanize[k], pick(rng, enSuffixes))
	}
	return fmt.Sprintf("%s %s %s", capitalize(strings.Fields(s.name.en)[0]), pick(rng, enSuffixes), country)
}

var romanize = map[string]string{"대성": "Daesung", "한빛": "Hanbit", "세종": "Sejong", "미래": "Mirae", "동양": "Dongyang", "태광": "Taekwang", "신성": "Shinsung", "우진": "Woojin"}

// productTexts names a product in the exhibitor's language first, with the
// other languages in the description (catalogues are printed trilingual).
func productTexts(rng *rand.Rand, country string, p, q, place term, model string) (name, desc string) {
	s := pick(rng, sentences)
	vi := fmt.Sprintf("%s %s %s. %s", capitalize(p.vi), q.vi, model, fmt.Sprintf(s.vi, place.vi))
	en := fmt.Sprintf("%s %s %s. %s", capitalize(q.en), p.en, model, fmt.Sprintf(s.en, place.en))
	ko := fmt.Sprintf("%s %s %s. %s", q.ko, p.ko, model, fmt.Sprintf(s.ko, place.ko))
	switch country {
	case "VN":
		return capitalize(p.vi) + " " + model, vi + " " + en
	case "KR":
		return p.ko + " " + model, ko + " " + en + " " + vi
	}
	return capitalize(p.en) + " " + model, en + " " + vi
}

// GenerateQueries returns n queries mixing languages and the ways people
// type: full words with and without diacritics, prefixes, one-letter typos,
// Korean stems and compounds, multi-word queries.
func GenerateQueries(seed uint64, n int) []string {
	rng := rand.New(rand.NewPCG(seed, seed^0x51ed2701))
	out := make([]string, 0, n)
	for len(out) < n {
		sv := pick(rng, vocab)
		p := pick(rng, sv.products)
		switch rng.IntN(8) {
		case 0:
			out = append(out, p.vi)
		case 1:
			out = append(out, Fold(p.vi))
		case 2:
			out = append(out, p.en)
		case 3:
			out = append(out, p.ko)
		case 4: // typing: a prefix of the first words
			w := strings.Fields(Fold(p.en))
			last := w[min(1, len(w)-1)]
			out = append(out, strings.Join(w[:min(1, len(w)-1)], " ")+" "+last[:max(2, len(last)/2)])
		case 5: // a typo in the longest word
			out = append(out, typo(rng, p.en))
		case 6: // Korean without spaces
			out = append(out, strings.ReplaceAll(p.ko, " ", ""))
		default: // a sector name, sometimes with a place
			out = append(out, strings.TrimSpace(sv.name.vi+" "+[]string{"", Fold(pick(rng, places).vi)}[rng.IntN(2)]))
		}
	}
	return out
}

func typo(rng *rand.Rand, s string) string {
	words := strings.Fields(s)
	i := 0
	for k, w := range words {
		if len(w) > len(words[i]) {
			i = k
		}
	}
	w := []byte(words[i])
	if len(w) >= 5 {
		j := 1 + rng.IntN(len(w)-2)
		w[j], w[j+1] = w[j+1], w[j] // swap two neighbours
	}
	words[i] = string(w)
	return strings.Join(words, " ")
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
