package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"ketnoi/internal/event"
	"ketnoi/internal/exhibit"
	"ketnoi/internal/i18n"
	"ketnoi/internal/taxonomy"
)

// ProductsPerExhibitor × TotalExhibitors is the demo catalogue: 10,000
// products for the catalogue search figures.
const (
	ProductsPerExhibitor = 20
	TotalProducts        = ProductsPerExhibitor * TotalExhibitors
)

// noun is a product type in the three languages.
type noun struct{ vi, en, ko string }

// productNouns are each exhibitor sector's products; sectors not listed
// use their taxonomy name ("giải pháp …").
var productNouns = map[string][]noun{
	"robotics": {{"Rô-bốt hàn", "welding robot", "용접 로봇"}, {"Cánh tay rô-bốt 6 trục", "6-axis robot arm", "6축 로봇 팔"},
		{"Rô-bốt cộng tác", "collaborative robot", "협동 로봇"}, {"Rô-bốt gắp đặt", "pick-and-place robot", "픽앤플레이스 로봇"}, {"Rô-bốt sơn", "painting robot", "도장 로봇"}},
	"agv_amr": {{"Xe tự hành AGV", "AGV vehicle", "AGV 무인운반차"}, {"Rô-bốt di động AMR", "autonomous mobile robot", "자율주행 로봇 AMR"},
		{"Xe nâng tự hành", "autonomous forklift", "자율주행 지게차"}, {"Hệ thống điều phối đội xe", "fleet manager", "차량 관제 시스템"}},
	"machine_vision": {{"Camera công nghiệp", "industrial camera", "산업용 카메라"}, {"Hệ thống kiểm tra bằng thị giác", "vision inspection system", "비전 검사 시스템"},
		{"Cảm biến 3D", "3D sensor", "3D 센서"}, {"Phần mềm nhận dạng lỗi", "defect detection software", "불량 검출 소프트웨어"}},
	"iiot": {{"Cảm biến không dây", "wireless sensor", "무선 센서"}, {"Cổng kết nối IoT", "IoT gateway", "IoT 게이트웨이"},
		{"Nền tảng giám sát thiết bị", "machine monitoring platform", "설비 모니터링 플랫폼"}, {"Bộ thu thập dữ liệu", "data logger", "데이터 로거"}},
	"mes_erp": {{"Phần mềm MES", "MES software", "MES 소프트웨어"}, {"Hệ thống ERP", "ERP system", "ERP 시스템"},
		{"Phần mềm lập kế hoạch sản xuất", "production scheduling software", "생산 계획 소프트웨어"}, {"Hệ thống truy xuất nguồn gốc", "traceability system", "이력 추적 시스템"}},
	"smart_factory": {{"Giải pháp nhà máy thông minh", "smart factory solution", "스마트 팩토리 솔루션"}, {"Dây chuyền lắp ráp tự động", "automated assembly line", "자동 조립 라인"},
		{"Bảng điều khiển sản xuất", "production dashboard", "생산 대시보드"}, {"Tủ điều khiển PLC", "PLC control cabinet", "PLC 제어반"}},
	"ai": {{"Nền tảng trí tuệ nhân tạo", "AI platform", "인공지능 플랫폼"}, {"Mô hình dự báo nhu cầu", "demand forecasting model", "수요 예측 모델"},
		{"Trợ lý ảo cho nhà máy", "factory AI assistant", "공장 AI 어시스턴트"}, {"Bảo trì dự đoán", "predictive maintenance", "예지 보전"}},
	"warehouse_automation": {{"Hệ thống kho tự động", "automated storage system", "자동 창고 시스템"}, {"Băng tải phân loại", "sorting conveyor", "분류 컨베이어"},
		{"Rô-bốt lấy hàng", "picking robot", "피킹 로봇"}, {"Phần mềm quản lý kho", "warehouse management software", "창고 관리 소프트웨어"}},
	"logistics": {{"Phần mềm quản lý vận tải", "transport management software", "운송 관리 소프트웨어"}, {"Thiết bị định vị hàng hóa", "cargo tracker", "화물 추적기"},
		{"Dịch vụ giao nhận", "freight forwarding service", "포워딩 서비스"}, {"Pallet thông minh", "smart pallet", "스마트 팔레트"}},
	"clean_energy": {{"Tấm pin mặt trời", "solar panel", "태양광 패널"}, {"Bộ lưu trữ năng lượng", "energy storage system", "에너지 저장 장치"},
		{"Biến tần hòa lưới", "grid-tie inverter", "계통 연계 인버터"}, {"Trạm sạc xe điện", "EV charger", "전기차 충전기"}},
	"semiconductors": {{"Thiết bị kiểm tra wafer", "wafer inspection tool", "웨이퍼 검사 장비"}, {"Chip vi điều khiển", "microcontroller chip", "마이크로컨트롤러 칩"},
		{"Máy đóng gói chip", "chip packaging machine", "칩 패키징 장비"}},
	"electronics": {{"Bo mạch điện tử", "printed circuit board", "인쇄 회로 기판"}, {"Bộ nguồn công nghiệp", "industrial power supply", "산업용 전원 공급 장치"},
		{"Máy dán linh kiện SMT", "SMT placement machine", "SMT 실장기"}, {"Cảm biến điện tử", "electronic sensor", "전자 센서"}},
	"textiles": {{"Máy dệt tự động", "automatic loom", "자동 직기"}, {"Máy cắt vải", "fabric cutter", "원단 재단기"}, {"Máy may công nghiệp", "industrial sewing machine", "공업용 재봉기"}},
	"food_processing": {{"Máy chế biến thực phẩm", "food processing machine", "식품 가공 기계"}, {"Dây chuyền đóng chai", "bottling line", "병입 라인"},
		{"Máy tiệt trùng", "sterilizer", "살균기"}},
	"plastics": {{"Máy ép nhựa", "injection moulding machine", "사출 성형기"}, {"Khuôn nhựa", "plastic mould", "플라스틱 금형"}, {"Máy đùn nhựa", "plastic extruder", "플라스틱 압출기"}},
	"metalworking": {{"Máy phay CNC", "CNC milling machine", "CNC 밀링 머신"}, {"Máy cắt laser", "laser cutter", "레이저 절단기"},
		{"Máy chấn tôn", "press brake", "프레스 브레이크"}, {"Máy tiện CNC", "CNC lathe", "CNC 선반"}},
	"cold_chain": {{"Kho lạnh", "cold storage room", "냉동 창고"}, {"Xe tải đông lạnh", "refrigerated truck", "냉동 탑차"}, {"Cảm biến nhiệt độ", "temperature sensor", "온도 센서"}},
	"packaging":  {{"Máy đóng gói", "packaging machine", "포장기"}, {"Máy dán nhãn", "labelling machine", "라벨링 기계"}, {"Máy quấn màng", "stretch wrapper", "스트레치 포장기"}},
}

