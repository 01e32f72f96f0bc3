// Package taxonomy is the shared list of sectors that organizations and
// marketplace cards are tagged with, named in Vietnamese, English and Korean.
// The recommender, the catalogue and the forms all use this one list, so a
// sector code means the same thing everywhere.
package taxonomy

import "sort"

// Sector is one entry of the taxonomy.
type Sector struct {
	Code string // stable identifier stored in the database and JSON files
	VI   string
	EN   string
	KO   string
}

// Name returns the sector's name in lang ("vi", "en" or "ko"), falling back to
// English for an unknown language.
func (s Sector) Name(lang string) string {
	switch lang {
	case "vi":
		return s.VI
	case "ko":
		return s.KO
	}
	return s.EN
}

// Sectors is the taxonomy, in display order. Codes never change once
// published; the recommender keeps sets of sectors as 64-bit masks, so the
// list stays at or below 64 entries (a test enforces it).
var Sectors = []Sector{
	{"smart_factory", "Nhà máy thông minh", "Smart factory", "스마트 팩토리"},
	{"robotics", "Rô-bốt công nghiệp", "Industrial robotics", "산업용 로봇"},
	{"agv_amr", "Xe tự hành AGV/AMR", "AGV and AMR", "AGV·AMR 자율주행 운반로봇"},
	{"machine_vision", "Thị giác máy", "Machine vision", "머신 비전"},
	{"mes_erp", "MES và ERP", "MES and ERP", "MES·ERP"},
	{"iiot", "IoT công nghiệp", "Industrial IoT", "산업용 IoT"},
	{"plc_automation", "Điều khiển và PLC", "PLC and control systems", "PLC·제어 시스템"},
	{"warehouse_automation", "Tự động hóa kho", "Warehouse automation", "창고 자동화"},
	{"logistics", "Logistics", "Logistics", "물류"},
	{"cold_chain", "Chuỗi lạnh", "Cold chain", "콜드체인"},
	{"supply_chain", "Chuỗi cung ứng", "Supply chain", "공급망"},
	{"packaging", "Bao bì", "Packaging", "포장"},
	{"ai", "Trí tuệ nhân tạo", "Artificial intelligence", "인공지능"},
	{"digital_twin", "Bản sao số", "Digital twin", "디지털 트윈"},
	{"predictive_maintenance", "Bảo trì dự đoán", "Predictive maintenance", "예지 보전"},
	{"cybersecurity", "An ninh mạng", "Cybersecurity", "사이버 보안"},
	{"cloud_computing", "Điện toán đám mây", "Cloud computing", "클라우드 컴퓨팅"},
	{"telecom_5g", "Viễn thông và 5G", "Telecom and 5G", "통신·5G"},
	{"semiconductors", "Bán dẫn", "Semiconductors", "반도체"},
	{"electronics", "Điện tử", "Electronics", "전자"},
	{"automotive", "Ô tô và phụ tùng", "Automotive and parts", "자동차·부품"},
	{"electric_vehicles", "Xe điện", "Electric vehicles", "전기차"},
	{"batteries", "Pin và lưu trữ năng lượng", "Batteries and energy storage", "배터리·에너지 저장"},
	{"clean_energy", "Năng lượng sạch", "Clean energy", "청정 에너지"},
	{"energy_efficiency", "Hiệu quả năng lượng", "Energy efficiency", "에너지 효율"},
	{"water_treatment", "Xử lý nước", "Water treatment", "수처리"},
	{"circular_economy", "Kinh tế tuần hoàn và tái chế", "Circular economy and recycling", "순환경제·재활용"},
	{"textiles", "Dệt may", "Textiles and garments", "섬유·의류"},
	{"footwear", "Da giày", "Footwear and leather", "신발·가죽"},
	{"furniture", "Đồ gỗ và nội thất", "Wood and furniture", "목재·가구"},
	{"food_processing", "Chế biến thực phẩm", "Food processing", "식품 가공"},
	{"agritech", "Nông nghiệp công nghệ cao", "Agritech", "스마트 농업"},
	{"chemicals", "Hóa chất", "Chemicals", "화학"},
	{"plastics", "Nhựa và ép phun", "Plastics and injection moulding", "플라스틱·사출 성형"},
	{"metalworking", "Cơ khí và gia công kim loại", "Metalworking and machining", "금속 가공"},
	{"additive_manufacturing", "In 3D", "Additive manufacturing", "3D 프린팅"},
	{"advanced_materials", "Vật liệu tiên tiến", "Advanced materials", "첨단 소재"},
	{"biotech", "Công nghệ sinh học", "Biotechnology", "바이오"},
	{"medical_devices", "Thiết bị y tế", "Medical devices", "의료기기"},
	{"pharmaceuticals", "Dược phẩm", "Pharmaceuticals", "제약"},
	{"smart_city", "Đô thị thông minh", "Smart city", "스마트 시티"},
	{"mobility", "Giao thông thông minh", "Smart mobility", "스마트 모빌리티"},
	{"construction", "Xây dựng và tòa nhà thông minh", "Construction and smart buildings", "건설·스마트 빌딩"},
	{"industrial_safety", "An toàn lao động", "Industrial safety", "산업 안전"},
	{"workforce_training", "Đào tạo nhân lực", "Workforce training", "인력 교육"},
	{"ecommerce", "Thương mại điện tử", "E-commerce", "전자상거래"},
	{"fintech", "Công nghệ tài chính", "Fintech", "핀테크"},
	{"quality_testing", "Đo lường và kiểm định chất lượng", "Metrology and quality testing", "계측·품질 시험"},
}

var byCode = func() map[string]int {
	m := make(map[string]int, len(Sectors))
	for i, s := range Sectors {
		m[s.Code] = i
	}
	return m
}()

// Index returns the position of code in Sectors, or false if it is unknown.
func Index(code string) (int, bool) {
	i, ok := byCode[code]
	return i, ok
}

// Lookup returns the sector named by code.
func Lookup(code string) (Sector, bool) {
	i, ok := byCode[code]
	if !ok {
		return Sector{}, false
	}
	return Sectors[i], true
}

// Codes returns every code, sorted, for error messages and forms.
func Codes() []string {
	out := make([]string, len(Sectors))
	for i, s := range Sectors {
		out[i] = s.Code
	}
	sort.Strings(out)
	return out
}
