package demo

// The venue and the two events.
var (
	venueName    = tr{"Trung tâm WTC Thành phố mới Bình Dương", "WTC Binh Duong New City", "WTC 빈즈엉 신도시"}
	venueAddress = "Hung Vuong Boulevard, Hoa Phu Ward, Binh Duong New City"
	// venueAddressName is the address as each reader writes it.
	venueAddressName = tr{"Đại lộ Hùng Vương, phường Hòa Phú, Thành phố mới Bình Dương", venueAddress, "빈즈엉 신도시 호아푸동 훙브엉 대로"}.text()

	fairName = tr{"Triển lãm Nhà máy Thông minh & Tự động hóa Logistics 2027", "Smart Factory & Logistics Automation Expo 2027", "스마트 팩토리 & 물류 자동화 박람회 2027"}
	// fairDesc takes the number of approved exhibitors and of their
	// countries (describeFair).
	fairDesc = tr{
		"Triển lãm quốc tế về nhà máy thông minh, robot, tự động hóa kho và logistics: %[1]d doanh nghiệp, viện trường và startup từ %[2]d quốc gia, với gian hàng quốc gia Hàn Quốc.",
		"International exhibition of smart factory, robotics, warehouse and logistics automation: %[1]d companies, universities and startups from %[2]d countries, with a Korea national pavilion.",
		"스마트 팩토리, 로봇, 창고·물류 자동화 국제 전시회: %[2]d개국 %[1]d개 기업·대학·스타트업 참가, 한국관 운영.",
	}
	fairPartner = "KOTRA (Korea Trade-Investment Promotion Agency)"
	// fairPartnerName is the co-organizer as each reader knows it.
	fairPartnerName = tr{"KOTRA (Cơ quan Xúc tiến Thương mại và Đầu tư Hàn Quốc)", fairPartner, "KOTRA (대한무역투자진흥공사)"}.text()

	forumName = tr{"Diễn đàn Đổi mới sáng tạo trong Sản xuất 2027", "Innovation in Manufacturing Forum 2027", "제조 혁신 포럼 2027"}
	forumDesc = tr{
		"Hai ngày hội thảo về nhà máy thông minh, tự động hóa logistics, thương mại hóa kết quả nghiên cứu và hợp tác Hàn Quốc – Việt Nam.",
		"Two days of talks and panels on smart factories, logistics automation, bringing research to market and Korea–Vietnam cooperation.",
		"스마트 팩토리, 물류 자동화, 연구 성과 사업화, 한-베 협력을 주제로 한 이틀간의 강연과 패널 토론.",
	}

	// Last year's B2B matchmaking day: its meetings took place, and some
	// led somewhere (the outcomes).
	pastName = tr{"Ngày Kết nối B2B – Diễn đàn Đổi mới sáng tạo trong Sản xuất 2026", "B2B Matchmaking Day – Innovation in Manufacturing Forum 2026", "B2B 매칭 데이 – 제조 혁신 포럼 2026"}
	pastDesc = tr{
		"Một ngày gặp gỡ 1:1 giữa doanh nghiệp sản xuất, viện trường và nhà cung cấp Hàn Quốc, bên lề Diễn đàn 2026.",
		"A day of 1:1 meetings between manufacturers, institutes and Korean suppliers, alongside the 2026 forum.",
		"2026 포럼 기간에 열린 제조기업·연구기관·한국 공급기업 간 1:1 미팅의 날.",
	}
)

// Event dates, in the venue's zone.
const (
	fairStart  = "2027-03-10"
	fairEnd    = "2027-03-12"
	forumStart = "2027-03-10"
	forumEnd   = "2027-03-11"
	pastDay    = "2026-04-16"
)

// hallSpec is the floor of one hall and how its zones split it from left to
// right (shares of the width, aligned on the cross aisles).
type hallSpec struct {
	code     string
	name     tr
	w, d     float64 // metres
	target   int     // booths in the hall
	zones    []zoneSpec
	islands  [][]float64 // island sizes per island segment, left to right
	rawWidth []float64   // raw spaces along the back wall, left to right
}

type zoneSpec struct {
	code  string
	share int
}

