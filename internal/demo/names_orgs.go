package demo

import "ketnoi/internal/i18n"

// tr is a text in Vietnamese, English and Korean; unkeyed literals keep the
// tables below readable. An empty string means "not written in that language".
type tr struct{ vi, en, ko string }

func (t tr) text() i18n.Text { return i18n.Text{VI: t.vi, EN: t.en, KO: t.ko} }

// weighted is a sector code with its relative share among exhibitors.
type weighted struct {
	code string
	w    int
}

// exhibitorSectors is the primary-sector mix of the fair's exhibitors.
var exhibitorSectors = []weighted{
	{"robotics", 12}, {"agv_amr", 8}, {"machine_vision", 8}, {"iiot", 8},
	{"mes_erp", 7}, {"smart_factory", 8}, {"ai", 5}, {"warehouse_automation", 9},
	{"logistics", 6}, {"clean_energy", 6}, {"semiconductors", 3}, {"electronics", 5},
	{"textiles", 2}, {"food_processing", 3}, {"plastics", 3}, {"metalworking", 4},
	{"cold_chain", 2}, {"packaging", 3},
}

// relatedSectors gives the secondary sectors an organization may also list.
var relatedSectors = map[string][]string{
	"robotics":             {"smart_factory", "machine_vision", "metalworking", "electronics"},
	"agv_amr":              {"warehouse_automation", "logistics", "robotics", "ai"},
	"machine_vision":       {"ai", "robotics", "electronics", "semiconductors"},
	"iiot":                 {"smart_factory", "ai", "electronics", "clean_energy"},
	"mes_erp":              {"smart_factory", "iiot", "ai", "logistics"},
	"smart_factory":        {"iiot", "mes_erp", "robotics", "ai"},
	"ai":                   {"machine_vision", "mes_erp", "iiot", "logistics"},
	"warehouse_automation": {"agv_amr", "logistics", "packaging", "cold_chain"},
	"logistics":            {"warehouse_automation", "cold_chain", "packaging", "ai"},
	"clean_energy":         {"iiot", "smart_factory", "electronics"},
	"semiconductors":       {"electronics", "machine_vision", "smart_factory"},
	"electronics":          {"semiconductors", "iiot", "robotics"},
	"textiles":             {"smart_factory", "robotics", "mes_erp"},
	"food_processing":      {"packaging", "cold_chain", "machine_vision"},
	"plastics":             {"robotics", "packaging", "metalworking"},
	"metalworking":         {"robotics", "smart_factory", "plastics"},
	"cold_chain":           {"logistics", "iiot", "food_processing"},
	"packaging":            {"warehouse_automation", "food_processing", "robotics"},
}

// sectorZone is the hall zone where an exhibitor of a sector is placed.
var sectorZone = map[string]string{
	"robotics": "robotics", "metalworking": "robotics", "plastics": "robotics",
	"agv_amr":        "agv_amr",
	"machine_vision": "machine_vision", "semiconductors": "machine_vision",
	"iiot": "iiot", "electronics": "iiot",
	"mes_erp": "mes_erp", "ai": "mes_erp",
	"smart_factory": "smart_factory", "textiles": "smart_factory",
	"warehouse_automation": "warehouse_automation", "packaging": "warehouse_automation",
	"food_processing": "warehouse_automation",
	"logistics":       "logistics", "cold_chain": "logistics",
	"clean_energy": "clean_energy",
}

