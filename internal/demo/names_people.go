package demo

// Vietnamese family names, weighted roughly by how common they are.
var vnSurnames = []weightedName{
	{"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9}, {"Phạm", 7}, {"Hoàng", 3}, {"Huỳnh", 3}, {"Phan", 4},
	{"Vũ", 2}, {"Võ", 3}, {"Đặng", 2}, {"Bùi", 2}, {"Đỗ", 1}, {"Hồ", 1}, {"Ngô", 1}, {"Dương", 1}, {"Lý", 1},
}

type weightedName struct {
	name string
	w    int
}

var (
	vnMiddleMale   = []string{"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Hoàng", "Tuấn"}
	vnMiddleFemale = []string{"Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Hồng", "Phương", "Thị Thu", "Thị Ngọc"}
	vnGivenMale    = []string{"An", "Bảo", "Cường", "Dũng", "Duy", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khang", "Khoa", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Trung", "Tuấn", "Tùng", "Việt", "Vinh"}
	vnGivenFemale  = []string{"Anh", "Bích Ngọc", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Trang", "Trinh", "Uyên", "Vân", "Yến"}
)

// Korean names: Hangul as displayed, romanization for the email address.
type romanized struct{ native, latin string }

var (
	krSurnames = []romanized{
		{"김", "kim"}, {"이", "lee"}, {"박", "park"}, {"최", "choi"}, {"정", "jung"}, {"강", "kang"}, {"조", "cho"},
		{"윤", "yoon"}, {"장", "jang"}, {"임", "lim"}, {"한", "han"}, {"오", "oh"}, {"서", "seo"}, {"신", "shin"}, {"권", "kwon"},
	}
	krGiven = []romanized{
		{"민준", "minjun"}, {"서준", "seojun"}, {"도윤", "doyun"}, {"예준", "yejun"}, {"시우", "siwoo"}, {"하준", "hajun"},
		{"지호", "jiho"}, {"주원", "juwon"}, {"지훈", "jihoon"}, {"성민", "sungmin"}, {"현우", "hyunwoo"}, {"동현", "donghyun"},
		{"서연", "seoyeon"}, {"서윤", "seoyun"}, {"지우", "jiwoo"}, {"하은", "haeun"}, {"민서", "minseo"}, {"지민", "jimin"},
		{"수빈", "subin"}, {"예은", "yeeun"}, {"유진", "yujin"}, {"은지", "eunji"}, {"혜진", "hyejin"}, {"소영", "soyoung"},
		{"영호", "youngho"}, {"상훈", "sanghoon"}, {"재원", "jaewon"}, {"경수", "kyungsoo"},
	}
)

// Latin-script names by country: given names, then family names. Chinese
// and Taiwanese names are written family name first.
var latinNames = map[string]struct {
	given, family []string
	familyFirst   bool
}{
	"JP": {[]string{"Hiroshi", "Takeshi", "Kenji", "Daisuke", "Yuki", "Haruto", "Sota", "Akira", "Makoto", "Yui", "Aoi", "Haruka", "Misaki", "Naoko", "Keiko"},
		[]string{"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto"}, false},
	"DE": {[]string{"Lukas", "Jonas", "Felix", "Maximilian", "Stefan", "Thomas", "Andreas", "Anna", "Julia", "Sophie", "Hannah", "Katrin", "Laura"},
		[]string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter"}, false},
	"US": {[]string{"James", "John", "Michael", "David", "Daniel", "Emily", "Sarah", "Olivia", "Emma", "Ryan", "Kevin", "Rachel"},
		[]string{"Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Clark", "Walker", "Young", "Carter"}, false},
	"TW": {[]string{"Chih-Hao", "Mei-Ling", "Yu-Ting", "Chun-Wei", "Hsin-Yi", "Po-Han", "Shu-Fen", "Wen-Chieh"},
		[]string{"Chen", "Lin", "Huang", "Chang", "Lee", "Wang", "Wu", "Tsai", "Liu", "Yang"}, true},
	"CN": {[]string{"Wei", "Jie", "Hao", "Xin", "Jun", "Lei", "Yan", "Fang", "Min", "Tao"},
		[]string{"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"}, true},
	"SG": {[]string{"Jason", "Michelle", "Kelvin", "Rachel", "Benjamin", "Grace", "Daniel", "Cheryl"},
		[]string{"Tan", "Lim", "Lee", "Ng", "Ong", "Goh", "Teo", "Koh"}, false},
	"TH": {[]string{"Somchai", "Suda", "Anan", "Niran", "Pim", "Kanya", "Arthit", "Ratana"},
		[]string{"Srisuk", "Wongsa", "Chaiyaporn", "Rattanakorn", "Saetang", "Boonmee"}, false},
	"MY": {[]string{"Ahmad", "Siti", "Farid", "Nurul", "Kumar", "Mei Ling"},
		[]string{"Ismail", "Abdullah", "Rahman", "Tan", "Lim", "Raj"}, false},
}

// personalDomains are where people without an organization get their mail.
var personalDomains = []string{"mail.example", "inbox.example", "post.example"}

// Job titles in the language a person reads.
var jobTitles = map[string][]string{
	"vi": {"Giám đốc", "Phó Giám đốc", "Trưởng phòng Kỹ thuật", "Kỹ sư Tự động hóa", "Quản lý Sản xuất", "Trưởng phòng Mua hàng",
		"Chuyên viên Kinh doanh", "Quản lý Kho", "Kỹ sư QA/QC", "Giám đốc Nhà máy", "Kỹ sư Bảo trì", "Trưởng phòng IT",
		"Chuyên viên Logistics", "Kỹ sư Cơ điện tử", "Trưởng ca Sản xuất"},
	"en": {"CEO", "Sales Manager", "Plant Manager", "Automation Engineer", "Procurement Manager", "R&D Engineer",
		"Logistics Manager", "Business Development Manager", "Maintenance Manager", "Operations Director", "Quality Manager"},
	"ko": {"대표이사", "영업팀장", "공장장", "자동화 엔지니어", "구매팀장", "연구원", "해외사업팀 과장", "물류팀장", "부장", "차장", "생산기술팀 대리"},
}

// Titles of people from universities, agencies and associations, by
// language: these go with category delegate or visitor.
var academicTitles = map[string][]string{
	"vi": {"Giảng viên", "Nghiên cứu viên", "Sinh viên", "Nghiên cứu sinh", "Trưởng phòng thí nghiệm"},
	"en": {"Lecturer", "Researcher", "Student", "PhD candidate", "Lab head"},
	"ko": {"교수", "선임연구원", "대학원생", "연구원", "실장"},
}
var agencyTitles = map[string][]string{
	"vi": {"Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Phó Giám đốc"},
	"en": {"Officer", "Deputy Head of Division", "Head of Division", "Deputy Director"},
	"ko": {"주무관", "과장", "부장", "본부장"},
}

// vipTitles are for the leaders who come as VIPs.
var vipTitles = map[string][]string{
	"vi": {"Giám đốc Sở", "Chủ tịch Hiệp hội", "Tổng Giám đốc", "Chủ tịch Hội đồng Quản trị", "Hiệu trưởng"},
	"en": {"Director General", "Chairman", "Managing Partner", "President", "Rector"},
	"ko": {"회장", "원장", "대표 파트너", "사장", "총장"},
}

// pressOutlets are the newsrooms sending reporters; press registrations
// carry the outlet in the job title.
var pressOutlets = []struct{ name, lang string }{
	{"Báo Bình Dương", "vi"}, {"VnExpress", "vi"}, {"Tuổi Trẻ", "vi"}, {"Thanh Niên", "vi"}, {"Sài Gòn Giải Phóng", "vi"},
	{"VTV9", "vi"}, {"Vietnam Investment Review", "en"}, {"Vietnam News", "en"}, {"Yonhap News", "ko"}, {"Korea Economic Daily", "ko"},
	{"Nikkei Asia", "en"}, {"Tạp chí Tự động hóa Ngày nay", "vi"},
}

var pressTitles = map[string]string{"vi": "Phóng viên", "en": "Reporter", "ko": "기자"}