// qualifiers go before the noun in English and Korean, after it in
// Vietnamese.
var qualifiers = []noun{
	{"thông minh", "smart", "스마트"}, {"tốc độ cao", "high-speed", "고속"}, {"tiết kiệm điện", "energy-saving", "에너지 절감형"},
	{"chính xác cao", "high-precision", "고정밀"}, {"nhỏ gọn", "compact", "소형"}, {"thế hệ mới", "next-generation", "차세대"},
	{"công suất lớn", "heavy-duty", "대용량"}, {"kết nối đám mây", "cloud-connected", "클라우드 연동"},
}

// Products generates the demo exhibitors' catalogue: ProductsPerExhibitor
// products each, in the exhibitor's sectors, named in vi/en/ko. It depends
// only on the data set, so the same seed gives the same products.
func Products(ds *Dataset) []exhibit.Product {
	rng := rand.New(rand.NewPCG(uint64(len(ds.Exhibitors)), 0x9e3779b97f4a7c15))
	orgs := make(map[int64]int, len(ds.Orgs))
	for i, o := range ds.Orgs {
		orgs[o.ID] = i
	}
	out := make([]exhibit.Product, 0, len(ds.Exhibitors)*ProductsPerExhibitor)
	for _, x := range ds.Exhibitors {
		if x.EventID != FairID {
			continue
		}
		o := ds.Orgs[orgs[x.OrgID]]
		for k := 0; k < ProductsPerExhibitor; k++ {
			sector := "smart_factory"
			if len(o.Sectors) > 0 {
				sector = o.Sectors[0]
			}
			if len(o.Sectors) > 1 && rng.IntN(4) == 0 {
				sector = o.Sectors[1+rng.IntN(len(o.Sectors)-1)]
			}
			out = append(out, product(rng, int64(len(out)+1), x, sector, o.Name))
		}
	}
	return out
}