// offerings are what organizations of a sector sell or develop: noun phrases
// that the description templates wrap.
var offerings = map[string][]tr{
	"robotics": {
		{"robot hàn và robot gắp đặt cho nhà máy điện tử", "welding and pick-and-place robots for electronics plants", "전자 공장용 용접·픽앤플레이스 로봇"},
		{"cánh tay robot cộng tác (cobot)", "collaborative robot arms (cobots)", "협동 로봇 팔"},
		{"tế bào robot đóng gói cuối dây chuyền", "end-of-line robotic packing cells", "라인 끝단 로봇 포장 셀"},
	},
	"agv_amr": {
		{"xe tự hành AGV và AMR cho kho và xưởng sản xuất", "AGVs and AMRs for warehouses and shop floors", "창고·생산 현장용 AGV 및 AMR"},
		{"phần mềm điều phối đội xe AMR", "AMR fleet management software", "AMR 군집 관제 소프트웨어"},
		{"xe nâng tự hành", "autonomous forklifts", "자율주행 지게차"},
	},
	"machine_vision": {
		{"camera và phần mềm kiểm tra ngoại quan bằng AI", "AI-based visual inspection cameras and software", "AI 기반 외관 검사 카메라 및 소프트웨어"},
		{"hệ thống đọc mã vạch và OCR tốc độ cao", "high-speed barcode and OCR readers", "고속 바코드·OCR 판독 시스템"},
		{"cảm biến 3D cho robot gắp vật", "3D sensors for robotic bin picking", "로봇 빈피킹용 3D 센서"},
	},
	"iiot": {
		{"cảm biến IoT và cổng kết nối cho máy công nghiệp", "IoT sensors and gateways for industrial machines", "산업 설비용 IoT 센서 및 게이트웨이"},
		{"nền tảng giám sát hiệu suất thiết bị (OEE)", "equipment effectiveness (OEE) monitoring platforms", "설비종합효율(OEE) 모니터링 플랫폼"},
		{"giải pháp bảo trì dự đoán", "predictive maintenance solutions", "예지 보전 솔루션"},
	},
	"mes_erp": {
		{"phần mềm MES cho nhà máy vừa và nhỏ", "MES software for small and medium plants", "중소 공장용 MES 소프트웨어"},
		{"giải pháp ERP gắn với sản xuất", "manufacturing-integrated ERP", "생산 연계형 ERP 솔루션"},
		{"hệ thống truy xuất nguồn gốc sản phẩm", "product traceability systems", "제품 이력 추적 시스템"},
	},
	"smart_factory": {
		{"giải pháp nhà máy thông minh trọn gói", "turnkey smart factory solutions", "턴키 스마트 팩토리 솔루션"},
		{"dịch vụ tư vấn chuyển đổi số cho doanh nghiệp sản xuất", "digital transformation consulting for manufacturers", "제조기업 디지털 전환 컨설팅"},
		{"bản sao số (digital twin) của dây chuyền sản xuất", "digital twins of production lines", "생산 라인 디지털 트윈"},
	},
	"ai": {
		{"nền tảng AI dự báo nhu cầu và tối ưu sản xuất", "AI platforms for demand forecasting and production optimisation", "수요 예측·생산 최적화 AI 플랫폼"},
		{"trợ lý AI cho kỹ sư vận hành", "AI assistants for operations engineers", "운영 엔지니어용 AI 어시스턴트"},
	},
	"warehouse_automation": {
		{"hệ thống kho tự động AS/RS", "automated storage and retrieval systems (AS/RS)", "자동화 창고(AS/RS) 시스템"},
		{"băng tải và hệ thống phân loại hàng", "conveyors and parcel sorting systems", "컨베이어 및 분류 시스템"},
		{"phần mềm quản lý kho WMS", "warehouse management software (WMS)", "창고 관리 시스템(WMS)"},
	},
	"logistics": {
		{"dịch vụ logistics hợp đồng cho khu công nghiệp", "contract logistics for industrial parks", "산업단지 계약 물류 서비스"},
		{"nền tảng quản lý vận tải TMS", "transport management platforms (TMS)", "운송 관리 플랫폼(TMS)"},
		{"dịch vụ kho ngoại quan và thông quan", "bonded warehousing and customs clearance", "보세 창고 및 통관 서비스"},
	},
	"clean_energy": {
		{"điện mặt trời áp mái cho nhà xưởng", "rooftop solar for factories", "공장 지붕형 태양광 발전"},
		{"hệ thống lưu trữ năng lượng bằng pin", "battery energy storage systems", "배터리 에너지 저장 시스템(ESS)"},
		{"giải pháp quản lý năng lượng nhà máy", "factory energy management systems", "공장 에너지 관리 시스템"},
	},
	"semiconductors": {
		{"thiết bị kiểm tra và đóng gói chip", "chip test and packaging equipment", "반도체 검사·패키징 장비"},
		{"vật tư phòng sạch cho nhà máy bán dẫn", "cleanroom supplies for semiconductor fabs", "반도체 팹용 클린룸 자재"},
	},
	"electronics": {
		{"dịch vụ lắp ráp bo mạch điện tử (EMS)", "electronics manufacturing services (PCB assembly)", "전자제품 위탁생산(PCB 조립) 서비스"},
		{"bộ điều khiển và biến tần công nghiệp", "industrial controllers and inverters", "산업용 컨트롤러 및 인버터"},
	},
	"textiles": {
		{"máy may và máy cắt vải tự động", "automated sewing and fabric cutting machines", "자동 재봉기 및 원단 재단기"},
		{"phần mềm quản lý chuyền may", "sewing line management software", "봉제 라인 관리 소프트웨어"},
	},
	"food_processing": {
		{"dây chuyền chế biến và đóng gói thực phẩm", "food processing and packing lines", "식품 가공·포장 라인"},
		{"hệ thống kiểm tra an toàn thực phẩm", "food safety inspection systems", "식품 안전 검사 시스템"},
	},
	"plastics": {
		{"máy ép nhựa tiết kiệm điện", "energy-saving injection moulding machines", "에너지 절감형 사출 성형기"},
		{"robot lấy sản phẩm cho máy ép nhựa", "take-out robots for injection moulding", "사출기용 취출 로봇"},
	},
	"metalworking": {
		{"máy CNC và dịch vụ gia công chính xác", "CNC machines and precision machining services", "CNC 공작기계 및 정밀 가공 서비스"},
		{"máy cắt laser và máy chấn tôn", "laser cutting and press brake machines", "레이저 절단기 및 절곡기"},
	},
	"cold_chain": {
		{"kho lạnh và xe tải lạnh", "cold storage and refrigerated trucks", "냉동·냉장 창고 및 냉장 트럭"},
		{"cảm biến giám sát nhiệt độ chuỗi lạnh", "cold-chain temperature monitoring sensors", "콜드체인 온도 모니터링 센서"},
	},
	"packaging": {
		{"máy đóng gói và dán nhãn tự động", "automatic packing and labelling machines", "자동 포장·라벨링 기계"},
		{"thùng carton và pallet thông minh", "smart cartons and pallets", "스마트 박스 및 팔레트"},
	},
}

// roleTemplates open a company description; %s is an offering.
var roleTemplates = []tr{
	{"Nhà cung cấp %s.", "Supplier of %s.", "%s 공급업체입니다."},
	{"Nhà sản xuất %s.", "Manufacturer of %s.", "%s 제조업체입니다."},
	{"Đơn vị tích hợp hệ thống %s.", "System integrator for %s.", "%s 시스템 통합 전문기업입니다."},
}

// startupTemplate opens a startup's description.
var startupTemplate = tr{"Startup phát triển %s.", "Startup developing %s.", "%s 개발 스타트업입니다."}