// The four halls hold exactly 2,000 booths together.
var hallSpecs = []hallSpec{
	{"A", tr{"Hội trường A – Robot & AGV/AMR", "Hall A – Robotics & AGV/AMR", "A홀 – 로봇 & AGV/AMR"}, 150, 106, 545,
		[]zoneSpec{{"robotics", 3}, {"agv_amr", 2}}, [][]float64{{12, 12}, {9, 6, 6}}, []float64{15, 12, 12, 18, 15, 12, 12}},
	{"B", tr{"Hội trường B – Thị giác máy & IIoT", "Hall B – Machine vision & IIoT", "B홀 – 머신 비전 & IIoT"}, 144, 106, 520,
		[]zoneSpec{{"machine_vision", 2}, {"iiot", 2}, {"KR", 3}}, [][]float64{{9, 9}, {12, 9}}, []float64{12, 15, 12, 12, 15, 12}},
	{"C", tr{"Hội trường C – MES/ERP & Phần mềm nhà máy thông minh", "Hall C – MES/ERP & smart factory software", "C홀 – MES/ERP & 스마트 팩토리 소프트웨어"}, 126, 106, 430,
		[]zoneSpec{{"mes_erp", 1}, {"smart_factory", 1}}, [][]float64{{9, 6, 6}}, []float64{12, 12, 15, 12, 12}},
	{"D", tr{"Hội trường D – Tự động hóa kho & Năng lượng sạch", "Hall D – Warehouse automation & clean energy", "D홀 – 창고 자동화 & 청정 에너지"}, 144, 106, 505,
		[]zoneSpec{{"warehouse_automation", 2}, {"logistics", 1}, {"clean_energy", 1}}, [][]float64{{12, 12}, {9, 9}}, []float64{18, 15, 15, 12, 18, 15}},
}

// Booth prices in VND: money is integer dong.
const (
	shellModuleVND = 30_000_000 // one 3 × 3 m shell booth
	rawPerM2VND    = 2_600_000  // raw space, per square metre
)

// Forum rooms.
var roomSpecs = []struct {
	name     tr
	capacity int
}{
	{tr{"Hội trường lớn", "Grand Ballroom", "그랜드 볼룸"}, 600},
	{tr{"Phòng Sen", "Lotus Room", "연꽃 룸"}, 200},
	{tr{"Phòng Mai", "Apricot Blossom Room", "매화 룸"}, 120},
	{tr{"Phòng Trúc", "Bamboo Room", "대나무 룸"}, 80},
}

// Forum tracks.
const (
	trackFactory   = "Smart factory"
	trackLogistics = "Logistics automation"
	trackResearch  = "Research to market"
	trackKorea     = "Korea–Vietnam cooperation"
)

// trackNames names the tracks in the three languages; the English name is
// the key the sessions hold.
var trackNames = []tr{
	{"Nhà máy thông minh", trackFactory, "스마트 팩토리"},
	{"Tự động hóa logistics", trackLogistics, "물류 자동화"},
	{"Từ nghiên cứu đến thị trường", trackResearch, "연구 성과 사업화"},
	{"Hợp tác Hàn Quốc – Việt Nam", trackKorea, "한·베 협력"},
}

// roomTracks is the track each room runs on each forum day: [day][room].
var roomTracks = [2][4]string{
	{trackFactory, trackLogistics, trackResearch, trackKorea},
	{trackKorea, trackFactory, trackLogistics, trackResearch},
}

// talk is a session title; panels get several speakers and a moderator.
type talk struct {
	title tr
	panel bool
}

// openingSession starts the forum in the Grand Ballroom.
var openingSession = talk{tr{"Khai mạc và phiên toàn thể: Bình Dương – trung tâm sản xuất thông minh của Đông Nam Á", "Opening plenary: Binh Duong, Southeast Asia's smart manufacturing hub", "개막 전체회의: 동남아 스마트 제조 허브 빈즈엉"}, true}

