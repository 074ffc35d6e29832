import Foundation
import Segmenter
import Testing
@testable import Extractor

/// The outline, the choice of the measure lists, articles and the metadata
/// block, on small documents written here (places and bodies invented).
@Suite("Structure outline")
struct StructureOutlineTests {
    private func numbers(_ text: String, format: DocumentFormat = .plain) throws -> [String] {
        try StructureHarness.extract(text, format: format).measures.map(\.number)
    }

    @Test func numberGluedToATitleStartingWithDigitsStaysANumber() throws {
        let text = """
            江城市人民政府关于印发人才措施的通知

            一、引才
            1.实施引才计划。给予支持。（市人社局负责）
            2.333人才工程。培养人才。（市人社局负责）
            3.支持企业引才。给予补贴。（市财政局负责）
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2", "3"])
        #expect(result.measures.map(\.title) == ["实施引才计划", "333人才工程", "支持企业引才"])
        #expect(result.measures.last?.lead == ["市财政局"])
    }

    @Test func firstNumberGluedToADateIsANumberWhenItsSecondFollows() throws {
        let text = """
            江城市人民政府关于印发营商环境任务分工的通知

            一、推进审批改革
            1.2031年6月底前完成规章清理。（市司法局负责）
            2.建立审查机制。（市政府办公室负责）
            3.2031年底前实现一网通办。（市政务服务局负责）
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2", "3"])
        #expect(result.measures.map(\.title) == ["2031年6月底前完成规章清理", "建立审查机制", "2031年底前实现一网通办"])
    }

    /// Items restarting under sub-parts whose own numbering runs on across the
    /// parts (`（三）` under `二、`): the sub-part's number alone comes first.
    @Test func itemsUnderSubPartsNumberedAcrossPartsTakeTheSubPartNumber() throws {
        let text = """
            江城市人民政府关于印发营商环境任务分工的通知

            一、优化审批
            （一）精简审批事项。
            1.清理许可事项。（市司法局负责）
            2.压减审批时限。（市政务服务局负责）
            （二）推进一网通办。
            1.整合办事系统。（市大数据局负责）
            二、强化监管
            （三）创新监管方式。
            1.推行信用监管。（市市场监管局负责）
            2.加强执法协同。（市司法局负责）
            """
        #expect(try numbers(text) == ["1.1", "1.2", "2.1", "3.1", "3.2"])
    }

    @Test func decimalAfterAnItemIsNoItem() throws {
        let text = """
            江城市人民政府关于印发人才措施的通知

            1.实施引才计划。给予支持。（市人社局负责）
            2.支持企业引才。给予补贴。（市财政局负责）
            5.5万元用于建设公寓。
            """
        #expect(try numbers(text) == ["1", "2"])
    }

    @Test func numberingRunningOnAcrossPartsIsKeptAsWritten() throws {
        let text = """
            江城市人民政府关于印发人才措施的通知

            一、引才
            1.实施引才计划。给予支持。
            2.支持企业引才。给予补贴。
            二、留才
            3.建设人才公寓。统筹建设。
            4.完善子女入学。落实政策。
            """
        #expect(try numbers(text) == ["1", "2", "3", "4"])
    }

    @Test func listsOfDifferentKindsUnderDifferentPartsTakeTheirPartNumbers() throws {
        let text = """
            江城区农业委员会关于印发补贴细则的通知

            一、补贴对象
            本区种植户。
            二、补贴标准
            （一）绿肥补贴
            每亩补贴100元。
            （二）深翻补贴
            每亩补贴50元。
            三、工作要求
            1．加强核查。各镇核查面积。
            2．加强宣传。各镇宣传政策。
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["2.1", "2.2", "3.1", "3.2"])
        #expect(result.measures.allSatisfy { $0.kind == .item })
    }

    @Test func generalItemsOfTheChosenListAreMeasuresToo() throws {
        let text = """
            江城市人民政府关于科学绿化的实施意见

            一、总体要求
            （一）指导思想
            坚持生态优先。
            （二）工作原则
            坚持科学绿化。
            二、主要任务
            （一）编制绿化规划
            科学编制规划。
            （二）规范绿化建设
            规范建设管理。
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1.1", "1.2", "2.1", "2.2"])
        #expect(result.measures.first?.title == "指导思想")
    }

    @Test func listsInAnAnnexThatIsNoPolicyAreNoMeasures() throws {
        let text = """
            江城市人民政府关于印发人才措施的通知

            一、引才
            （一）实施引才计划。给予支持。
            （二）支持企业引才。给予补贴。
            二、留才
            （一）建设人才公寓。统筹建设。
            （二）完善子女入学。落实政策。

            附件
            示范场景申报表
            1.智慧园区。园区场景。
            2.智慧社区。社区场景。
            3.智慧医院。医院场景。
            """
        #expect(try numbers(text) == ["1.1", "1.2", "2.1", "2.2"])
    }