// marketSentences follow the opening sentence of a description.
var marketSentences = []tr{
	{"Khách hàng gồm các nhà máy FDI tại Bình Dương và Đồng Nai.", "Customers include FDI plants in Binh Duong and Dong Nai.", "빈즈엉과 동나이의 FDI 공장을 고객으로 두고 있습니다."},
	{"Đã triển khai tại hơn 50 nhà máy ở Việt Nam và Đông Nam Á.", "Deployed in more than 50 plants in Vietnam and Southeast Asia.", "베트남과 동남아시아 50여 개 공장에 도입되었습니다."},
	{"Có đội ngũ kỹ sư hỗ trợ tại chỗ 24/7 ở miền Nam.", "Runs a 24/7 on-site engineering team in southern Vietnam.", "베트남 남부에서 24시간 현장 엔지니어링 지원을 제공합니다."},
	{"Đang tìm đối tác phân phối và nhà máy thí điểm.", "Looking for distribution partners and pilot plants.", "유통 파트너와 시범 공장을 찾고 있습니다."},
	{"Sản phẩm đạt chứng nhận CE và ISO 9001.", "Products are CE-marked and ISO 9001 certified.", "제품은 CE 및 ISO 9001 인증을 받았습니다."},
	{"Hợp tác với các trường đại học trong nghiên cứu và đào tạo kỹ sư.", "Works with universities on research and engineer training.", "대학과 연구 및 엔지니어 교육에서 협력하고 있습니다."},
}

// foundedTemplate closes some descriptions: year founded, head count.
var foundedTemplate = tr{"Thành lập năm %d, %d nhân viên.", "Founded in %d, %d employees.", "%d년 설립, 직원 %d명."}

// field is the business word of a company name for a sector, with the slug
// used in its web domain.
type field struct {
	name tr
	slug string
}

var sectorFields = map[string][]field{
	"robotics":             {{tr{"Robot", "Robotics", "로보틱스"}, "robotics"}, {tr{"Tự động hóa", "Automation", "오토메이션"}, "automation"}},
	"agv_amr":              {{tr{"Robot Tự hành", "Mobile Robots", "모바일로봇"}, "mobilerobots"}, {tr{"Xe Tự hành", "AGV Systems", "AGV시스템"}, "agv"}},
	"machine_vision":       {{tr{"Thị giác Máy", "Vision Systems", "비전시스템"}, "vision"}, {tr{"Công nghệ Cảm biến", "Sensor Technology", "센서테크"}, "sensors"}},
	"iiot":                 {{tr{"Công nghệ IoT", "IoT Technology", "IoT테크"}, "iot"}, {tr{"Điện - Điện tử", "Electrical & Electronics", "전기전자"}, "electric"}},
	"mes_erp":              {{tr{"Phần mềm", "Software", "소프트"}, "software"}, {tr{"Giải pháp Số", "Digital Solutions", "디지털솔루션"}, "digital"}},
	"smart_factory":        {{tr{"Công nghệ Công nghiệp", "Industrial Technology", "산업기술"}, "industrial"}, {tr{"Giải pháp Nhà máy Thông minh", "Smart Factory Solutions", "스마트팩토리"}, "smartfactory"}},
	"ai":                   {{tr{"Trí tuệ Nhân tạo", "AI", "에이아이"}, "ai"}, {tr{"Công nghệ Dữ liệu", "Data Technology", "데이터테크"}, "data"}},
	"warehouse_automation": {{tr{"Thiết bị Kho vận", "Warehouse Systems", "물류시스템"}, "warehouse"}, {tr{"Băng tải", "Conveyor", "컨베이어"}, "conveyor"}},
	"logistics":            {{tr{"Logistics", "Logistics", "로지스틱스"}, "logistics"}, {tr{"Vận tải và Giao nhận", "Transport & Forwarding", "운송"}, "transport"}},
	"clean_energy":         {{tr{"Năng lượng Xanh", "Green Energy", "그린에너지"}, "energy"}, {tr{"Điện Mặt trời", "Solar", "솔라"}, "solar"}},
	"semiconductors":       {{tr{"Vật liệu Bán dẫn", "Semiconductor Materials", "반도체소재"}, "semicon"}},
	"electronics":          {{tr{"Điện tử", "Electronics", "일렉트로닉스"}, "electronics"}},
	"textiles":             {{tr{"Thiết bị Dệt may", "Textile Machinery", "섬유기계"}, "textile"}},
	"food_processing":      {{tr{"Máy Chế biến Thực phẩm", "Food Machinery", "식품기계"}, "foodtech"}},
	"plastics":             {{tr{"Nhựa Kỹ thuật", "Engineering Plastics", "엔지니어링플라스틱"}, "plastics"}},
	"metalworking":         {{tr{"Cơ khí Chính xác", "Precision Engineering", "정밀"}, "precision"}},
	"cold_chain":           {{tr{"Kho lạnh", "Cold Chain", "콜드체인"}, "coldchain"}},
	"packaging":            {{tr{"Bao bì", "Packaging", "패키징"}, "packaging"}, {tr{"Máy Đóng gói", "Packing Machinery", "포장기계"}, "packing"}},
}

// germanFields replace the English business word for German companies.
var germanFields = map[string]string{
	"robotics": "Robotik", "agv_amr": "Fördertechnik", "machine_vision": "Bildverarbeitung",
	"iiot": "Sensorik", "mes_erp": "Software", "smart_factory": "Systemtechnik", "ai": "Data Systems",
	"warehouse_automation": "Intralogistik", "logistics": "Logistik", "clean_energy": "Energietechnik",
	"semiconductors": "Halbleitertechnik", "electronics": "Elektronik", "textiles": "Textilmaschinen",
	"food_processing": "Lebensmitteltechnik", "plastics": "Kunststofftechnik", "metalworking": "Maschinenbau",
	"cold_chain": "Kältetechnik", "packaging": "Verpackungstechnik",
}