var trackTalks = map[string][]talk{
	trackFactory: {
		{tr{"Từ dây chuyền thủ công đến nhà máy thông minh: lộ trình 3 năm cho doanh nghiệp vừa và nhỏ", "From manual lines to a smart factory: a three-year roadmap for SMEs", "수작업 라인에서 스마트 팩토리로: 중소기업 3개년 로드맵"}, false},
		{tr{"Robot cộng tác trong nhà máy điện tử: bài học triển khai", "Cobots in electronics plants: lessons from deployment", "전자 공장의 협동 로봇: 도입 교훈"}, false},
		{tr{"Thị giác máy dùng AI để kiểm tra chất lượng 100%", "AI machine vision for 100% quality inspection", "AI 머신 비전으로 전수 품질 검사"}, false},
		{tr{"MES và dữ liệu thời gian thực: đo đúng OEE", "MES and real-time data: measuring OEE right", "MES와 실시간 데이터: 올바른 OEE 측정"}, false},
		{tr{"Bản sao số cho dây chuyền ép nhựa", "Digital twins for injection moulding lines", "사출 성형 라인의 디지털 트윈"}, false},
		{tr{"Tọa đàm: Chuyển đổi số trong ngành dệt may và da giày", "Panel: digital transformation in textiles and footwear", "패널: 섬유·신발 산업의 디지털 전환"}, true},
		{tr{"Bảo trì dự đoán với cảm biến IoT giá rẻ", "Predictive maintenance with low-cost IoT sensors", "저가 IoT 센서를 활용한 예지 보전"}, false},
		{tr{"An ninh mạng cho hệ thống điều khiển công nghiệp", "Cybersecurity for industrial control systems", "산업 제어 시스템 사이버 보안"}, false},
		{tr{"Tọa đàm: Nhân lực kỹ thuật cho nhà máy thông minh", "Panel: the technical workforce of smart factories", "패널: 스마트 팩토리 기술 인력"}, true},
		{tr{"Năng lượng mặt trời và lưu trữ cho nhà xưởng", "Solar and storage for factory buildings", "공장용 태양광과 에너지 저장"}, false},
		{tr{"AI tạo sinh trên sàn sản xuất: thực tế và kỳ vọng", "Generative AI on the shop floor: hype and practice", "생산 현장의 생성형 AI: 기대와 현실"}, false},
	},
	trackLogistics: {
		{tr{"Kho tự động AS/RS: khi nào thì có lãi?", "AS/RS warehouses: when do they pay off?", "자동화 창고(AS/RS): 언제 수익이 나는가?"}, false},
		{tr{"AMR trong kho thương mại điện tử", "AMRs in e-commerce fulfilment", "이커머스 풀필먼트의 AMR"}, false},
		{tr{"Tọa đàm: Logistics cho các khu công nghiệp Bình Dương", "Panel: logistics for Binh Duong's industrial parks", "패널: 빈즈엉 산업단지 물류"}, true},
		{tr{"Chuỗi lạnh cho thủy sản xuất khẩu: giám sát nhiệt độ theo thời gian thực", "Cold chain for seafood exports: real-time temperature monitoring", "수출 수산물 콜드체인: 실시간 온도 모니터링"}, false},
		{tr{"Phân loại bưu kiện tốc độ cao", "High-speed parcel sorting", "고속 소포 분류"}, false},
		{tr{"Cảng cạn và kết nối đường thủy: giảm chi phí logistics", "Inland ports and waterways: cutting logistics costs", "내륙항과 수운 연계: 물류비 절감"}, false},
		{tr{"WMS và TMS trên nền tảng đám mây", "Cloud WMS and TMS", "클라우드 WMS·TMS"}, false},
		{tr{"Tọa đàm: Xe nâng tự hành và an toàn lao động", "Panel: autonomous forklifts and workplace safety", "패널: 자율주행 지게차와 작업장 안전"}, true},
		{tr{"Bao bì thông minh và truy xuất nguồn gốc", "Smart packaging and traceability", "스마트 포장과 이력 추적"}, false},
		{tr{"Tối ưu tuyến giao hàng bằng AI", "AI route optimisation for deliveries", "AI 배송 경로 최적화"}, false},
	},
	trackResearch: {
		{tr{"Thương mại hóa kết quả nghiên cứu: từ phòng thí nghiệm đến nhà máy", "Commercialising research: from the lab to the plant", "연구 성과 사업화: 실험실에서 공장까지"}, false},
		{tr{"Quỹ đổi mới công nghệ và cơ chế đặt hàng của tỉnh", "Technology innovation funds and the province's commissioning scheme", "기술혁신 기금과 성의 과제 발주 제도"}, false},
		{tr{"Tọa đàm: Doanh nghiệp – viện – trường: mô hình ba nhà", "Panel: the triple helix of companies, institutes and universities", "패널: 기업·연구소·대학 삼중나선 모델"}, true},
		{tr{"Sở hữu trí tuệ và chuyển giao công nghệ cho startup", "IP and technology transfer for startups", "스타트업을 위한 지식재산과 기술이전"}, false},
		{tr{"Phòng thí nghiệm mở về robot tại Thành phố mới Bình Dương", "An open robotics lab in Binh Duong New City", "빈즈엉 신도시 오픈 로봇 연구실"}, false},
		{tr{"Gọi vốn cho startup công nghệ sản xuất", "Raising capital for manufacturing-tech startups", "제조 기술 스타트업 투자 유치"}, false},
		{tr{"Nhà máy thí điểm: thử nghiệm công nghệ mới với rủi ro thấp", "Pilot plants: testing new technology at low risk", "시범 공장: 낮은 위험으로 신기술 실증"}, false},
		{tr{"Tọa đàm: Đo lường đổi mới sáng tạo của đô thị thông minh", "Panel: measuring a smart city's innovation", "패널: 스마트 시티 혁신 성과 측정"}, true},
		{tr{"Vật liệu mới cho bán dẫn: cơ hội cho Việt Nam", "New semiconductor materials: Vietnam's opportunity", "반도체 신소재: 베트남의 기회"}, false},
		{tr{"Đào tạo kỹ sư theo mô hình song hành", "Dual-track engineer training", "산학 병행 엔지니어 교육"}, false},
	},
	trackKorea: {
		{tr{"Chương trình nhà máy thông minh Hàn Quốc: 30.000 doanh nghiệp sau 10 năm", "Korea's smart factory programme: 30,000 companies in ten years", "한국 스마트공장 보급사업: 10년간 3만 개 기업"}, false},
		{tr{"Tọa đàm: Chuỗi cung ứng Hàn Quốc – Việt Nam trong ngành điện tử", "Panel: Korea–Vietnam supply chains in electronics", "패널: 전자산업 한-베 공급망"}, true},
		{tr{"Cơ hội cho nhà cung cấp Việt Nam trong chuỗi của doanh nghiệp FDI Hàn Quốc", "Opportunities for Vietnamese suppliers in Korean FDI chains", "한국 FDI 공급망 내 베트남 협력사 기회"}, false},
		{tr{"Hợp tác R&D giữa viện nghiên cứu Hàn Quốc và đại học Việt Nam", "R&D cooperation between Korean institutes and Vietnamese universities", "한국 연구기관과 베트남 대학의 R&D 협력"}, false},
		{tr{"Logistics xuyên biên giới Hàn Quốc – Việt Nam", "Cross-border logistics between Korea and Vietnam", "한-베 국경 간 물류"}, false},
		{tr{"Tọa đàm: Startup Hàn Quốc tại Việt Nam", "Panel: Korean startups in Vietnam", "패널: 베트남 진출 한국 스타트업"}, true},
		{tr{"Robot Hàn Quốc cho nhà máy Việt Nam: tùy biến và bảo trì", "Korean robots for Vietnamese plants: customising and servicing", "베트남 공장을 위한 한국 로봇: 맞춤화와 유지보수"}, false},
		{tr{"Tiêu chuẩn và chứng nhận cho xuất khẩu sang Hàn Quốc", "Standards and certification for exports to Korea", "한국 수출을 위한 표준과 인증"}, false},
		{tr{"Năng lượng xanh trong khu công nghiệp: kinh nghiệm Hàn Quốc", "Green energy in industrial parks: the Korean experience", "산업단지 그린에너지: 한국의 경험"}, false},
		{tr{"Đào tạo kỹ thuật viên Việt Nam tại doanh nghiệp Hàn Quốc", "Training Vietnamese technicians at Korean companies", "한국 기업의 베트남 기술인력 양성"}, false},
	},
}

