package recommend

import "strings"

// A concept is one idea of the domain, named by its surface forms in
// English, Vietnamese and Korean. Two cards that mention the same concept in
// different languages share its term, which is how a Korean offer finds a
// Vietnamese need. Forms are separated by "|".
//
// English and Vietnamese forms are matched on folded words (longest phrase
// first, up to four words); Korean forms are matched inside Hangul runs,
// since Korean writes compounds and particles without spaces.
type concept struct {
	id     string
	en, vi string
	ko     string
	weight float64 // 1 for a specific idea; lower for a generic one; 0 absorbs a phrase that would otherwise mislead
}

// lexicon is the concept list. Weight 0 entries exist for their folded forms
// only: "khó khăn" (difficulty) folds to "kho khan" and must not read as
// "kho" (warehouse).
var lexicon = []concept{
	// Absorbers: phrases whose folded words collide with a concept.
	{"x_difficulty", "difficulty", "khó khăn|gặp khó", "어려움", 0},
	{"x_drying", "drying|dryer|dehydration", "sấy khô|sấy|làm khô", "건조", 1},
	{"x_sewing_machine", "sewing machine", "máy may|máy khâu", "재봉기", 1},
	{"x_korea", "korea|korean|south korea", "hàn quốc", "한국", 0},
	{"x_plan", "plan", "kế hoạch|kế toán", "계획", 0},
	{"x_per_year", "per year|annually", "mỗi năm|hằng năm", "연간", 0},
	{"x_ho_chi_minh", "ho chi minh city|saigon", "thành phố hồ chí minh|tp hcm", "호찌민", 0},

	// Automation and factories.
	{"automation", "automation|automate|automated|automatic", "tự động hóa|tự động hoá|tự động", "자동화|자동", 1},
	{"smart_factory", "smart factory|smart manufacturing|industry 4.0|digital factory", "nhà máy thông minh|sản xuất thông minh|công nghiệp 4.0", "스마트팩토리|스마트공장|스마트제조", 1},
	{"factory", "factory|plant|manufacturing plant|workshop", "nhà máy|xưởng|phân xưởng|xí nghiệp", "공장|제조공장", 0.5},
	{"manufacturer", "manufacturer|producer|manufacturing", "nhà sản xuất|doanh nghiệp sản xuất|sản xuất", "제조|제조사|제조업", 0.4},
	{"production_line", "production line|assembly line|packing line", "dây chuyền|dây chuyền sản xuất|dây chuyền lắp ráp", "생산라인|조립라인", 1},
	{"assembly", "assembly|assembling", "lắp ráp", "조립", 1},
	{"robot", "robot|robotic|robotics|cobot|collaborative robot|robot arm", "rô bốt|rô-bốt|robot|cánh tay robot|người máy", "로봇|협동로봇|로봇팔", 1},
	{"cobot", "cobot|collaborative robot", "robot cộng tác", "협동로봇", 1},
	{"welding", "welding|welder|weld", "hàn|máy hàn|robot hàn", "용접", 1},
	{"painting", "painting|spray painting|coating", "phun sơn|sơn phủ|sơn tĩnh điện", "도장|코팅", 1},
	{"palletizing", "palletizing|palletising|palletizer|depalletizing", "xếp pallet|xếp dỡ pallet", "팔레타이징|적재", 1},
	{"pick_and_place", "pick and place|picking|bin picking", "gắp thả|gắp sản phẩm|lấy hàng", "피킹|픽앤플레이스", 1},
	{"gripper", "gripper|end effector", "tay gắp|đầu gắp", "그리퍼", 1},
	{"cnc", "cnc|machining|machine tool|milling|lathe", "cnc|gia công|máy công cụ|máy phay|máy tiện", "가공|공작기계|밀링", 1},
	{"injection_molding", "injection molding|injection moulding|mould|mold", "ép phun|khuôn|khuôn mẫu", "사출|금형|사출성형", 1},
	{"plc", "plc|programmable logic controller|scada|dcs|control system", "plc|bộ điều khiển|hệ thống điều khiển|scada", "plc|제어시스템|제어기", 1},
	{"servo", "servo|motor|drive|inverter", "động cơ|servo|biến tần", "서보|모터|인버터", 1},
	{"sensor", "sensor|sensing|transducer", "cảm biến", "센서", 1},
	{"actuator", "actuator|pneumatic|hydraulic", "cơ cấu chấp hành|khí nén|thủy lực", "액추에이터|공압|유압", 1},
	{"conveyor", "conveyor|conveyor belt|sorter|sortation", "băng tải|băng chuyền|máy phân loại", "컨베이어|분류기", 1},
	{"retrofit", "retrofit|upgrade|modernisation|modernization|refurbish", "nâng cấp|cải tạo|hiện đại hóa", "개조|업그레이드|현대화", 0.7},
	{"mechanical", "mechanical engineering|mechanical|mechatronics", "cơ khí|cơ điện tử", "기계|메카트로닉스", 0.7},
	{"machinery", "machinery|machine|equipment", "máy móc|thiết bị", "기계장비|설비|장비", 0.3},
	{"lean", "lean|kaizen|5s|oee|overall equipment effectiveness|productivity", "tinh gọn|cải tiến|năng suất|hiệu suất thiết bị", "개선|생산성|설비종합효율", 0.8},
	{"downtime", "downtime|breakdown|unplanned stop|failure", "dừng máy|hỏng hóc|sự cố|thời gian chết", "고장|정지|다운타임", 1},
	{"maintenance", "maintenance|repair|servicing", "bảo trì|bảo dưỡng|sửa chữa", "유지보수|보전|정비", 0.8},
	{"predictive", "predictive maintenance|condition monitoring|vibration analysis|predictive", "bảo trì dự đoán|giám sát tình trạng|phân tích rung|dự đoán", "예지보전|상태감시|진동분석", 1},
	{"vibration", "vibration|acoustic", "rung|độ rung", "진동", 1},

	// Vision and quality.
	{"machine_vision", "machine vision|computer vision|vision system|camera|image processing", "thị giác máy|thị giác máy tính|camera|xử lý ảnh", "머신비전|비전|카메라|영상처리", 1},
	{"inspection", "inspection|inspect|defect detection|defect|quality inspection", "kiểm tra|phát hiện lỗi|lỗi sản phẩm|hàng lỗi|tỷ lệ lỗi|khuyết tật|kiểm tra chất lượng", "검사|불량|결함|불량검출", 1},
	{"quality", "quality|quality control|qc|qa|quality assurance", "chất lượng|kiểm soát chất lượng", "품질|품질관리", 0.7},
	{"measurement", "measurement|metrology|calibration|testing|test", "đo lường|hiệu chuẩn|kiểm định|thiết bị đo|đo đạc", "계측|측정|교정|시험", 0.8},
	{"traceability", "traceability|track and trace|tracking|serialization", "truy xuất nguồn gốc|truy xuất|theo dõi", "추적|이력관리|추적성", 1},
	{"barcode_rfid", "barcode|rfid|qr code|label|labelling", "mã vạch|rfid|mã qr|dán nhãn|in nhãn", "바코드|rfid|라벨", 1},
	{"ocr", "ocr|text recognition", "nhận dạng ký tự", "문자인식", 1},
	{"xray", "x-ray|xray|ct scan", "tia x|x quang", "엑스레이", 1},
	{"color_sorting", "color sorting|colour sorting|optical sorting", "phân loại màu|tách màu", "색채선별|광학선별", 1},

	// Software, data, IT.
	{"mes", "mes|manufacturing execution system|production management|production planning", "mes|quản lý sản xuất|hệ thống điều hành sản xuất|lập kế hoạch sản xuất", "mes|생산관리|생산계획|생산관리시스템", 1},
	{"erp", "erp|enterprise resource planning|accounting software", "erp|hoạch định nguồn lực|phần mềm kế toán", "erp|전사적자원관리", 1},
	{"software", "software|platform|application|app|saas", "phần mềm|nền tảng|ứng dụng", "소프트웨어|플랫폼|솔루션", 0.4},
	{"digitalization", "digital transformation|digitalization|digitalisation|digitization|digital", "chuyển đổi số|số hóa|số hoá", "디지털전환|디지털화|디지털", 0.8},
	{"data", "data|dataset|database|analytics|dashboard|big data", "dữ liệu|phân tích dữ liệu|bảng điều khiển", "데이터|분석|대시보드|빅데이터", 0.6},
	{"ai", "ai|artificial intelligence|machine learning|deep learning|neural network", "trí tuệ nhân tạo|ai|học máy|học sâu|mạng nơ ron", "인공지능|머신러닝|딥러닝|신경망", 1},
	{"llm", "large language model|llm|chatbot|generative ai", "mô hình ngôn ngữ lớn|chatbot|trợ lý ảo", "대규모언어모델|챗봇|생성형", 1},
	{"iot", "iot|internet of things|iiot|connected device|telemetry", "iot|internet vạn vật|kết nối thiết bị", "사물인터넷|iot|원격측정", 1},
	{"edge", "edge computing|edge|gateway", "điện toán biên|cổng kết nối", "엣지컴퓨팅|엣지|게이트웨이", 1},
	{"cloud", "cloud|cloud computing|data center|datacenter", "điện toán đám mây|đám mây|trung tâm dữ liệu", "클라우드|데이터센터", 1},
	{"cybersecurity", "cybersecurity|cyber security|security|ot security|firewall", "an ninh mạng|bảo mật|an toàn thông tin", "사이버보안|보안|정보보호", 1},
	{"digital_twin", "digital twin|simulation|virtual commissioning", "bản sao số|mô phỏng|song sinh số", "디지털트윈|시뮬레이션", 1},
	{"optimization", "optimization|optimisation|optimize|scheduling|planning", "tối ưu|tối ưu hóa|lập lịch|điều độ", "최적화|스케줄링", 0.8},
	{"forecasting", "forecasting|forecast|demand planning|prediction", "dự báo|dự báo nhu cầu", "수요예측|예측", 1},
	{"5g", "5g|private network|wireless|wifi|lora|lorawan", "5g|mạng riêng|mạng không dây|wifi", "5g|특화망|무선", 1},
	{"blockchain", "blockchain|distributed ledger", "chuỗi khối|blockchain", "블록체인", 1},
	{"ar_vr", "augmented reality|virtual reality|ar|vr|metaverse", "thực tế ảo|thực tế tăng cường", "증강현실|가상현실|메타버스", 1},
	{"energy_monitoring", "energy monitoring|energy management|ems|power meter|smart meter", "giám sát năng lượng|quản lý năng lượng|đồng hồ điện thông minh", "에너지관리|에너지모니터링|스마트미터", 1},

	// Warehouses and logistics.
	{"warehouse", "warehouse|warehousing|storehouse|distribution center|fulfilment center|fulfillment center", "kho|kho hàng|nhà kho|kho bãi|trung tâm phân phối", "창고|물류센터|풀필먼트", 1},
	{"agv", "agv|amr|automated guided vehicle|autonomous mobile robot|mobile robot", "agv|amr|xe tự hành|robot tự hành|xe dẫn đường tự động", "agv|amr|무인운반차|자율주행로봇|이동로봇", 1},
	{"forklift", "forklift|reach truck|pallet truck", "xe nâng|xe nâng hàng", "지게차", 1},
	{"asrs", "as/rs|asrs|automated storage|shuttle|stacker crane|high bay", "kho tự động|kho cao tầng|hệ thống lưu trữ tự động", "자동창고|스태커크레인|셔틀", 1},
	{"wms", "wms|warehouse management system|inventory management|inventory", "quản lý kho|phần mềm quản lý kho|tồn kho|quản lý tồn kho", "창고관리시스템|재고관리|재고", 1},
	{"logistics", "logistics|freight|shipping|transport|transportation|delivery|last mile", "logistics|vận tải|vận chuyển|giao hàng|giao nhận", "물류|운송|배송|화물", 1},
	{"cold_chain", "cold chain|refrigerated|cold storage|freezer|chilled", "chuỗi lạnh|kho lạnh|đông lạnh|bảo quản lạnh", "콜드체인|냉장|냉동|저온", 1},
	{"supply_chain", "supply chain|procurement|sourcing|supplier", "chuỗi cung ứng|mua hàng|nhà cung cấp|cung ứng", "공급망|조달|공급업체|협력사", 0.7},
	{"port", "port|container|terminal|seaport|inland port", "cảng|container|cảng cạn|bến cảng", "항만|컨테이너|터미널", 1},
	{"fleet", "fleet|truck|trucking|route optimization|vehicle tracking", "đội xe|xe tải|tối ưu tuyến|định vị xe", "차량관리|트럭|경로최적화", 1},
	{"packaging", "packaging|packing|carton|box|wrapping|sealing", "bao bì|đóng gói|thùng carton|đóng thùng", "포장|패키징|박스", 1},
	{"pallet", "pallet|racking|shelving|rack", "pallet|giá kệ|kệ chứa hàng|kệ hàng|kệ kho", "팔레트|선반|적재랙", 1},
	{"customs", "customs|export|import|cross-border", "hải quan|xuất khẩu|nhập khẩu|xuất nhập khẩu", "통관|수출|수입", 0.7},

	// Energy and environment.
	{"solar", "solar|photovoltaic|pv|rooftop solar|solar panel", "năng lượng mặt trời|điện mặt trời|pin mặt trời|điện mặt trời mái nhà", "태양광|태양전지", 1},
	{"wind", "wind|wind turbine|offshore wind", "điện gió|tua bin gió|năng lượng gió", "풍력", 1},
	{"renewable", "renewable|clean energy|green energy|green power", "năng lượng tái tạo|năng lượng sạch|năng lượng xanh", "재생에너지|신재생|청정에너지", 1},
	{"energy", "energy|power|electricity|electric power", "năng lượng|điện năng|điện lực", "에너지|전력|전기", 0.4},
	{"energy_saving", "energy saving|energy efficiency|energy efficient|reduce energy|power consumption", "tiết kiệm năng lượng|tiết kiệm điện|hiệu quả năng lượng|tiêu thụ điện", "에너지절감|에너지효율|절전|전력소비", 1},
	{"battery", "battery|energy storage|bess|lithium|li-ion", "pin|lưu trữ năng lượng|ắc quy|pin lithium", "배터리|에너지저장|리튬|이차전지", 1},
	{"hydrogen", "hydrogen|fuel cell|electrolyzer", "hydro|hydrogen|pin nhiên liệu", "수소|연료전지", 1},
	{"carbon", "carbon|co2|emission|emissions|net zero|decarbonization|ghg|carbon footprint", "carbon|khí thải|phát thải|trung hòa carbon|dấu chân carbon|net zero", "탄소|배출|탄소중립|온실가스", 1},
	{"esg", "esg|sustainability|sustainable|green", "esg|bền vững|phát triển bền vững|xanh", "esg|지속가능|친환경", 0.7},
	{"wastewater", "wastewater|waste water|effluent|water treatment|water", "nước thải|xử lý nước|xử lý nước thải|nước sạch", "폐수|수처리|용수", 1},
	{"recycling", "recycling|recycle|recycled|circular|waste|scrap", "tái chế|chất thải|rác thải|phế liệu|tuần hoàn", "재활용|폐기물|순환|스크랩", 1},
	{"heat", "heat recovery|waste heat|boiler|steam|hvac|chiller|compressed air", "thu hồi nhiệt|nhiệt thải|lò hơi|hơi nước|điều hòa|khí nén", "폐열|보일러|스팀|공조|냉각기|압축공기", 1},
	{"lighting", "lighting|led|smart lighting", "chiếu sáng|đèn led", "조명|led", 1},
	{"ev", "electric vehicle|ev|e-bike|electric motorbike|electric scooter|charging|charger", "xe điện|xe máy điện|sạc|trạm sạc", "전기차|전기이륜차|충전|충전기", 1},
	{"grid", "grid|microgrid|smart grid|power distribution", "lưới điện|lưới điện thông minh|phân phối điện", "전력망|마이크로그리드|스마트그리드", 1},

	// Industries.
	{"textile", "textile|garment|apparel|fabric|sewing|knitting|dyeing|weaving", "dệt|may mặc|dệt may|vải sợi|vải dệt|nhuộm|dệt nhuộm|hàng may mặc", "섬유|의류|봉제|원단|염색|직물", 1},
	{"footwear", "footwear|shoe|shoes|leather|sole", "giày|da giày|giày dép|thuộc da|đế giày", "신발|가죽|밑창", 1},
	{"furniture", "furniture|wood|wooden|timber|woodworking|plywood", "đồ gỗ|nội thất|gỗ|chế biến gỗ|ván ép", "가구|목재|목공|합판", 1},
	{"food", "food|food processing|beverage|dairy|meat|seafood|snack|bakery", "thực phẩm|chế biến thực phẩm|đồ uống|sữa bột|chế biến sữa|thịt|thủy sản|hải sản|bánh kẹo", "식품|식품가공|음료|유제품|육류|수산물", 1},
	{"agriculture", "agriculture|farm|farming|crop|fruit|rice|coffee|cashew|pepper|durian", "nông nghiệp|nông sản|trang trại|cây trồng|trái cây|gạo|lúa gạo|cà phê|hạt điều|hồ tiêu|sầu riêng", "농업|농산물|농장|과일|커피|캐슈", 1},
	{"food_safety", "food safety|haccp|hygiene|contamination|shelf life", "an toàn thực phẩm|vệ sinh|nhiễm khuẩn|hạn sử dụng", "식품안전|위생|오염|유통기한", 1},
	{"fermentation", "fermentation|enzyme|probiotic|microbial", "lên men|enzym|men vi sinh|vi sinh", "발효|효소|프로바이오틱|미생물", 1},
	{"electronics", "electronics|electronic|pcb|printed circuit board|smt|component", "điện tử|bảng mạch|linh kiện|linh kiện điện tử|smt", "전자|인쇄회로기판|pcb|부품|전자부품", 1},
	{"semiconductor", "semiconductor|chip|wafer|ic design|packaging and testing|osat", "bán dẫn|chip|vi mạch|thiết kế vi mạch", "반도체|웨이퍼|팹리스", 1},
	{"automotive", "automotive|car|auto parts|vehicle|motorcycle", "ô tô|phụ tùng|phụ tùng ô tô|xe máy|linh kiện ô tô", "자동차|차량부품|오토바이", 1},
	{"plastics", "plastic|plastics|polymer|resin|pet", "nhựa|polyme|hạt nhựa", "플라스틱|수지|고분자", 1},
	{"metal", "metal|steel|aluminium|aluminum|sheet metal|casting|forging|stamping", "kim loại|thép|nhôm|tôn|đúc kim loại|đúc nhôm|đúc áp lực|rèn|dập", "금속|철강|알루미늄|판금|주조|단조|프레스", 1},
	{"chemical", "chemical|chemicals|coating chemical|adhesive|paint", "hóa chất|keo|chất phủ", "화학|화학물질|접착제", 1},
	{"ceramics", "ceramic|ceramics|tile|glass|porcelain", "gốm|gốm sứ|gạch|thủy tinh", "세라믹|도자기|타일|유리", 1},
	{"paper", "paper|pulp|printing", "giấy|bột giấy|in ấn", "종이|펄프|인쇄", 1},
	{"rubber", "rubber|latex|tyre|tire", "cao su|mủ cao su|lốp", "고무|라텍스|타이어", 1},
	{"pharma", "pharmaceutical|pharma|drug|medicine|gmp", "dược|dược phẩm|thuốc|gmp", "제약|의약품|약품", 1},
	{"medical", "medical|medical device|hospital|healthcare|diagnostic|health", "y tế|thiết bị y tế|bệnh viện|chăm sóc sức khỏe|chẩn đoán|sức khỏe", "의료|의료기기|병원|헬스케어|진단", 1},
	{"biotech", "biotech|biotechnology|biological|bio", "công nghệ sinh học|sinh học", "바이오|생명공학|생물", 1},
	{"cosmetics", "cosmetics|cosmetic|skincare", "mỹ phẩm", "화장품", 1},
	{"construction", "construction|building|bim|prefabricated|concrete", "xây dựng|tòa nhà|công trình|bê tông|nhà tiền chế", "건설|건축|빌딩|콘크리트", 1},
	{"smart_city", "smart city|urban|city|municipal|public service", "đô thị thông minh|đô thị|thành phố|dịch vụ công", "스마트시티|도시|공공서비스", 1},
	{"traffic", "traffic|mobility|public transport|parking|bus", "giao thông|di chuyển|giao thông công cộng|bãi đỗ xe|xe buýt", "교통|모빌리티|대중교통|주차|버스", 1},
	{"drone", "drone|uav|unmanned aerial", "drone|máy bay không người lái|thiết bị bay", "드론|무인기", 1},
	{"additive", "3d printing|additive manufacturing|3d printer|rapid prototyping|prototype|prototyping", "in 3d|máy in 3d|tạo mẫu nhanh|mẫu thử|nguyên mẫu", "3d프린팅|적층제조|시제품|프로토타입", 1},
	{"materials", "advanced materials|composite|nanomaterial|graphene|material", "vật liệu|vật liệu mới|vật liệu tiên tiến|composite|nano", "소재|첨단소재|복합소재|나노|그래핀", 0.8},
	{"safety", "safety|occupational safety|worker safety|fire|ppe|hazard", "an toàn|an toàn lao động|phòng cháy|bảo hộ|nguy hiểm", "안전|산업안전|화재|보호구", 1},
	{"ergonomics", "ergonomics|exoskeleton|manual handling|heavy lifting", "công thái học|khung xương trợ lực|mang vác nặng|bốc xếp thủ công", "인간공학|외골격|중량물", 1},

	// People, business, funding.
	{"training", "training|skills|workforce|upskilling|course|education|curriculum", "đào tạo|kỹ năng|nhân lực|nguồn nhân lực|khóa học|giáo dục", "교육|훈련|인력|인력양성|역량", 1},
	{"labour_shortage", "labor shortage|labour shortage|lack of workers|worker shortage|labour cost|labor cost", "thiếu lao động|thiếu nhân công|chi phí nhân công|thiếu công nhân|lao động", "인력부족|인건비|노동력", 1},
	{"investment", "investment|investor|venture capital|vc|funding|fund|seed|series a|equity", "đầu tư|nhà đầu tư|quỹ đầu tư|gọi vốn|vốn|quỹ đổi mới", "투자|투자자|벤처캐피탈|펀드|자금|시드", 1},
	{"grant", "grant|subsidy|public funding|co-funding", "tài trợ|hỗ trợ kinh phí|ngân sách|đồng tài trợ", "보조금|지원금|정부지원", 1},
	{"startup", "startup|start-up|spin-off|spinoff|founder", "khởi nghiệp|công ty khởi nghiệp|startup|spin off", "스타트업|창업|창업기업", 1},
	{"tech_transfer", "technology transfer|tech transfer|licensing|license|patent|commercialization|commercialisation", "chuyển giao công nghệ|chuyển giao|bằng sáng chế|thương mại hóa|cấp phép|sáng chế", "기술이전|특허|라이선스|사업화|상용화", 1},
	{"research", "research|r&d|laboratory|lab|university|institute|scientific", "nghiên cứu|phòng thí nghiệm|đại học|viện nghiên cứu|khoa học", "연구|연구소|실험실|대학|과학", 0.6},
	{"pilot", "pilot|pilot site|testbed|test bed|demonstration|trial|proof of concept|poc|field test", "thử nghiệm|thí điểm|thử nghiệm thực tế|trình diễn|thực nghiệm", "실증|시범|테스트베드|파일럿|시험운영", 1},
	{"joint_venture", "joint venture|partnership|cooperation|collaboration|consortium|alliance", "liên doanh|hợp tác|liên kết|đối tác|liên minh", "합작|협력|파트너십|파트너|컨소시엄|제휴", 0.5},
	{"international", "foreign|international|overseas|global", "nước ngoài|quốc tế|hãng nước ngoài|toàn cầu", "해외|글로벌|외국", 0.6},
	{"matchmaking", "matchmaking|business matching|b2b meeting", "kết nối giao thương|kết nối doanh nghiệp|ghép nối|kết nối", "매칭|비즈니스매칭|상담회", 0.6},
	{"distributor", "distributor|distribution partner|reseller|dealer|agent", "nhà phân phối|đại lý|phân phối", "유통|대리점|총판|판매대리", 1},
	{"localization", "localization|localisation|local partner|local production|local content", "nội địa hóa|sản xuất trong nước|đối tác địa phương", "현지화|현지생산|현지파트너", 1},
	{"market_entry", "market entry|expansion|southeast asia|asean|vietnam market", "mở rộng thị trường|thâm nhập thị trường|thị trường việt nam|đông nam á", "시장진출|동남아|베트남시장|해외진출", 1},
	{"sme", "sme|smes|small and medium|small business", "doanh nghiệp nhỏ và vừa|dnnvv|doanh nghiệp vừa và nhỏ", "중소기업", 1},
	{"industrial_park", "industrial park|industrial zone|industrial estate|fdi", "khu công nghiệp|kcn|cụm công nghiệp|fdi", "산업단지|공단|산단", 1},
	{"cost_reduction", "cost reduction|reduce cost|cost saving|lower cost|affordable|low cost", "giảm chi phí|tiết kiệm chi phí|chi phí thấp|giá rẻ", "비용절감|원가절감|저비용", 0.8},
	{"export_standard", "certification|iso|ce marking|standard|compliance|audit", "chứng nhận|tiêu chuẩn|iso|tuân thủ|đánh giá", "인증|표준|규격|준법", 0.7},
	{"consulting", "consulting|consultancy|advisory|assessment|audit service", "tư vấn|đánh giá hiện trạng|khảo sát", "컨설팅|자문", 0.8},
	{"ecommerce", "e-commerce|ecommerce|online shop|marketplace|omnichannel", "thương mại điện tử|bán hàng trực tuyến|sàn thương mại", "전자상거래|온라인몰|이커머스", 1},
	{"fintech", "fintech|payment|e-wallet|digital payment|invoice|e-invoice", "công nghệ tài chính|thanh toán|ví điện tử|hóa đơn điện tử", "핀테크|결제|전자지갑|전자세금계산서", 1},
	{"smart_agri", "smart farming|precision agriculture|greenhouse|hydroponic|irrigation", "nông nghiệp thông minh|nông nghiệp chính xác|nhà kính|thủy canh|tưới tiêu|tưới", "스마트팜|정밀농업|온실|수경재배|관개", 1},
	{"aquaculture", "aquaculture|shrimp|fish farming", "nuôi trồng thủy sản|tôm|nuôi cá", "새우|수산양식|양식장", 1},
	{"post_harvest", "post-harvest|post harvest|storage loss|grading|sorting line", "sau thu hoạch|tổn thất sau thu hoạch|phân loại", "수확후|선별", 1},
	{"cnc_precision", "precision|high precision|tolerance|micron", "chính xác|độ chính xác cao|dung sai", "정밀|고정밀|공차", 0.7},
	{"spare_parts", "spare parts|components|parts supplier|supporting industry", "phụ tùng thay thế|công nghiệp hỗ trợ|linh kiện phụ tùng", "예비부품|부품공급|소부장", 1},
	{"mould_design", "mold design|mould design|cad|cam|product design|engineering design", "thiết kế khuôn|thiết kế sản phẩm|cad|cam|thiết kế", "금형설계|제품설계|설계", 0.8},
	{"laser", "laser|laser cutting|laser marking|laser welding", "laser|cắt laser|khắc laser|hàn laser", "레이저|레이저절단|레이저마킹", 1},
	{"compressor", "compressor|pump|valve|fan", "máy nén|máy bơm|van công nghiệp|quạt công nghiệp", "압축기|펌프|밸브", 1},
	{"cleanroom", "cleanroom|clean room|dust|particle", "phòng sạch|bụi", "클린룸|먼지|분진", 1},
	{"noise", "noise|sound|acoustics", "tiếng ồn|âm thanh", "소음|음향", 1},
	{"automation_integrator", "system integrator|integration|integrator|turnkey", "tích hợp hệ thống|tích hợp|trọn gói|chìa khóa trao tay", "시스템통합|통합|턴키", 0.8},
	// More of the domain: processes, products and services seen at the fair.
	{"sewing_automation", "sewing automation|automatic sewing|cutting machine|fabric cutting", "tự động hóa may|máy cắt vải|cắt vải tự động", "봉제자동화|재단기|자동재단", 1},
	{"dyeing_water", "dyeing wastewater|dye house|low water dyeing", "nước thải dệt nhuộm|nhuộm tiết kiệm nước", "염색폐수|저수염색", 1},
	{"wood_finishing", "wood finishing|sanding|edge banding|veneer", "chà nhám|dán cạnh|hoàn thiện gỗ|veneer", "샌딩|엣지밴딩|목재마감", 1},
	{"wood_drying", "kiln drying|timber drying|wood moisture", "sấy gỗ|lò sấy gỗ|độ ẩm gỗ", "목재건조|건조로", 1},
	{"shoe_automation", "shoe stitching|cementing|lasting machine|sole pressing", "may giày|quét keo|gò giày|ép đế", "신발봉제|접착공정|라스팅", 1},
	{"filling", "filling|bottling|capping|filling line", "chiết rót|đóng chai|đóng nắp", "충전기|병입|캡핑", 1},
	{"sterilization", "sterilization|pasteurization|retort|uht", "tiệt trùng|thanh trùng", "살균|멸균", 1},
	{"freezing", "iqf|blast freezer|quick freezing|freeze drying", "cấp đông|đông lạnh nhanh|sấy thăng hoa", "급속냉동|동결건조", 1},
	{"fruit_processing", "fruit processing|juice|puree|dried fruit", "chế biến trái cây|nước ép|trái cây sấy", "과일가공|주스|건과일", 1},
	{"dust_collection", "dust collector|dust collection|extraction|fume", "hút bụi|lọc bụi|hệ thống hút bụi|khói hàn", "집진기|집진|용접흄", 1},
	{"air_quality", "air quality|air pollution|emission monitoring|pm2.5", "chất lượng không khí|ô nhiễm không khí|quan trắc khí thải|quan trắc", "대기질|대기오염|배출감시", 1},
	{"flood", "flood|flooding|drainage|stormwater", "ngập|ngập lụt|thoát nước|chống ngập", "침수|홍수|배수", 1},
	{"street_lighting", "street lighting|streetlight|public lighting", "đèn đường|chiếu sáng công cộng", "가로등|공공조명", 1},
	{"surveillance", "surveillance|cctv|video analytics|face recognition", "giám sát|camera giám sát|nhận diện khuôn mặt", "감시|cctv|영상분석|얼굴인식", 1},
	{"e_government", "e-government|digital government|public administration|one-stop", "chính phủ điện tử|chính quyền số|dịch vụ công trực tuyến|một cửa", "전자정부|디지털정부|행정", 1},
	{"innovation_center", "innovation center|innovation hub|incubator|accelerator", "trung tâm đổi mới sáng tạo|vườn ươm|ươm tạo|tăng tốc khởi nghiệp", "혁신센터|인큐베이터|액셀러레이터|보육", 1},
	{"innovation", "innovation|innovative", "đổi mới sáng tạo|sáng tạo|đổi mới", "혁신", 0.5},
	{"exhibition", "trade fair|exhibition|expo|booth", "hội chợ|triển lãm|gian hàng", "박람회|전시회|부스", 0.5},
	{"power_electronics", "power electronics|power supply|ups|transformer", "điện tử công suất|nguồn điện|biến áp|bộ lưu điện", "전력전자|전원장치|변압기", 1},
	{"motor_efficiency", "high efficiency motor|ie3|ie4|variable speed drive|vsd", "động cơ hiệu suất cao|biến tần tiết kiệm", "고효율모터|가변속", 1},
	{"rooftop", "rooftop|roof|ppa|power purchase agreement", "mái nhà|áp mái|hợp đồng mua bán điện|ppa", "지붕|전력구매계약", 1},
	{"thermal_imaging", "thermal imaging|infrared|thermography", "ảnh nhiệt|hồng ngoại|camera nhiệt", "열화상|적외선", 1},
	{"nondestructive", "non-destructive testing|ndt|ultrasonic testing", "kiểm tra không phá hủy|siêu âm", "비파괴검사|초음파", 1},
	{"robot_programming", "offline programming|robot programming|teaching pendant|robot simulation", "lập trình robot|lập trình rô bốt", "로봇프로그래밍|오프라인프로그래밍", 1},
	{"industrial_network", "opc ua|modbus|profinet|ethernet ip|industrial network|protocol", "mạng công nghiệp|giao thức", "산업네트워크|프로토콜", 1},
	{"hmi", "hmi|touch screen|operator panel|andon", "màn hình vận hành|màn hình cảm ứng|andon", "터치스크린|조작패널|안돈", 1},
	{"legal_ip", "intellectual property|ip rights|trademark", "sở hữu trí tuệ|nhãn hiệu|bản quyền", "지식재산|상표|저작권", 1},
	{"trl", "technology readiness|scale up|scale-up|upscaling|industrialization", "mức độ sẵn sàng công nghệ|mở rộng quy mô|công nghiệp hóa", "기술성숙도|스케일업|양산화", 1},
}