// vnBrands are the auspicious two-word names Vietnamese companies often carry.
var vnBrands = []string{
	"Minh Phát", "Tân Hưng", "Thành Công", "Việt Tiến", "Hòa Bình", "Phú Thịnh", "An Khang", "Đại Phát",
	"Hưng Thịnh", "Sao Việt", "Nam Long", "Trường Sơn", "Bình Minh", "Kim Long", "Đông Á", "Á Châu",
	"Phương Nam", "Thái Dương", "Hoàng Gia", "Tín Nghĩa", "Việt Nhật", "Sài Gòn", "Bình Dương", "Đức Tín",
	"Quang Minh", "Thiên Phú", "Hải Đăng", "Gia Phát", "Phúc Lộc", "Tiến Đạt", "Vạn Xuân", "Lạc Hồng",
	"Hồng Hà", "Cửu Long", "Tây Nguyên", "Sông Bé", "Phước Thành", "Toàn Cầu", "Nhật Minh", "Thịnh Vượng",
}

// Vietnamese startups carry coined English-looking names.
var (
	startupHeads = []string{"Viet", "Mekong", "Lotus", "Sen", "Bamboo", "Saola", "Delta", "Hoa", "Lac", "Saigon", "Song", "Mai"}
	startupTails = []string{"Bot", "Vision", "Logix", "Sense", "Flow", "Mind", "Link", "Grid", "Fab", "Ops", "Cloud", "Twin"}
)

// vnLegal are Vietnamese legal forms: name = form + field + brand in
// Vietnamese, brand + field + form in English.
var vnLegal = []tr{
	{"Công ty TNHH", "Co., Ltd.", "유한회사"},
	{"Công ty Cổ phần", "JSC", "주식회사"},
}

// brand is a company's distinctive name: English spelling and, where a
// Korean reader would see it written so, Hangul.
type brand struct{ en, ko string }

// country describes how companies of a country are named and reached.
type country struct {
	code    string
	brands  []brand
	legal   string  // English legal form appended to the name
	koShare float64 // share of companies that also have a Korean name
	vnShare float64 // share with a Vietnamese subsidiary name
	cities  []string
	phone   string // international prefix with area code
}

var foreignCountries = []country{
	{"KR", []brand{
		{"Daesung", "대성"}, {"Sejin", "세진"}, {"Mirae", "미래"}, {"Dongyang", "동양"}, {"Shinsung", "신성"},
		{"Taekwang", "태광"}, {"Hanul", "한울"}, {"Saerom", "새롬"}, {"Nuri", "누리"}, {"Gaon", "가온"},
		{"Daon", "다온"}, {"Jeil", "제일"}, {"Sunjin", "선진"}, {"Youngjin", "영진"}, {"Hangil", "한길"},
		{"Daewon", "대원"}, {"Woosung", "우성"}, {"Sungwoo", "성우"}, {"Jinsung", "진성"}, {"Duri", "두리"},
		{"Eunha", "은하"}, {"Chungwoon", "청운"}, {"Baekdu", "백두"}, {"Seokwang", "서광"}, {"Dongjin", "동진"},
		{"Asung", "아성"}, {"Narae", "나래"}, {"Bitna", "빛나"}, {"Hanbit", "한빛"}, {"Hwasung", "화성"},
	}, "Co., Ltd.", 1, 0.3, []string{"Seoul", "Incheon", "Suwon", "Changwon", "Busan", "Daegu", "Daejeon", "Ansan", "Hwaseong", "Gumi", "Ulsan"}, "+82 31"},
	{"JP", []brand{
		{"Sanwa", "산와"}, {"Daiichi", "다이이치"}, {"Kyowa", "교와"}, {"Shinko", "신코"}, {"Taisei", "다이세이"},
		{"Hokuto", "호쿠토"}, {"Yamato", "야마토"}, {"Meiwa", "메이와"}, {"Fujimi", "후지미"}, {"Kanto", "간토"},
		{"Chubu", "주부"}, {"Marukawa", "마루카와"}, {"Tokai", "도카이"}, {"Hoshino", "호시노"}, {"Aoba", "아오바"},
		{"Nishida", "니시다"}, {"Kitagawa", "기타가와"}, {"Sumida", "스미다"},
	}, "Co., Ltd.", 0.3, 0.2, []string{"Tokyo", "Osaka", "Nagoya", "Yokohama", "Kobe", "Hamamatsu", "Fukuoka"}, "+81 3"},
	{"TW", []brand{
		{"Hongtai", ""}, {"Yuanfeng", ""}, {"Jinmao", ""}, {"Shengda", ""}, {"Weilong", ""}, {"Chenghua", ""},
		{"Dingxin", ""}, {"Huacheng", ""}, {"Kuofeng", ""}, {"Tailong", ""}, {"Yungsheng", ""}, {"Minghui", ""},
	}, "Co., Ltd.", 0, 0.2, []string{"Taipei", "Taichung", "Hsinchu", "Tainan", "Kaohsiung", "Taoyuan"}, "+886 4"},
	{"DE", []brand{
		{"Rheinwerk", ""}, {"Elbtal", ""}, {"Nordhaus", ""}, {"Kessler", ""}, {"Brandt", ""}, {"Hoffmann", ""},
		{"Vogel", ""}, {"Lindner", ""}, {"Albrecht", ""}, {"Sauer", ""}, {"Hartmann", ""}, {"Zimmer", ""},
	}, "GmbH", 0, 0, []string{"Stuttgart", "Munich", "Hamburg", "Dortmund", "Karlsruhe", "Aachen", "Dresden", "Nuremberg"}, "+49 711"},
	{"CN", []brand{
		{"Hengtai", ""}, {"Jinrui", ""}, {"Huaxin", ""}, {"Tianyi", ""}, {"Zhongke", ""}, {"Xinda", ""},
		{"Ruitai", ""}, {"Boyuan", ""},
	}, "Co., Ltd.", 0, 0.1, []string{"Shenzhen", "Suzhou", "Ningbo", "Dongguan", "Hangzhou", "Wuxi", "Guangzhou"}, "+86 755"},
	{"SG", []brand{
		{"Straits", ""}, {"Orchid", ""}, {"Marina", ""}, {"Jurong", ""}, {"Tanjong", ""}, {"Kallang", ""}, {"Bukit", ""},
	}, "Pte. Ltd.", 0, 0, []string{"Singapore"}, "+65 6"},
	{"US", []brand{
		{"Cascade", ""}, {"Redwood", ""}, {"Ironbridge", ""}, {"Lakeshore", ""}, {"Summit", ""}, {"Granite", ""},
	}, "Inc.", 0.1, 0, []string{"Boston", "Pittsburgh", "Austin", "San Jose", "Detroit", "Chicago"}, "+1 412"},
	{"TH", []brand{
		{"Siam", ""}, {"Chao Phraya", ""}, {"Rattana", ""}, {"Lanna", ""}, {"Srisuk", ""}, {"Chaiyo", ""},
	}, "Co., Ltd.", 0, 0.1, []string{"Bangkok", "Chonburi", "Rayong"}, "+66 2"},
	{"MY", []brand{
		{"Seri", ""}, {"Mutiara", ""}, {"Perdana", ""}, {"Harimau", ""},
	}, "Sdn. Bhd.", 0, 0, []string{"Penang", "Kuala Lumpur", "Johor Bahru"}, "+60 4"},
}