// Abstracts: talks and panels, with the interpretation line per language.
var (
	talkAbstracts = []tr{
		{"Bài trình bày chia sẻ kinh nghiệm triển khai thực tế tại các nhà máy ở Bình Dương và khu vực, kèm số liệu trước và sau.", "A talk sharing hands-on experience from plants in Binh Duong and the region, with before-and-after figures.", "빈즈엉과 인근 지역 공장의 실제 도입 경험을 전후 수치와 함께 공유합니다."},
		{"Giới thiệu công nghệ, chi phí đầu tư và thời gian hoàn vốn; phần hỏi đáp 10 phút.", "Covers the technology, the investment and the payback period; ten minutes of questions.", "기술, 투자 비용, 회수 기간을 소개하고 10분간 질의응답을 진행합니다."},
		{"Nghiên cứu tình huống với doanh nghiệp vừa và nhỏ, những sai lầm thường gặp và cách tránh.", "A case study with small and medium manufacturers: the usual mistakes and how to avoid them.", "중소 제조기업 사례 연구: 흔한 실수와 예방 방법."},
	}
	panelAbstracts = []tr{
		{"Phiên thảo luận với đại diện doanh nghiệp, viện nghiên cứu và cơ quan quản lý; khán giả đặt câu hỏi trực tiếp.", "A discussion with companies, research institutes and the authorities; questions from the floor.", "기업, 연구기관, 정부 관계자가 참여하는 토론으로 현장 질의를 받습니다."},
		{"Các diễn giả tranh luận về rào cản, chính sách hỗ trợ và mô hình hợp tác hiệu quả.", "Speakers debate the obstacles, the support policies and the partnerships that work.", "연사들이 장애 요인, 지원 정책, 효과적인 협력 모델을 논의합니다."},
	}
	interpretation = map[string]tr{
		"vi": {"Ngôn ngữ: tiếng Việt, có phiên dịch tiếng Anh và tiếng Hàn.", "In Vietnamese, interpreted into English and Korean.", "베트남어 진행, 영어·한국어 통역 제공."},
		"en": {"Ngôn ngữ: tiếng Anh, có phiên dịch tiếng Việt.", "In English, interpreted into Vietnamese.", "영어 진행, 베트남어 통역 제공."},
		"ko": {"Ngôn ngữ: tiếng Hàn, có phiên dịch tiếng Việt.", "In Korean, interpreted into Vietnamese.", "한국어 진행, 베트남어 통역 제공."},
	}
)

