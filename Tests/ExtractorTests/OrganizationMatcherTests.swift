import Testing
import TestSupport
@testable import Extractor

/// Government and Party bodies: names read from their endings, places the
/// document vouches for, posts and vague units left out.
@Suite("Organisations")
struct OrganizationMatcherTests {
    struct NameCase: Decodable, Sendable, CustomTestStringConvertible {
        var text: String
        var names: [String]
        var testDescription: String { text }
    }

    static let cases = StructureHarness.cases("organizations", as: CaseFile<NameCase>.self).cases

    @Test(arguments: cases)
    func names(_ item: NameCase) {
        let found = OrganizationMatcher().match(StructureHarness.context(item.text), measures: [])
        #expect(found.map(\.name) == item.names)
    }

    @Test func mentionsAreCountedWithTheirSpans() {
        let marked = MarkedText("⟦市人社局⟧牵头，⟦市财政局⟧配合；⟦市人社局⟧要加强指导。")
        let found = OrganizationMatcher().match(StructureHarness.context(marked.text), measures: [])
        #expect(found.map(\.name) == ["市人社局", "市财政局"])
        #expect(found.first?.mentions == 2)
        #expect(found.flatMap(\.spans).map(\.range).sorted { $0.lowerBound < $1.lowerBound } == marked.spans)
    }

    @Test func namesBrokenByAPDFLineBreakAreJoined() throws {
        let line = "县乡事业单位招聘硕士研究生及以上学历学位人员，没有空编的可采取“先进后出”的办法解决。（市"
        let text = line + "\n\n委编办、市人社局牵头负责）"
        let found = OrganizationMatcher().match(StructureHarness.context(text), measures: [])
        #expect(found.map(\.name) == ["市委编办", "市人社局"])
        let span = try #require(found.first?.spans.first)
        #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[span.range])) == "市\n\n委编办")
    }

    @Test func kindsFollowTheEnding() {
        let found = OrganizationMatcher().match(StructureHarness.context("市委组织部、市人社局、市总工会、市人才工作服务中心、团县委"), measures: [])
        #expect(found.map(\.kind) == [.party, .government, .people, .serviceCentre, .people])
    }

    @Test func bodiesOfAPartyCommitteeAreThePartys() {
        let found = OrganizationMatcher().match(StructureHarness.context("县委办公室、市卫健委、县委政法委、区党委组织部、市发展改革委"), measures: [])
        #expect(found.map(\.name) == ["县委办公室", "市卫健委", "县委政法委", "区党委组织部", "市发展改革委"])
        #expect(found.map(\.kind) == [.party, .government, .party, .party, .government])
    }

    @Test func definiteUnitsOfResponsibilityNotesCountAndVagueOnesDoNot() throws {
        let result = try StructureHarness.extract(
            """
            关于印发人才措施的通知

            一、主要任务

            1.实施助力工程。给予支持。(市工信局牵头负责，三县区党委政府、市直相关部门、宁夏理工学院、各园区管委会配合)

            2.实施支撑工程。给予支持。(市人社局牵头负责，三县区党委政府、有关部门配合)
            """)
        let names = result.organizations.map(\.name)
        #expect(names == ["市工信局", "三县区党委政府", "各园区管委会", "市人社局"])
        #expect(result.organizations.first { $0.name == "三县区党委政府" }?.mentions == 2)
    }

    @Test func officesNamedInALabelledNoteCountAndRecipientClassesDoNot() throws {
        let result = try StructureHarness.extract(
            """
            关于印发人才措施的通知

            各区县人社局、财政局，市直有关单位：

            一、主要任务

            1.建立人才工作督办机制。按季度通报进展。
            责任单位：市委组织部、市委政研室

            2.实施人才安居工程。市财政每年安排专项资金。
            责任单位：市住建局、市财政局
            """)
        #expect(result.organizations.map(\.name) == ["市委组织部", "市委政研室", "市财政", "市住建局", "市财政局"])
    }
}
