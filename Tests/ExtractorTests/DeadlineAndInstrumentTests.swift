import Foundation
import Segmenter
import Testing
import TestSupport
@testable import Extractor

/// Deadlines (spec §7) and policy instruments (spec §8) on sentences written here.
@Suite("Deadlines and instruments")
struct DeadlineAndInstrumentTests {
    static let matcher = DeadlineMatcher()

    static func deadlines(_ text: String, date: String? = "2024-01-10") -> [Deadline] {
        matcher.match(ExtractionContext(document: TextDocument(text: text)), date: date)
    }

    @Test(arguments: [
        ("各区要于⟦2025年底前⟧完成改造任务。", "2025-12-31"),
        ("⟦到2026年⟧，全市新建口袋公园100座。", "2026"),
        ("⟦到2026年底⟧，基本建成服务体系。", "2026-12-31"),
        ("请各单位于⟦6月30日前⟧报送材料。", "2024-06-30"),
        ("区政府于每年⟦3月底前⟧报送年度计划。", "2024-03-31"),
        ("申报截止时间为⟦2024年5月31日⟧。", "2024-05-31"),
        ("受理时间：2024年3月1日—⟦3月20日⟧。", "2024-03-20"),
        ("完成排查；⟦2024年第三季度⟧全面启动改造。", "2024-09-30"),
        ("整治推进阶段（⟦12月中旬前⟧）", "2024-12"),
        ("⟦2024年6月前⟧，开展回头看。", "2024-06"),
        ("从2024年起⟦至2026年底⟧，持续开展整治。", "2026-12-31"),
        ("在6个街道先行试点，⟦2027年⟧逐步扩大至全区。", "2027"),
        ("力争⟦2025年底⟧实现清零。", "2025-12-31"),
        ("即日起开通网上申报，⟦2024年9月12日17:30申报截止⟧，逾期不予受理。", "2024-09-12"),
        ("请于⟦6月30日24时前⟧提交申请材料。", "2024-06-30"),
        ("项目材料报送⟦2024年5月31日截止⟧。", "2024-05-31"),
    ])
    func deadlinesInTheirOwnWords(marked: String, date: String) throws {
        let text = MarkedText(marked)
        let found = Self.deadlines(text.text)
        #expect(found.map(\.date) == [date])
        #expect(found.map(\.span.range) == text.spans)
        #expect(found.first?.text == text.slice(text.spans[0]))
    }

    @Test(arguments: [
        "本办法自2024年3月1日起施行。",
        "本通知有效期至2026年12月31日。",
        "名单有效期从即日起至2025年6月30日止。",
        "落实《2025年城市更新行动计划》的要求。",
        "“十四五”期间，持续推进。",
        "2024年度专项资金申报工作启动。",
        "2024年至2026年新一轮三年行动。",
        "2023年7月27日召开协商会议。",
        "用3个月左右时间集中整治。",
        "2020年以来，累计建成公园100座。",
        "截至2025年底，运营里程已达100公里。",
        "2024年上海市绿化工作要点",
        "各街道于5月、10月分别组织一次应急演练。",
        "参保人自2024年1月1日起至12月31日享受待遇。",
        "补贴资格至2025年6月30日有效。",
        "本通知自印发之日起施行，有效\n期至2027年3月31日。",
    ])
    func notDeadlines(text: String) {
        #expect(Self.deadlines(text).isEmpty, "\(text)")
    }

    @Test(arguments: [
        ("请各镇于⟦2024年9月30日⟧、⟦11月30日前⟧报送进展。", ["2024-09-30", "2024-11-30"]),
        ("⟦2025年6月⟧、⟦9月底前⟧分两批完成验收。", ["2025-06", "2025-09-30"]),
        ("请各区于⟦2025年6月\n30日⟧、⟦9月30\n日前⟧报送进展。", ["2025-06-30", "2025-09-30"]),
    ])
    func oneBeforeAfterAListOfDatesIsEachOnes(marked: String, dates: [String]) {
        let text = MarkedText(marked)
        let found = Self.deadlines(text.text)
        #expect(found.map(\.date) == dates)
        #expect(found.map(\.span.range) == text.spans)
    }