// conceptMatcher finds the concepts of a text.
type conceptMatcher struct {
	phrases map[string]int    // folded Latin phrase ("kho hang") → concept index
	maxLen  int               // longest phrase, in words
	korean  map[rune][]koForm // Korean forms by first syllable, longest first
}

type koForm struct {
	form    []rune
	concept int
}

var matcher = buildMatcher()

func buildMatcher() *conceptMatcher {
	m := &conceptMatcher{phrases: map[string]int{}, korean: map[rune][]koForm{}}
	for i, c := range lexicon {
		for _, f := range split(c.en + "|" + c.vi) {
			ws := words(f)
			key := joinWords(ws)
			if key == "" {
				continue
			}
			if _, dup := m.phrases[key]; !dup {
				m.phrases[key] = i // first writer wins: absorbers come first
			}
			if len(ws) > m.maxLen {
				m.maxLen = len(ws)
			}
		}
		for _, f := range split(c.ko) {
			f = strings.ReplaceAll(f, " ", "")
			if isHangulString(f) {
				rs := []rune(f)
				m.korean[rs[0]] = append(m.korean[rs[0]], koForm{rs, i})
			} else if f != "" {
				key := joinWords(words(f)) // a Latin form listed with Korean ("mes")
				if _, dup := m.phrases[key]; !dup && key != "" {
					m.phrases[key] = i
				}
			}
		}
	}
	for r, fs := range m.korean {
		sortKoreanForms(fs)
		m.korean[r] = fs
	}
	return m
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, "|") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func joinWords(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

func isHangulString(s string) bool {
	for _, r := range s {
		if !isHangul(r) {
			return false
		}
	}
	return s != ""
}

// sortKoreanForms orders forms longest first so that "스마트팩토리" wins over
// a shorter form inside it.
func sortKoreanForms(fs []koForm) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && len(fs[j].form) > len(fs[j-1].form); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// concepts returns the concept indices mentioned in ws, one per mention.
func (m *conceptMatcher) concepts(ws []word) []int {
	var out []int
	for i := 0; i < len(ws); {
		if ws[i].hangul {
			out = m.koreanConcepts(ws[i].text, out)
			i++
			continue
		}
		n, c := m.longestLatin(ws, i)
		if n == 0 {
			i++
			continue
		}
		out = append(out, c)
		i += n
	}
	return out
}

// longestLatin finds the longest phrase starting at ws[i]; it returns its
// length in words (0 if none) and its concept.
func (m *conceptMatcher) longestLatin(ws []word, i int) (int, int) {
	for n := min(m.maxLen, len(ws)-i); n >= 1; n-- {
		var b strings.Builder
		ok := true
		for k := i; k < i+n; k++ {
			if ws[k].hangul {
				ok = false
				break
			}
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(ws[k].text)
		}
		if !ok {
			continue
		}
		if c, found := m.phrases[b.String()]; found {
			return n, c
		}
	}
	return 0, 0
}

// koreanConcepts scans a Hangul run from the left, taking at each position
// the longest Korean form that starts there ("스마트팩토리" before "스마트").
func (m *conceptMatcher) koreanConcepts(run string, out []int) []int {
	rs := []rune(run)
	for i := 0; i < len(rs); {
		n := 0
		for _, f := range m.korean[rs[i]] {
			if hasPrefix(rs[i:], f.form) {
				out = append(out, f.concept)
				n = len(f.form)
				break
			}
		}
		i += max(n, 1)
	}
	return out
}

func hasPrefix(rs, prefix []rune) bool {
	if len(prefix) > len(rs) {
		return false
	}
	for k := range prefix {
		if rs[k] != prefix[k] {
			return false
		}
	}
	return true
}
