import Foundation
import Testing
@testable import Extractor

/// docType, policyType, effectiveDate, expiryDate and region (spec §5), on
/// titles, issuers and clauses written here.
@Suite("Metadata fields")
struct MetadataFieldsTests {
    static let fields = MetadataFields()

    static func complete(
        title: String?, issuers: [String] = [], number: String? = nil, date: String? = "2021-03-05",
        genre: String = "normative", text: String = ""
    ) -> (Metadata, [Diagnostic]) {
        let metadata = Metadata(title: title, documentNumber: number, issuers: issuers, date: date)
        let (completed, diagnostics) = fields.complete(metadata, genre: genre, text: Array(text.unicodeScalars))
        return (completed!, diagnostics)
    }

    @Test(arguments: [
        ("江城市人民政府关于印发《江城市促进人才发展若干措施》的通知", "通知", "措施"),
        ("江城市人民政府关于印发江城市人才公寓管理实施办法的通知", "通知", "办法"),
        ("关于印发《江城市人才工作三年行动方案（2024-2026年）》的通知", "通知", "方案"),
        ("江城市人民政府办公室转发市财政局关于调整补助标准的通知", "通知", "通知"),
        ("江城市人民政府关于延长《江城市渡口管理办法》有效期的通知", "通知", "通知"),
        ("江城市促进青年就业的若干意见（试行）", "意见", "意见"),
        ("江城市人才引进实施细则", "细则", "细则"),
        ("关于同意设立江城市高新区的批复", "批复", "批复"),
        ("江城市人民政府关于某事项的复函", "函", "函"),
    ])
    func documentAndPolicyTypes(title: String, docType: String, policyType: String) {
        let (metadata, _) = Self.complete(title: title)
        #expect(metadata.docType == docType)
        #expect(metadata.policyType == policyType)
    }

    @Test func aNewsReportHasNoDocumentType() {
        let (metadata, _) = Self.complete(title: "江城市出台人才新政", genre: "report")
        #expect(metadata.docType == nil)
        #expect(metadata.policyType == nil)
        // A notice without a numbered list is still a notice.
        let (notice, _) = Self.complete(title: "江城市人社局关于做好申报工作的通知", genre: "report")
        #expect(notice.docType == "通知")
    }

    @Test(
        arguments: [
            ("七、本通知自2022年1月15日起施行，有效期5年。", "2022-01-15", "2027-01-14"),
            ("第三十二条 本办法自印发之日起施行，有效期3年。", "2021-03-05", "2024-03-04"),
            ("4．本实施细则自印发之日起实施，有效期至2026年10月30日。", "2021-03-05", "2026-10-30"),
            ("本通知自2021年1月1日起施行，有效期两年。", "2021-01-01", "2022-12-31"),
            ("本通知自2024年3月1日起执行，有效期6个月。", "2024-03-01", "2024-08-31"),
            ("本条例已经审议通过，现予公布，自2019年1月1日起施行。", "2019-01-01", nil),
            ("本通知有效期至2025年12月31日。", nil, "2025-12-31"),
        ] as [(String, String?, String?)])
    func validityClauses(clause: String, effective: String?, expiry: String?) {
        let title =
            clause.contains("细则")
            ? "关于印发《江城市补贴实施细则》的通知"
            : clause.contains("条例")
                ? "江城市河道管理条例"
                : clause.contains("办法") ? "关于印发《江城市人才公寓管理办法》的通知" : "江城市人民政府关于调整补助标准的通知"
        let (metadata, _) = Self.complete(title: title, text: "一、总则\n" + clause + "\n")
        #expect(metadata.effectiveDate == effective)
        #expect(metadata.expiryDate == expiry)
    }

    @Test func aLongTermOrANumberRunIsNoTerm() {
        let title = "江城市人民政府关于调整补助标准的通知"
        for clause in ["本通知自2021年1月1日起施行，有效期99999999999999999999999年。", "本通知自2021年1月1日起施行，有效期1000年。"] {
            let (metadata, _) = Self.complete(title: title, text: clause)
            #expect(metadata.effectiveDate == "2021-01-01")
            #expect(metadata.expiryDate == nil)
        }
    }