    @Test func aDeadlineEveryYearSaysSo() {
        let found = Self.deadlines("各区于每年3月底前报送上年度工作总结。")
        #expect(found.map(\.date) == ["2024-03-31"])
        #expect(found.map(\.rule) == ["deadline.yearly+before"])
        #expect(Self.deadlines("各区于3月底前报送工作总结。").map(\.rule) == ["deadline.date+before"])
    }

    @Test func withoutADateOnlyACueCounts() {
        #expect(Self.deadlines("2019年底，局里完成了评估。", date: nil).isEmpty)
        #expect(Self.deadlines("请于6月30日前报送。", date: nil).isEmpty)
        #expect(Self.deadlines("各地于2017年底前完成治理。", date: nil).map(\.date) == ["2017-12-31"])
    }

    static let notice = """
        江城市人民政府关于印发江城市促进青年就业若干措施的通知

        各区人民政府，市政府各部门：

        现将《江城市促进青年就业若干措施》印发给你们，请认真贯彻执行。

        江城市人民政府

        2024年1月10日

        江城市促进青年就业若干措施

        一、支持创业

        1.发放创业补贴。对首次创业的青年给予一次性创业补贴5000元。（市人社局负责）

        2.开展技能培训。每年组织青年技能培训1000人次。（市人社局负责）

        3.明确就业目标。到2025年底，城镇新增青年就业达到5万人。（市人社局负责）
        """

    @Test func measuresThatGrantMoneySetTargetsOrOrderTrainingAreTagged() throws {
        let result = try DocumentExtractor().extract(
            TextDocument(text: Self.notice),
            source: Source(
                path: "notice.txt", sha256: "", encoding: "UTF-8", format: "plain", characters: Self.notice.unicodeScalars.count))
        #expect(result.measures.count == 3)
        let tools = result.measures.map { Set($0.instruments.map(\.tool)) }
        #expect(tools.count == 3)
        guard tools.count == 3 else { return }
        #expect(tools[0].contains("资金投入"))
        #expect(tools[1].contains("人才培养"))
        #expect(tools[2].contains("目标规划"))
        let original = Array(Self.notice.unicodeScalars)
        for measure in result.measures {
            for tag in measure.instruments {
                #expect(measure.span.contains(tag.span))
                #expect(String(String.UnicodeScalarView(original[tag.span.range])) == tag.cue)
                #expect(["supply", "environment", "demand"].contains(tag.type))
            }
        }
        #expect(result.deadlines.map(\.measure) == [result.measures[2].number])
    }

    @Test func aUserDictionaryReplacesTheBundledOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("instruments-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "# a coder's own scheme\n青年政策\t就业扶持\t青年\n青年政策\t现金\t@amount\n".write(to: file, atomically: true, encoding: .utf8)
        let dictionary = try InstrumentDictionary(contentsOf: file.path)
        let result = try DocumentExtractor(instruments: dictionary).extract(
            TextDocument(text: Self.notice),
            source: Source(
                path: "notice.txt", sha256: "", encoding: "UTF-8", format: "plain", characters: Self.notice.unicodeScalars.count))
        let tags = result.measures.flatMap(\.instruments)
        #expect(!tags.isEmpty)
        #expect(Set(tags.map(\.type)) == ["青年政策"])
        #expect(result.measures.first?.instruments.map(\.tool) == ["就业扶持", "现金"])
        #expect(result.measures.first?.instruments.last?.cue == "5000元")
    }

    @Test func aBadDictionaryIsAnErrorNamingTheFile() throws {
        #expect(throws: InstrumentDictionary.ReadError.self) { try InstrumentDictionary(contentsOf: "/nonexistent/cues.tsv") }
        do {
            _ = try InstrumentDictionary(tsv: "supply\t资金投入\n", name: "cues.tsv")
            Issue.record("a line without a cue was read")
        } catch {
            #expect(error.description.hasPrefix("cues.tsv: line 1:"))
        }
    }
}
