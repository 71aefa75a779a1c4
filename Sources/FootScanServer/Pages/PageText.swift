/// The counter page's words in Korean and English, chosen from the browser's `Accept-Language`
/// (Korean when it is the first language the browser names, English otherwise).
struct PageText: Sendable {
    /// `ko` or `en`, for the page's `lang`.
    let language: String
    let strings: [String: String]

    /// The text for an `Accept-Language` header (nil: English).
    init(acceptLanguage: String?) {
        let first = (acceptLanguage ?? "").split(separator: ",").first.map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if first.hasPrefix("ko") {
            language = "ko"
            strings = Self.korean
        } else {
            language = "en"
            strings = Self.english
        }
    }

    static let english: [String: String] = [
        "title": "FootScan counter", "signIn": "Sign in", "signOut": "Sign out", "name": "Name", "password": "Password",
        "wrongPassword": "Wrong name or password.", "upload": "Scan a customer", "dropHere": "Drop a scan here, or choose a file",
        "chooseFile": "Choose a scan", "customer": "Customer", "noCustomer": "(no customer)", "measuring": "Measuring…",
        "latest": "Latest scans", "customers": "Customers", "search": "Search", "addCustomer": "Add a customer", "phone": "Phone",
        "add": "Add", "foot": "Foot", "left": "Left", "right": "Right", "unknown": "Unknown", "length": "Length", "width": "Width",
        "ballWidth": "Ball width", "heelWidth": "Heel width", "toeShape": "Toe shape", "archIndex": "Arch index",
        "archType": "Arch", "girth": "Ball girth (estimate)", "widthClass": "Width class", "warnings": "Warnings",
        "lasts": "Recommended lasts", "size": "Size", "score": "Score", "fits": "fits", "doesNotFit": "does not fit",
        "card": "Fitting card", "print": "Print", "visits": "Visits", "change": "Change since last visit", "date": "Date",
        "scan": "Scan", "noScans": "No scans yet.", "back": "Back to the counter", "notMatched": "Not matched",
        "trueScale": "The drawing is at true scale when printed at 100%.", "mm": "mm",
    ]

    static let korean: [String: String] = [
        "title": "FootScan 카운터", "signIn": "로그인", "signOut": "로그아웃", "name": "이름", "password": "비밀번호",
        "wrongPassword": "이름 또는 비밀번호가 틀렸습니다.", "upload": "고객 발 스캔", "dropHere": "스캔 파일을 여기에 놓거나 선택하세요",
        "chooseFile": "스캔 선택", "customer": "고객", "noCustomer": "(고객 없음)", "measuring": "측정 중…",
        "latest": "최근 스캔", "customers": "고객", "search": "검색", "addCustomer": "고객 추가", "phone": "전화번호",
        "add": "추가", "foot": "발", "left": "왼발", "right": "오른발", "unknown": "알 수 없음", "length": "발길이", "width": "발볼 너비",
        "ballWidth": "볼 너비", "heelWidth": "뒤꿈치 너비", "toeShape": "발가락 모양", "archIndex": "아치 지수",
        "archType": "아치", "girth": "볼 둘레 (추정)", "widthClass": "발볼 등급", "warnings": "경고",
        "lasts": "추천 라스트", "size": "사이즈", "score": "점수", "fits": "맞음", "doesNotFit": "맞지 않음",
        "card": "피팅 카드", "print": "인쇄", "visits": "방문 기록", "change": "지난 방문 이후 변화", "date": "날짜",
        "scan": "스캔", "noScans": "아직 스캔이 없습니다.", "back": "카운터로 돌아가기", "notMatched": "매칭 불가",
        "trueScale": "100%로 인쇄하면 그림이 실제 크기입니다.", "mm": "mm",
    ]
}