// exhibitorQuota is how many of the 500 exhibitors come from each country.
var exhibitorQuota = []struct {
	country string
	n       int
}{
	{"VN", 225}, {"KR", 100}, {"JP", 50}, {"TW", 40}, {"DE", 25}, {"CN", 20}, {"SG", 15}, {"US", 10}, {"TH", 10}, {"MY", 5},
}

// vnCities are where Vietnamese companies sit, Binh Duong first and most.
var vnCities = []weightedCity{
	{"Thủ Dầu Một", "+84 274", 14}, {"Thuận An", "+84 274", 10}, {"Dĩ An", "+84 274", 9}, {"Bến Cát", "+84 274", 6},
	{"Tân Uyên", "+84 274", 6}, {"TP. Hồ Chí Minh", "+84 28", 25}, {"Hà Nội", "+84 24", 10}, {"Biên Hòa", "+84 251", 7},
	{"Bắc Ninh", "+84 222", 4}, {"Hải Phòng", "+84 225", 4}, {"Đà Nẵng", "+84 236", 5},
}

type weightedCity struct {
	name  string
	phone string
	w     int
}

// institution is a hand-written organization: universities, institutes,
// state agencies, associations and investors of the ecosystem. Real public
// universities and agencies are named as they are; companies and funds are
// made up.
type institution struct {
	kind     string
	country  string
	city     string
	name     tr
	about    tr
	sectors  []string
	domain   string
	exhibits bool
}