// speakerRoles are the positions speakers hold, by kind of organization.
var speakerRoles = map[string][]tr{
	"institute": {
		{"Phó Giáo sư, Khoa Cơ khí", "Associate Professor, Faculty of Mechanical Engineering", "기계공학부 부교수"},
		{"Viện trưởng", "Director", "원장"},
		{"Trưởng phòng thí nghiệm Robot", "Head of the Robotics Lab", "로봇연구실장"},
		{"Trưởng phòng Quản lý Khoa học", "Head of Research Management", "연구관리처장"},
	},
	"agency": {
		{"Phó Giám đốc", "Deputy Director", "부국장"},
		{"Trưởng phòng Quản lý Công nghệ", "Head of Technology Management", "기술관리과장"},
		{"Giám đốc", "Director", "국장"},
	},
	"association": {
		{"Chủ tịch", "Chairman", "회장"},
		{"Tổng Thư ký", "Secretary General", "사무총장"},
	},
	"investor": {
		{"Đối tác Điều hành", "Managing Partner", "대표 파트너"},
		{"Giám đốc Đầu tư", "Investment Director", "투자 이사"},
	},
	"enterprise": {
		{"Tổng Giám đốc", "CEO", "대표이사"},
		{"Giám đốc Công nghệ", "CTO", "최고기술책임자(CTO)"},
		{"Giám đốc Kinh doanh", "Sales Director", "영업이사"},
		{"Giám đốc Nhà máy", "Plant Director", "공장장"},
	},
}
