import Foundation
import Segmenter
import Testing
@testable import Extractor

/// Division-of-tasks plans whose two numbered levels both carry
/// responsibility notes (texts invented here).
@Suite("Structure: two noted levels")
struct StructureNotedLevelsTests {
    private let plan = """
        江城市优化营商环境重点任务分工方案

        为抓好各项任务落实，制定本分工方案。

        一、优化审批服务

        （一）深化审批制度改革。全面推行告知承诺制。（牵头单位：市政务服务局；配合单位：市发展改革委）

        1.推行告知承诺制。对涉企经营许可事项实行告知承诺。（责任单位：市司法局、市市场监管局）

        2.压减审批时限。将一般审批事项办理时限压减至5个工作日。（责任单位：市政务服务局）

        （二）加强事中事后监管。推行双随机一公开监管。（牵头单位：市市场监管局）

        （三）提升政务服务水平。推进一网通办。（牵头单位：市政务服务局）

        二、支持企业发展

        （四）加大金融支持。引导银行扩大信贷投放。（牵头单位：市金融局；配合单位：市财政局）

        1.扩大信贷投放。推动普惠小微贷款增长。（责任单位：市金融局）

        2.降低融资成本。落实贷款贴息政策。（责任单位：市财政局、市金融局）

        （五）降低企业成本。落实减税降费政策。（牵头单位：市税务局；配合单位：市财政局）
        """

    /// The sub-items that carry their own notes are the measures in place of
    /// their part; parts with a note and no sub-items stay measures.
    @Test func subItemsWithTheirOwnNotesReplaceTheirPart() throws {
        let result = try StructureHarness.extract(plan)
        #expect(result.measures.map(\.number) == ["1.1", "1.2", "2", "3", "4.1", "4.2", "5"])
        #expect(result.measures.map(\.title) == ["推行告知承诺制", "压减审批时限", "加强事中事后监管", "提升政务服务水平", "扩大信贷投放", "降低融资成本", "降低企业成本"])
        #expect(result.measures[0].lead == ["市司法局", "市市场监管局"])
        #expect(result.measures[5].lead == ["市财政局", "市金融局"])
        #expect(result.measures[6].lead == ["市税务局"])
        #expect(result.measures[6].cooperating == ["市财政局"])
    }

    /// The other way round (more notes on the lower level): a part of the
    /// parents' kind with its own note and no numbered tasks under it is a
    /// measure, with its own note.
    @Test func notedPartWithoutSubItemsBesideNotedSubItemsIsAMeasure() throws {
        let text = """
            江城市重点任务分工方案

            （一）推进审批改革。（市政务服务局牵头，各区政府负责）具体措施：
            1.清理许可事项。（市司法局负责）
            2.压减审批时限。（市政务服务局负责）
            3.推行容缺受理。（市政务服务局负责）
            （二）强化协同联动。加强部门间信息共享。（市大数据局牵头，各有关部门配合）
            （三）加强监管执法。具体措施：
            1.推行信用监管。（市发展改革委负责）
            2.加强执法协同。（市司法局负责）
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1.1", "1.2", "1.3", "2", "3.1", "3.2"])
        #expect(result.measures[3].lead == ["市大数据局"])
        #expect(result.measures[3].cooperating == ["各有关部门"])
    }

    /// A first task number run into a year is a number when its second,
    /// run into a year too, follows after a sentence end (a page scraped
    /// onto one line).
    @Test func tasksRunIntoYearsOnOneLineAreNumbers() throws {
        let text = """
            江城市重点任务分工方案 为抓好全市优化营商环境大会确定的各项重点任务落实，现制定如下分工方案。（一）完善社会保障。简化参保手续，扩大保险覆盖面。（市人社局牵头）具体措施：1．2031年底前实现社保关系转移“一地办理”。（市人社局负责）2．2032年6月底前实现门诊费用跨区直接结算。（市医保局负责）（二）优化公共服务。推进一网通办。（市政务服务局牵头）具体措施：1．推行容缺受理。（市政务服务局负责）2．扩大自助服务。（市大数据局负责）
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1.1", "1.2", "2.1", "2.2"])
        #expect(result.measures.first?.title == "2031年底前实现社保关系转移“一地办理”")
        #expect(result.measures[1].lead == ["市医保局"])
    }