var institutions = []institution{
	// Exhibiting institutions.
	{"institute", "VN", "Bến Cát", tr{"Trường Đại học Việt Đức", "Vietnamese-German University", "베트남독일대학교"},
		tr{"Trường đại học công lập đào tạo kỹ sư theo mô hình Đức; phòng thí nghiệm cơ điện tử và sản xuất thông minh.", "Public university training engineers on the German model; mechatronics and smart manufacturing labs.", "독일식 공학 교육을 하는 국립대학으로 메카트로닉스·스마트 제조 연구실을 운영합니다."},
		[]string{"smart_factory", "robotics", "ai"}, "vgu.example", true},
	{"institute", "VN", "Thủ Dầu Một", tr{"Trường Đại học Thủ Dầu Một", "Thu Dau Mot University", "투더우못대학교"},
		tr{"Đại học của tỉnh Bình Dương, đào tạo kỹ thuật, logistics và công nghệ thông tin.", "Binh Duong's provincial university, teaching engineering, logistics and IT.", "빈즈엉성 대학으로 공학, 물류, IT 교육을 제공합니다."},
		[]string{"logistics", "smart_factory", "ai"}, "tdmu.example", true},
	{"institute", "VN", "TP. Hồ Chí Minh", tr{"Trường Đại học Bách khoa – ĐHQG TP.HCM", "Ho Chi Minh City University of Technology (HCMUT)", "호치민시 국립 공과대학교"},
		tr{"Trường kỹ thuật hàng đầu miền Nam; chuyển giao công nghệ robot, IoT và vật liệu.", "Leading engineering school of southern Vietnam; transfers robotics, IoT and materials technology.", "베트남 남부의 대표 공과대학으로 로봇, IoT, 소재 기술을 이전합니다."},
		[]string{"robotics", "iiot", "ai", "semiconductors"}, "hcmut.example", true},
	{"institute", "VN", "Thủ Dầu Một", tr{"Trường Đại học Quốc tế Miền Đông", "Eastern International University", "동부국제대학교"},
		tr{"Đại học giảng dạy bằng tiếng Anh trong Thành phố mới Bình Dương; ngành cơ điện tử và logistics.", "English-language university in Binh Duong New City; mechatronics and logistics programmes.", "빈즈엉 신도시의 영어 강의 대학으로 메카트로닉스와 물류 과정을 운영합니다."},
		[]string{"robotics", "logistics"}, "eiu.example", true},
	{"institute", "VN", "TP. Hồ Chí Minh", tr{"Trường Đại học Sư phạm Kỹ thuật TP.HCM", "HCMC University of Technology and Education", "호치민시 기술사범대학교"},
		tr{"Đào tạo kỹ sư và giáo viên kỹ thuật; trung tâm đào tạo PLC và robot công nghiệp.", "Trains engineers and technical teachers; PLC and industrial robot training centre.", "엔지니어와 기술 교사를 양성하며 PLC·산업용 로봇 교육센터를 운영합니다."},
		[]string{"robotics", "smart_factory"}, "hcmute.example", true},
	{"institute", "VN", "TP. Hồ Chí Minh", tr{"Trường Đại học Công nghiệp TP.HCM", "Industrial University of Ho Chi Minh City", "호치민시 산업대학교"},
		tr{"Đại học ứng dụng với các khoa cơ khí, điện và công nghệ thực phẩm.", "Applied university with mechanical, electrical and food technology faculties.", "기계, 전기, 식품공학 학부를 갖춘 응용 대학입니다."},
		[]string{"metalworking", "food_processing", "electronics"}, "iuh.example", true},
	{"agency", "VN", "Thủ Dầu Một", tr{"Trung tâm Đổi mới sáng tạo Bình Dương", "Binh Duong Innovation Centre", "빈즈엉 혁신센터"},
		tr{"Đơn vị kết nối doanh nghiệp, viện trường và nhà đầu tư; ươm tạo startup công nghệ sản xuất.", "Connects companies, universities and investors; incubates manufacturing-technology startups.", "기업·대학·투자자를 연결하고 제조기술 스타트업을 육성합니다."},
		[]string{"smart_factory", "ai"}, "bdic.example", true},
	{"agency", "VN", "TP. Hồ Chí Minh", tr{"Ban Quản lý Khu Công nghệ cao TP.HCM", "Saigon Hi-Tech Park Management Board", "사이공 하이테크파크 관리위원회"},
		tr{"Quản lý khu công nghệ cao với hơn 150 dự án bán dẫn, điện tử và tự động hóa.", "Runs the hi-tech park hosting over 150 semiconductor, electronics and automation projects.", "반도체·전자·자동화 프로젝트 150여 개가 입주한 하이테크파크를 관리합니다."},
		[]string{"semiconductors", "electronics"}, "shtp.example", true},
	{"enterprise", "VN", "Thủ Dầu Một", tr{"Tổng Công ty Phát triển Thành phố mới Bình Dương", "Binh Duong New City Development Corporation", "빈즈엉 신도시 개발공사"},
		tr{"Nhà phát triển khu công nghiệp và đô thị; cho thuê nhà xưởng xây sẵn và kho logistics.", "Industrial park and township developer; leases ready-built factories and logistics warehouses.", "산업단지·신도시 개발사로 표준 공장과 물류 창고를 임대합니다."},
		[]string{"logistics", "smart_factory", "clean_energy"}, "bdnc-dev.example", true},
	{"association", "VN", "Hà Nội", tr{"Hội Tự động hóa Việt Nam", "Vietnam Automation Association", "베트남 자동화협회"},
		tr{"Hội nghề nghiệp của các doanh nghiệp và chuyên gia tự động hóa.", "Professional association of automation companies and experts.", "자동화 기업과 전문가의 직능 단체입니다."},
		[]string{"robotics", "smart_factory"}, "vaa.example", true},
	{"investor", "VN", "TP. Hồ Chí Minh", tr{"Quỹ Đầu tư Công nghiệp Mekong", "Mekong Industrial Ventures", "메콩 인더스트리얼 벤처스"},
		tr{"Quỹ đầu tư mạo hiểm cho startup công nghệ sản xuất và logistics giai đoạn đầu.", "Early-stage venture fund for manufacturing and logistics technology startups.", "제조·물류 기술 초기 스타트업에 투자하는 벤처펀드입니다."},
		[]string{"smart_factory", "logistics", "ai"}, "mekongventures.example", true},
	{"institute", "KR", "Cheonan", tr{"Viện Công nghệ Sản xuất Hàn Quốc (KITECH)", "Korea Institute of Industrial Technology (KITECH)", "한국생산기술연구원"},
		tr{"Viện nghiên cứu công nghệ sản xuất của Chính phủ Hàn Quốc.", "Korean government research institute for production technology.", "정부출연 생산기술 연구기관입니다."},
		[]string{"smart_factory", "robotics", "metalworking"}, "kitech.example", true},
	{"association", "KR", "Seoul", tr{"Hiệp hội Công nghiệp Robot Hàn Quốc", "Korea Association of Robot Industry", "한국로봇산업협회"},
		tr{"Hiệp hội các nhà sản xuất robot Hàn Quốc, tổ chức gian hàng chung tại hội chợ quốc tế.", "Association of Korean robot makers, organising national pavilions at international fairs.", "한국 로봇 제조사 협회로 해외 전시회 한국관을 운영합니다."},
		[]string{"robotics", "agv_amr"}, "kari.example", true},
	{"institute", "TW", "Hsinchu", tr{"Viện Nghiên cứu Công nghệ Công nghiệp (ITRI)", "Industrial Technology Research Institute (ITRI)", "대만 공업기술연구원(ITRI)"},
		tr{"Viện nghiên cứu ứng dụng của Đài Loan về điện tử, bán dẫn và sản xuất thông minh.", "Taiwan's applied research institute for electronics, semiconductors and smart manufacturing.", "전자, 반도체, 스마트 제조 분야의 대만 응용연구기관입니다."},
		[]string{"semiconductors", "electronics", "smart_factory"}, "itri.example", true},

	// Institutions that do not exhibit.
	{"agency", "VN", "Thủ Dầu Một", tr{"Sở Khoa học và Công nghệ tỉnh Bình Dương", "Binh Duong Department of Science and Technology", "빈즈엉성 과학기술국"},
		tr{"Cơ quan quản lý nhà nước về khoa học, công nghệ và đổi mới sáng tạo của tỉnh; đơn vị tổ chức hội chợ và diễn đàn.", "The province's authority for science, technology and innovation; organizer of the fair and the forum.", "빈즈엉성 과학기술·혁신 담당 기관으로 박람회와 포럼을 주최합니다."},
		[]string{"smart_factory", "ai"}, "dost-binhduong.example", false},
	{"agency", "KR", "TP. Hồ Chí Minh", tr{"KOTRA Hồ Chí Minh", "KOTRA Ho Chi Minh City", "KOTRA 호치민 무역관"},
		tr{"Văn phòng của Cơ quan Xúc tiến Thương mại và Đầu tư Hàn Quốc; đồng tổ chức gian hàng Hàn Quốc.", "Office of the Korea Trade-Investment Promotion Agency; co-organizer of the Korea pavilion.", "대한무역투자진흥공사 호치민 무역관으로 한국관을 공동 주최합니다."},
		[]string{"smart_factory", "logistics"}, "kotra-hcmc.example", false},
	{"agency", "VN", "Thủ Dầu Một", tr{"Sở Công Thương tỉnh Bình Dương", "Binh Duong Department of Industry and Trade", "빈즈엉성 산업무역국"}, tr{}, []string{"logistics", "clean_energy"}, "doit-binhduong.example", false},
	{"agency", "VN", "Thủ Dầu Một", tr{"Ban Quản lý các Khu công nghiệp Bình Dương", "Binh Duong Industrial Zones Authority", "빈즈엉 산업단지관리위원회"}, tr{}, []string{"smart_factory", "logistics"}, "biza.example", false},
	{"agency", "VN", "Hà Nội", tr{"Trung tâm Đổi mới sáng tạo Quốc gia", "National Innovation Center (NIC)", "베트남 국가혁신센터(NIC)"}, tr{}, []string{"ai", "semiconductors"}, "nic.example", false},
	{"agency", "VN", "TP. Hồ Chí Minh", tr{"Sở Khoa học và Công nghệ TP. Hồ Chí Minh", "HCMC Department of Science and Technology", "호치민시 과학기술국"}, tr{}, []string{"ai", "smart_factory"}, "dost-hcmc.example", false},
	{"agency", "VN", "Hà Nội", tr{"Cục Xúc tiến Thương mại", "Vietnam Trade Promotion Agency", "베트남 무역진흥청"}, tr{}, []string{"logistics"}, "vietrade.example", false},
	{"agency", "JP", "TP. Hồ Chí Minh", tr{"JETRO Hồ Chí Minh", "JETRO Ho Chi Minh City", "JETRO 호치민 사무소"}, tr{}, []string{"smart_factory"}, "jetro-hcmc.example", false},
	{"association", "VN", "Thủ Dầu Một", tr{"Hiệp hội Doanh nghiệp tỉnh Bình Dương", "Binh Duong Business Association", "빈즈엉성 기업협회"}, tr{}, []string{"smart_factory", "textiles"}, "bba.example", false},
	{"association", "VN", "TP. Hồ Chí Minh", tr{"Hiệp hội Doanh nghiệp Dịch vụ Logistics Việt Nam", "Vietnam Logistics Business Association", "베트남 물류협회"}, tr{}, []string{"logistics", "cold_chain"}, "vla.example", false},
	{"association", "KR", "TP. Hồ Chí Minh", tr{"Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam (KOCHAM)", "Korean Chamber of Commerce in Vietnam (KOCHAM)", "주베트남 한국상공회의소"}, tr{}, []string{"electronics", "textiles"}, "kocham.example", false},
	{"association", "VN", "Hà Nội", tr{"Hiệp hội Dệt May Việt Nam", "Vietnam Textile and Apparel Association", "베트남 섬유의류협회"}, tr{}, []string{"textiles"}, "vitas.example", false},
	{"association", "VN", "Hà Nội", tr{"Hiệp hội Doanh nghiệp Cơ khí Việt Nam", "Vietnam Association of Mechanical Industry", "베트남 기계산업협회"}, tr{}, []string{"metalworking"}, "vami.example", false},
	{"association", "VN", "TP. Hồ Chí Minh", tr{"Hiệp hội Nhựa Việt Nam", "Vietnam Plastics Association", "베트남 플라스틱협회"}, tr{}, []string{"plastics", "packaging"}, "vpa.example", false},
	{"association", "DE", "TP. Hồ Chí Minh", tr{"Hiệp hội Doanh nghiệp Đức tại Việt Nam", "German Business Association in Vietnam", "주베트남 독일기업협회"}, tr{}, []string{"smart_factory", "clean_energy"}, "gba-vietnam.example", false},
	{"association", "TW", "Taichung", tr{"Hiệp hội Tự động hóa và Robot Đài Loan", "Taiwan Automation Intelligence and Robotics Association", "대만 자동화·로봇협회"}, tr{}, []string{"robotics", "agv_amr"}, "tairoa.example", false},
	{"institute", "VN", "Hà Nội", tr{"Đại học Bách khoa Hà Nội", "Hanoi University of Science and Technology", "하노이 과학기술대학교"}, tr{}, []string{"robotics", "semiconductors", "ai"}, "hust.example", false},
	{"institute", "VN", "Hà Nội", tr{"Viện Nghiên cứu Cơ khí", "National Research Institute of Mechanical Engineering", "베트남 국립기계연구원"}, tr{}, []string{"metalworking", "clean_energy"}, "narime.example", false},
	{"institute", "VN", "Thủ Dầu Một", tr{"Trường Đại học Kinh tế - Kỹ thuật Bình Dương", "Binh Duong Economic and Technology University", "빈즈엉 경제기술대학교"}, tr{}, []string{"logistics", "mes_erp"}, "ktkt-bd.example", false},
	{"institute", "KR", "Daejeon", tr{"Viện Máy và Vật liệu Hàn Quốc (KIMM)", "Korea Institute of Machinery and Materials (KIMM)", "한국기계연구원"}, tr{}, []string{"metalworking", "robotics"}, "kimm.example", false},
	{"institute", "KR", "Daejeon", tr{"Viện Nghiên cứu Điện tử và Viễn thông (ETRI)", "Electronics and Telecommunications Research Institute (ETRI)", "한국전자통신연구원"}, tr{}, []string{"ai", "iiot"}, "etri.example", false},
	{"institute", "KR", "Pohang", tr{"Đại học Khoa học và Công nghệ Pohang (POSTECH)", "Pohang University of Science and Technology (POSTECH)", "포항공과대학교"}, tr{}, []string{"semiconductors", "ai"}, "postech.example", false},
	{"investor", "VN", "TP. Hồ Chí Minh", tr{"Quỹ Công nghệ sâu Sài Gòn", "Saigon Deep Tech Fund", "사이공 딥테크 펀드"}, tr{}, []string{"ai", "robotics"}, "sgdeeptech.example", false},
	{"investor", "KR", "Seoul", tr{"", "Hanriver Partners", "한강파트너스"}, tr{}, []string{"smart_factory", "logistics"}, "hanriver.example", false},
	{"investor", "VN", "Hà Nội", tr{"Mạng lưới Nhà đầu tư Thiên thần Lotus", "Lotus Angel Network", ""}, tr{}, []string{"ai", "clean_energy"}, "lotusangels.example", false},
	{"investor", "JP", "Tokyo", tr{"", "Sakura Industrial Capital", "사쿠라 인더스트리얼 캐피탈"}, tr{}, []string{"smart_factory", "warehouse_automation"}, "sakuracap.example", false},
}