    @Test(arguments: [
        // Not the document: a certificate's validity, a law cited with its date.
        "持有在有效期内的居住证的人员，可以申请。",
        "自2020年1月1日起施行的《优化营商环境条例》为改革提供了保障。",
        // The annex of an extension notice speaks of the old 办法.
        "第十四条 本办法自发布之日起施行，有效期至2020年7月10日止。",
    ])
    func clausesThatAreNotTheDocuments(clause: String) {
        let (metadata, _) = Self.complete(
            title: "江城市交通委员会关于延长《江城市渡口管理办法》有效期的通知",
            text: clause + "\n")
        #expect(metadata.effectiveDate == nil)
        #expect(metadata.expiryDate == nil)
    }

    @Test(
        arguments: [
            (["上海市奉贤区人民政府办公室"], "310120", "county"),
            (["中共石嘴山市委办公室", "石嘴山市人民政府办公室"], "640200", "city"),
            (["广东省人力资源和社会保障厅"], "440000", "province"),
            (["广州市天河区教育局"], "440106", "county"),
            (["国务院办公厅"], nil, "national"),
            (["人力资源社会保障部", "财政部"], nil, "national"),
            (["国家税务总局上海市税务局"], "310000", "province"),
        ] as [([String], String?, String)])
    func regionsFromIssuers(issuers: [String], code: String?, level: String) throws {
        let (metadata, _) = Self.complete(title: "关于做好申报工作的通知", issuers: issuers)
        let region = try #require(metadata.region)
        #expect(region.code == code)
        #expect(region.level == level)
        if code == nil { #expect(region.name == "中国") }
    }

    @Test func regionsFromTheTitleAndTheDocumentNumber() throws {
        let (byTitle, _) = Self.complete(title: "上海市青浦区农业农村委员会关于做好申报工作的通知", issuers: ["区农业农村委"])
        #expect(byTitle.region?.code == "310118")
        let (byNumber, _) = Self.complete(title: "关于做好申报工作的通知", issuers: ["市交通委"], number: "粤交〔2021〕5号")
        #expect(byNumber.region?.code == "440000")
        for number in ["国办发〔2021〕5号", "国函〔2021〕5号", "有关事项的通知国办函〔2020〕18号"] {
            let (central, _) = Self.complete(title: "关于做好申报工作的通知", number: number)
            #expect(central.region?.level == "national", "\(number)")
        }
        let (notCentral, _) = Self.complete(title: "关于做好申报工作的通知", number: "江国土发〔2021〕5号")
        #expect(notCentral.region == nil)
        let (none, _) = Self.complete(title: "关于做好申报工作的通知", issuers: ["市交通委"])
        #expect(none.region == nil)
    }

    @Test func sameNamedDistrictsAreToldApartByAProvinceNamedNearby() throws {
        // 朝阳区 is a district of 北京市 and of 长春市.
        let (alone, diagnostics) = Self.complete(title: "关于做好申报工作的通知", issuers: ["朝阳区人民政府"])
        #expect(alone.region == nil)
        #expect(diagnostics.map(\.rule) == ["region.ambiguous"])
        let (withNumber, _) = Self.complete(title: "关于做好申报工作的通知", issuers: ["朝阳区人民政府"], number: "京朝政发〔2021〕1号")
        #expect(withNumber.region?.code == "110105")
        let (withText, none) = Self.complete(
            title: "关于做好申报工作的通知", issuers: ["朝阳区人民政府"],
            text: "为推动吉林省长春市经济发展，现通知如下。")
        #expect(withText.region?.code == "220104")
        #expect(none.isEmpty)
    }

    @Test(arguments: [
        ("2021-01-01", 2, 0, "2022-12-31"),
        ("2024-02-29", 1, 0, "2025-02-28"),
        ("2019-07-01", 5, 0, "2024-06-30"),
        ("2024-01-31", 0, 1, "2024-02-29"),
        ("2023-11-15", 0, 3, "2024-02-14"),
    ])
    func termsEndTheDayBeforeTheirAnniversary(start: String, years: Int, months: Int, end: String) {
        #expect(CalendarDate.lastDay(from: start, years: years, months: months) == end)
    }
}