    /// Lines opening with decimals are no list, however they follow each other.
    @Test func linesOpeningWithDecimalsAreNoList() throws {
        let text = """
            江城市人民政府关于下达资金的通知

            一、下达资金
            （一）专项资金。（市财政局负责）
            1.5亿元用于设施改造。
            2.3亿元用于设备更新。
            （二）配套资金。由各区按比例安排。（各区政府负责）
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2"])
        #expect(!result.sections.contains { $0.title.hasPrefix("5亿元") || $0.title.hasPrefix("3亿元") })
    }

    /// A short page scraped onto one line: its numbered list, with no parts
    /// and shorter than a long paragraph, still holds the measures.
    @Test func shortPageOnOneLineKeepsItsList() throws {
        let text = """
            江城市民政局关于印发养老服务提升行动方案的通知 各区民政局：现将方案印发给你们，请认真贯彻执行。为提升养老服务水平，制定本方案。1.加强组织领导。各区建立工作专班，统筹推进养老服务工作。2.完善服务网络。每个街道建成一个综合为老服务中心。3.提升服务质量。推行服务标准化管理，定期开展质量评估。4.加大资金投入。对新建床位给予补贴。5.强化人才支撑。开展养老护理员职业技能培训。6.推进医养结合。支持医疗机构与养老机构签约合作。
            """
        let result = try StructureHarness.extract(text)
        #expect(result.genre == "normative")
        #expect(result.measures.map(\.number) == ["1", "2", "3", "4", "5", "6"])
        #expect(result.measures.last?.title == "推进医养结合")
    }

    /// A cover notice whose measures are in the annex it issues: the annex
    /// the title names after 印发 is the policy, whatever its title ends with.
    @Test func annexTheNoticeIssuesHoldsTheMeasures() throws {
        let notice = """
            江城市人民政府办公室关于印发江城市河湖长巡查工作制度的通知

            各区人民政府，市政府各部门：

            《江城市河湖长巡查工作制度》已经市政府同意，现印发给你们，请认真贯彻执行。

            附件：江城市河湖长巡查工作制度

            江城市人民政府办公室
            2031年3月5日

            附件

            江城市河湖长巡查工作制度

            一、巡查频次。市级河湖长每季度巡查不少于1次。

            二、巡查内容。重点检查水域岸线管护、污水直排等情况。

            三、问题处置。巡查发现的问题，交办有关部门限期整改。
            """
        let result = try StructureHarness.extract(notice)
        #expect(result.genre == "normative")
        #expect(result.measures.map(\.title) == ["巡查频次", "巡查内容", "问题处置"])
        // An annex the notice does not issue (a form) stays no policy.
        let form = notice.replacingOccurrences(of: "附件\n\n江城市河湖长巡查工作制度\n", with: "附件\n\n巡查记录表\n")
            .replacingOccurrences(of: "附件：江城市河湖长巡查工作制度", with: "附件：巡查记录表")
        #expect(try StructureHarness.extract(form).measures.isEmpty)
    }

    /// An emergency plan numbered as a decimal outline (`1 总则`, `1.1 编制目的`,
    /// `2.1.1 …`): its headings are read as levels, whatever the normaliser
    /// runs together, and its content lists are the measures.
    @Test func decimalOutlineIsReadAsLevels() throws {
        let text = """
            江城市突发事件应急预案

            1 总则
            1.1 编制目的
            为规范应急处置，制定本预案。
            1.2 编制依据
            依据有关法律法规。
            2 组织指挥体系
            2.1 市应急指挥部
            市应急指挥部负责统一指挥。
            2.2 区应急指挥部
            区应急指挥部负责本区处置。
            3 预警
            3.1 预警分级
            预警分为四级。
            3.2 预警发布
            由市应急局发布。
            """
        let result = try StructureHarness.extract(text)
        #expect(result.genre == "normative")
        #expect(result.measures.map(\.number) == ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"])
        #expect(result.measures.map(\.title) == ["编制目的", "编制依据", "市应急指挥部", "区应急指挥部", "预警分级", "预警发布"])
        #expect(result.sections.filter { $0.level == 1 }.map(\.title) == ["总则", "组织指挥体系", "预警"])
    }
}