    /// A page scraped onto one line: an annex after the list of annexes,
    /// opening with its number after a sentence end, is no policy; the
    /// annex a sentence mentions (`见附件1`) opens nothing.
    @Test func listsInAnAnnexRunIntoOneLongLineAreNoMeasures() throws {
        let filler = String(repeating: "各区要结合实际抓好落实，确保取得实效。", count: 12)
        let text =
            "江城市人民政府关于加强应急管理的意见 现提出如下意见：分级标准见附件1。"
            + "（一）健全指挥体系。" + filler + "（二）强化监测预警。" + filler + "（三）做好应急保障。" + filler
            + "附件：1.突发事件分级标准2.应急物资储备表"
            + "附件1突发事件分级标准：（一）特别重大事件。造成10人以上死亡的。（二）重大事件。造成3人以上死亡的。"
            + "附件2应急物资储备表：（一）救援车辆。（二）通信设备。"
        #expect(try numbers(text) == ["1", "2", "3"])
    }

    @Test func listsOfMaterialsAndConditionsAreNoMeasures() throws {
        let text = """
            江城市人民政府关于印发人才措施的通知

            一、支持措施
            （一）实施引才计划。给予支持。
            （二）支持企业引才。给予补贴。
            二、申报材料
            （一）申请书。
            （二）营业执照复印件。
            """
        #expect(try numbers(text) == ["1", "2"])
    }

    @Test func callForApplicationsHasNoMeasures() throws {
        let text = """
            江城市科技局关于申报2031年创新项目的通知

            各有关单位：
            现将有关事项通知如下：
            一、支持方向
            （一）人工智能。
            （二）生物医药。
            二、工作流程
            （一）网上填报。
            （二）专家评审。
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.isEmpty)
        #expect(result.genre == "normative")
    }

    @Test func markersRunIntoOneLongLineAreItems() throws {
        let filler = String(repeating: "坚持创新引领，推动高质量发展。", count: 20)
        let text =
            "江城市人民政府关于加快发展的实施意见 为加快发展，提出如下意见。" + filler
            + "（一）加强组织领导。" + filler + "（二）强化资金保障。" + filler + "（三）优化营商环境。" + filler
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2", "3"])
        #expect(result.measures.map(\.title) == ["加强组织领导", "强化资金保障", "优化营商环境"])
    }

    /// A page scraped onto one line: the part's short title runs straight into
    /// its first sub-item (`二、支持内容（一）…`), the later ones follow sentence ends.
    @Test func subItemsRunOnAfterAPartTitleInOneLongLineAreItems() throws {
        let filler = String(repeating: "对符合条件的企业给予支持，推动产业集聚发展。", count: 12)
        let text =
            "江城区关于推动机器人产业发展的若干意见 为推动产业发展，制定本意见。"
            + "一、适用对象本意见适用于在本区登记注册的企业。"
            + "二、支持内容（一）支持平台建设。" + filler + "（二）引导产业集聚。" + filler + "（三）鼓励协同创新。" + filler
            + "三、附则（一）本意见由区科委负责解释。（二）本意见自2031年1月1日起施行。"
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["2.1", "2.2", "2.3", "3.1", "3.2"])
        #expect(result.measures.map(\.title) == ["支持平台建设", "引导产业集聚", "鼓励协同创新", "本意见由区科委负责解释", "本意见自2031年1月1日起施行"])
        #expect(result.sections.filter { $0.level == 1 }.dropFirst().map(\.title) == ["支持内容", "附则"])
    }

    /// One long line whose `（一）…` list runs on across parts, each part's
    /// title run into its first item, and `1.` items run into a sub-part's title.
    @Test func numberingRunningOnAcrossPartsInOneLongLine() throws {
        let filler = String(repeating: "各区要结合实际抓好落实，确保取得实效。", count: 10)
        let text =
            "江城市人民政府关于优化营商环境的意见 现提出如下意见："
            + "一、完善机制（一）主要目标。1.审批更加便利。" + filler + "2.服务更加高效。" + filler
            + "（二）健全协调机制。" + filler
            + "二、强化保障（三）加大资金投入。" + filler + "（四）加强督促检查。" + filler
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2", "3", "4"])
        #expect(result.measures.map(\.title) == ["主要目标", "健全协调机制", "加大资金投入", "加强督促检查"])
        #expect(result.sections.filter { $0.level == 3 }.map(\.title) == ["审批更加便利", "服务更加高效"])
    }

    /// In one long line each item ends with its responsibility note, and the
    /// next marker follows the note's closing bracket, not a sentence end.
    @Test func markersAfterANoteClosingTheLastSentenceInOneLongLine() throws {
        let filler = String(repeating: "优化审批流程，压缩办理时限，提升服务效能。", count: 15)
        let text =
            "江城市人民政府关于优化营商环境的实施意见 现提出以下意见。"
            + "一、提升投资便利度（一）优化审批流程。" + filler + "（市发展改革委负责）"
            + "（二）提升审批效率。" + filler + "（市住房城乡建设委、市规划资源局按职责分工负责）"
            + "二、降低准入门槛（三）简化准入手续。" + filler + "（市市场监管局负责）"
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2", "3"])
        #expect(result.measures.map(\.lead) == [["市发展改革委"], ["市住房城乡建设委", "市规划资源局"], ["市市场监管局"]])
        #expect(result.sections.filter { $0.level == 1 }.map(\.title) == ["提升投资便利度", "降低准入门槛"])
    }

    /// In a long line, a bracketed number run into a sentence is text: neither
    /// after a heading's title, nor, after one, followed by its next number.
    @Test func bracketedNumberRunIntoASentenceOfALongLineStaysText() throws {
        let filler = String(repeating: "对符合条件的企业给予支持，推动产业集聚发展。", count: 12)
        let text =
            "江城区关于推动机器人产业发展的若干意见 为推动产业发展，制定本意见。"
            + "一、支持内容" + filler + "对符合条件（1）的企业给予奖励。" + filler
            + "二、保障措施（一）本意见由区科委负责解释。" + filler
            + "三、附则本意见自2031年1月1日起施行。" + filler
        let document = TextDocument(text: text)
        let source = Source(path: "test", sha256: "", encoding: "UTF-8", format: "plain", characters: document.original.count)
        let (result, rejections) = try DocumentExtractor().explain(document, source: source)
        #expect(result.sections.map(\.marker) == ["一、", "二、", "三、"])
        let rules = Set(rejections.filter { $0.rule.hasPrefix("section.") }.map(\.rule))
        #expect(rules == ["section.inline-unbounded", "section.inline-unfollowed"])
    }

    @Test func inlineEnumerationInAParagraphStaysText() throws {
        let text = """
            江城市人民政府关于印发人才措施的通知

            1.实施引才计划。主要包括：（1）引进领军人才；（2）引进青年人才。（市人社局负责）
            2.支持企业引才。给予补贴。（市财政局负责）
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2"])
        #expect(result.sections.map(\.marker) == ["1.", "2."])
    }