func product(rng *rand.Rand, id int64, x event.Exhibitor, sector string, maker i18n.Text) exhibit.Product {
	n := nounFor(rng, sector)
	q := qualifiers[rng.IntN(len(qualifiers))]
	for strings.Contains(n.vi, q.vi) || strings.Contains(n.en, q.en) {
		q = qualifiers[rng.IntN(len(qualifiers))] // no "smart smart factory"
	}
	model := fmt.Sprintf("%c%c-%d", 'A'+rune(rng.IntN(26)), 'A'+rune(rng.IntN(26)), 100+rng.IntN(900))
	name := i18n.Text{
		VI: fmt.Sprintf("%s %s %s", n.vi, q.vi, model),
		EN: fmt.Sprintf("%s %s %s", capitalize(q.en), n.en, model),
		KO: fmt.Sprintf("%s %s %s", q.ko, n.ko, model),
	}
	desc := describe(int(id%int64(len(descTemplates))), n, q, maker)
	return exhibit.Product{ID: id, EventID: x.EventID, ExhibitorID: x.ID, Name: name, Description: desc, Category: sector}
}

func nounFor(rng *rand.Rand, sector string) noun {
	if ns := productNouns[sector]; len(ns) > 0 {
		return ns[rng.IntN(len(ns))]
	}
	s, _ := taxonomy.Lookup(sector)
	return noun{"Giải pháp " + s.VI, s.EN + " solution", s.KO + " 솔루션"}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// descTemplates vary the descriptions (chosen by product id, so that the
// names stay as they are): a catalogue where every description says the
// same words is neither realistic nor a fair test of the search.
var descTemplates = []noun{
	{"%[1]s %[2]s của %[3]s, phù hợp cho dây chuyền sản xuất hiện đại.", "A %[2]s %[1]s by %[3]s, built for modern production lines.", "%[3]s의 %[2]s %[1]s, 현대적인 생산 라인에 적합합니다."},
	{"%[3]s giới thiệu %[1]s %[2]s, bảo hành 24 tháng và hỗ trợ kỹ thuật tại Bình Dương.", "%[3]s presents its %[2]s %[1]s, with a 24-month warranty and local support.", "%[3]s가 %[2]s %[1]s을(를) 선보입니다. 24개월 보증과 현지 기술 지원."},
	{"Giải pháp %[1]s %[2]s giúp giảm chi phí vận hành, do %[3]s cung cấp.", "The %[2]s %[1]s cuts operating costs; supplied by %[3]s.", "운영 비용을 줄이는 %[2]s %[1]s, %[3]s 공급."},
	{"%[1]s %[2]s: lắp đặt nhanh, tích hợp sẵn với hệ thống hiện có (%[3]s).", "%[2]s %[1]s: quick to install, ready for existing systems (%[3]s).", "%[2]s %[1]s: 빠른 설치, 기존 시스템과 바로 연동 (%[3]s)."},
}

func describe(k int, n, q noun, maker i18n.Text) i18n.Text {
	t := descTemplates[k]
	return i18n.Text{
		VI: fmt.Sprintf(t.vi, n.vi, q.vi, maker.In(i18n.VI)),
		EN: fmt.Sprintf(t.en, n.en, q.en, maker.In(i18n.EN)),
		KO: fmt.Sprintf(t.ko, n.ko, q.ko, maker.In(i18n.KO)),
	}
}