// provinces of the south-east region; each has a science department and a
// business association that send delegations.
var provinces = []struct{ vi, en, ko, slug string }{
	{"Đồng Nai", "Dong Nai", "동나이", "dongnai"},
	{"Long An", "Long An", "롱안", "longan"},
	{"Tây Ninh", "Tay Ninh", "떠이닌", "tayninh"},
	{"Bà Rịa – Vũng Tàu", "Ba Ria – Vung Tau", "바리어붕따우", "baria-vungtau"},
	{"Bình Phước", "Binh Phuoc", "빈프억", "binhphuoc"},
}

// Visitor companies: manufacturers that come to buy automation.
var visitorProducts = []struct {
	sector string
	field  tr
	slug   string
	what   tr
}{
	{"textiles", tr{"May mặc", "Garment", "의류"}, "garment", tr{"hàng may mặc xuất khẩu", "export garments", "수출용 의류"}},
	{"food_processing", tr{"Thực phẩm", "Foods", "식품"}, "foods", tr{"thực phẩm chế biến và đồ uống", "processed foods and beverages", "가공식품 및 음료"}},
	{"plastics", tr{"Nhựa", "Plastics", "플라스틱"}, "plastic", tr{"sản phẩm nhựa gia dụng và công nghiệp", "household and industrial plastic products", "생활·산업용 플라스틱 제품"}},
	{"metalworking", tr{"Cơ khí", "Mechanical", "기계"}, "mechanical", tr{"linh kiện cơ khí và khuôn mẫu", "machined parts and moulds", "기계 부품 및 금형"}},
	{"electronics", tr{"Linh kiện Điện tử", "Electronic Components", "전자부품"}, "components", tr{"linh kiện điện tử và bo mạch", "electronic components and circuit boards", "전자 부품 및 기판"}},
	{"packaging", tr{"Bao bì", "Packaging", "포장재"}, "pack", tr{"thùng carton và màng nhựa", "cartons and plastic films", "골판지 상자 및 플라스틱 필름"}},
	{"cold_chain", tr{"Thủy sản", "Seafood", "수산"}, "seafood", tr{"thủy sản đông lạnh", "frozen seafood", "냉동 수산물"}},
	{"logistics", tr{"Kho vận", "Distribution", "유통"}, "distribution", tr{"dịch vụ phân phối hàng tiêu dùng", "consumer goods distribution", "소비재 유통 서비스"}},
}

// visitorTemplate describes a visitor company: product, city, workforce.
var visitorTemplate = tr{"Nhà sản xuất %s tại %s, khoảng %d công nhân.", "Maker of %s in %s, about %d workers.", "%s 생산기업(%s 소재), 근로자 약 %d명."}

// exhibitorNotes are the organizers' private notes on an exhibitor.
var exhibitorNotes = []string{
	"Đã nhận thanh toán đợt 1 (50%).",
	"Cần điện 3 pha 380V, 15 kW cho máy trình diễn.",
	"Xin gian góc nếu còn.",
	"Hàng mẫu nặng 2,5 tấn: cần xe nâng ngày dựng gian hàng.",
	"Requested a corner booth near the Korea pavilion.",
	"Invoice to be issued to the Vietnamese subsidiary.",
	"Live robot demo: needs safety fence approval.",
	"Shipping exhibits by sea; customs via bonded warehouse.",
}

// koreaNotes are written by the KOTRA desk about Korean exhibitors.
var koreaNotes = []string{
	"참가비 잔금 3월 1일까지 납부 예정.",
	"KOTRA 지원 기업 — 한국관 배치.",
	"통역 1명 요청 (한국어–베트남어).",
}