    @Test func articlesAreMeasuresNumberedAcrossChapters() throws {
        let text = """
            江城市人才公寓管理办法

            第一章　总则
            第一条　为规范人才公寓管理，制定本办法。
            第二条　【适用范围】本办法适用于本市人才公寓。
            第二章　管理
            第三条　（管理职责）市住建局负责人才公寓的统筹管理。依照本办法第二条规定执行。
            第四条　人才公寓租金按市场价的70%确定。
            第三章　附则
            第五条　本办法自2031年1月1日起施行。
            """
        let result = try StructureHarness.extract(text)
        #expect(result.genre == "normative")
        #expect(result.measures.map(\.number) == ["1", "2", "3", "4", "5"])
        #expect(result.measures.allSatisfy { $0.kind == .article })
        #expect(result.measures.map(\.title) == [nil, "适用范围", "管理职责", nil, nil])
        #expect(result.sections.map(\.level) == [1, 1, 1])
        #expect(result.sections.map(\.title) == ["总则", "管理", "附则"])
        let percentage = try #require(result.percentages.first)
        #expect(percentage.measure == "4")
    }

    @Test func articlesRunIntoOneLine() throws {
        let text =
            "江城市人才公寓管理办法 第一章总则第一条为规范人才公寓管理，制定本办法。第二条本办法适用于本市人才公寓，见第五条。第三条市住建局负责统筹管理。第二章附则第四条本办法自印发之日起施行。"
            + String(repeating: "本办法由市住建局负责解释，", count: 60)
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2", "3", "4"])
        #expect(result.sections.map(\.title) == ["总则", "附则"])
    }

    @Test func firstArticleRunOnAfterTheTitleOfALine() throws {
        let text = """
            江城市人才公寓管理条例第一条为规范人才公寓管理，制定本条例。第二条本条例适用于本市人才公寓。第三条市住建局负责统筹管理。

            第四条本条例自2031年1月1日起施行。
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2", "3", "4"])
    }

    @Test func articleCitedInATextStaysText() throws {
        let text = """
            江城市人才公寓管理办法

            第一条 为规范人才公寓管理，依照《江城市住房条例》第三条，制定本办法。
            第二条 本办法适用于本市人才公寓。
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2"])
    }

    @Test func titleNumberAndRecipientsRunIntoOneLine() throws {
        let text = "江城市人民政府关于加强人才工作的意见江政发〔2031〕14号各区人民政府，市政府各部门：　　人才是第一资源。现提出如下意见。"
        let metadata = try #require(try StructureHarness.extract(text).metadata)
        #expect(metadata.title == "江城市人民政府关于加强人才工作的意见")
        #expect(metadata.documentNumber == "江政发〔2031〕14号")
        #expect(metadata.recipients == ["各区人民政府", "市政府各部门"])
    }

    @Test func gapInANumberingIsKeptAndReported() throws {
        let text = """
            江城市人民政府关于印发人才措施的通知

            1.实施引才计划。给予支持。（市人社局负责）
            2.支持企业引才。给予补贴。（市财政局负责）
            4.建设人才公寓。统筹建设。（市住建局负责）
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == ["1", "2", "4"])
        #expect(result.diagnostics.contains { $0.rule == "outline.gap" })
    }

    @Test func bracketedNoteWithOneListIsTheLead() throws {
        let text = """
            江城市人民政府关于印发人才措施的通知

            1.实施引才计划。给予支持。（市人社局、各区政府组织落实）
            2.支持企业引才。给予补贴。（市财政局牵头负责、各区政府组织落实）
            3.建设人才公寓。统筹建设。（市住建局牵头负责，市民政局按职责组织配合）
            """
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.lead) == [["市人社局", "各区政府"], ["市财政局"], ["市住建局"]])
        #expect(result.measures.map(\.cooperating) == [[], ["各区政府"], ["市民政局"]])
    }

    // MARK: - Metadata

    @Test func frontMatterGivesTheNumberAndFillsIn() throws {
        let text = """
            ---
            标题: 江城市交通委员会关于做好节能工作的通知
            文号: 江交科〔2031〕7号
            发布单位: 江城市交通委员会
            发布日期: 2031-07-20
            ---

            # 江城市交通委员会关于做好节能工作的通知

            江城市交通委员会
            关于做好节能工作的
            通知

            各有关单位：
            现将有关事项通知如下。
            """
        let metadata = try #require(try StructureHarness.extract(text, format: .markdown).metadata)
        #expect(metadata.documentNumber == "江交科〔2031〕7号")
        #expect(metadata.recipients == ["各有关单位"])
        #expect(metadata.date == "2031-07-20")
        #expect(metadata.issuers == ["江城市交通委员会"])
    }

    @Test func headerTableRunIntoTextWithADashForNone() throws {
        let text = """
            江城区产业资金管理办法
            首页/政务公开/部门文件索引号 : AB0001主题分类 : 政策法规发布机构 : 江城区经济委员会发文字号 : -公开属性 : 主动公开发布时间： 2031-11-25
            第一条 为规范资金管理，制定本办法。
            第二条 本办法自印发之日起施行。
            """
        let metadata = try #require(try StructureHarness.extract(text).metadata)
        #expect(metadata.documentNumber == nil)
        #expect(metadata.issuers == ["江城区经济委员会"])
        #expect(metadata.date == "2031-11-25")
    }

    @Test func documentNumberIsNeverPartOfARecipient() throws {
        let text = """
            江城市人民政府办公厅关于优化服务的指导意见

            江府办发〔2031〕9号各区人民政府，市政府各部门：

            为优化服务，提出如下意见。
            """
        let metadata = try #require(try StructureHarness.extract(text).metadata)
        #expect(metadata.documentNumber == "江府办发〔2031〕9号")
        #expect(metadata.recipients == ["各区人民政府", "市政府各部门"])
    }

    @Test func reprintTakesItsIssuersFromItsLead() throws {
        let text = """
            江城市委办公室、江城市人民政府办公室印发了《江城市人才发展规划》，并发出通知，要求各地认真贯彻落实。

            规划全文如下。
            """
        let metadata = try #require(try StructureHarness.extract(text).metadata)
        #expect(metadata.issuers == ["江城市委办公室", "江城市人民政府办公室"])
    }

    @Test func newsRecordTakesItsFirstLineAsHeadline() throws {
        let text = """
            江城人才驿站正式启用
            日前，江城人才驿站正式启用，可为来江城求职的青年人才提供免费住宿。驿站共有床位120张。
            """
        let metadata = try #require(try StructureHarness.extract(text).metadata)
        #expect(metadata.title == "江城人才驿站正式启用")
    }
}
