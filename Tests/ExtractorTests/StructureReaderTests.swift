import Foundation
import Segmenter
import Testing
import TestSupport
@testable import Extractor

/// Metadata, sections and measures of small documents written here, one per
/// layout the issue names.
@Suite("Structure")
struct StructureReaderTests {
    static let notice = """
        江城市人民政府办公室文件

        江府办发[2021]第15号

        江城市人民政府办公室关于印发江城市促进人才发展
        若干措施的通知

        各区、县级市人民政府，市政府各部门、各直属机构：

        《江城市促进人才发展若干措施》已经市政府同意，现印发给你们，请认真贯彻执行。

        江城市人民政府办公室

        二〇二一年三月五日

        江城市促进人才发展若干措施

        一、引进高层次人才

        1.实施顶尖人才引进计划。对引进的顶尖人才给予最高500万元支持。

        责任单位：市委组织部、市人社局、市财政局

        2.支持企业引才。对企业引进的急需人才给予补贴。

        责任单位：市人社局，各区、县级市人民政府

        二、优化人才服务

        3.建设人才公寓。统筹建设人才公寓1000套。

        牵头单位：市住建局；配合单位：市自然资源和规划局、市财政局

        4.完善子女入学政策。落实《江城市人才子女入学实施办法》。（市教育局负责）
        """

    @Test func noticeMetadata() throws {
        let result = try StructureHarness.extract(Self.notice)
        #expect(result.genre == "normative")
        let metadata = try #require(result.metadata)
        #expect(metadata.title == "江城市人民政府办公室关于印发江城市促进人才发展若干措施的通知")
        #expect(metadata.documentNumber == "江府办发〔2021〕15号")
        #expect(metadata.issuers == ["江城市人民政府办公室"])
        #expect(metadata.recipients == ["各区、县级市人民政府", "市政府各部门、各直属机构"])
        #expect(metadata.date == "2021-03-05")
    }

    @Test func labelledResponsibilityNotes() throws {
        let result = try StructureHarness.extract(Self.notice)
        #expect(result.measures.map(\.number) == ["1", "2", "3", "4"])
        #expect(result.measures.map(\.title) == ["实施顶尖人才引进计划", "支持企业引才", "建设人才公寓", "完善子女入学政策"])
        #expect(
            result.measures.map(\.lead) == [
                ["市委组织部", "市人社局", "市财政局"], ["市人社局", "各区、县级市人民政府"],
                ["市住建局"], ["市教育局"],
            ])
        #expect(result.measures.map(\.cooperating) == [[], [], ["市自然资源和规划局", "市财政局"], []])
    }

    @Test func measureSpanRunsFromMarkerToTheEndOfItsNote() throws {
        let marked = MarkedText(
            """
            关于印发人才措施的通知

            ⟦1.深化改革。对符合条件的单位实行备案制管理。（市

            委编办、市人社局牵头负责，三县区党委政府配合）⟧

            ⟦2.引进人才。给予补贴。（市人社局负责）⟧本措施自印发之日起施行。
            """)
        let result = try StructureHarness.extract(marked.text)
        #expect(result.measures.map(\.span.range) == marked.spans)
        #expect(result.measures.first?.lead == ["市委编办", "市人社局"])
        #expect(result.measures.first?.rule == "measure.numbered+responsibility.bracketed")
    }

    @Test func numberingThatRestartsUnderEachPartTakesThePartNumber() throws {
        let result = try StructureHarness.extract(
            """
            中共青山县委办公室 青山县人民政府办公室
            关于印发《青山县乡村人才振兴行动方案》的通知

            一、总体要求

            （一）指导思想。以新思想为指导。

            二、重点任务

            （一）培育农业生产经营人才。实施培育计划。（责任单位：县农业农村局、县人社局）

            （二）培育乡村公共服务人才。加强教师队伍建设。（县教育局牵头，县委编办、县财政局配合）

            三、保障措施

            （一）强化资金保障。安排专项资金。（责任单位：县财政局）
            """)
        // A general item of the chosen list is a measure too (spec §5: `（一）指导思想`).
        #expect(result.measures.map(\.number) == ["1.1", "2.1", "2.2", "3.1"])
        #expect(result.measures.map(\.cooperating)[2] == ["县委编办", "县财政局"])
        #expect(result.metadata?.issuers == ["中共青山县委办公室", "青山县人民政府办公室"])
        #expect(result.sections.map(\.level) == [1, 2, 1, 2, 2, 1, 2])
        #expect(result.sections.map(\.marker) == ["一、", "（一）", "二、", "（一）", "（二）", "三、", "（一）"])
    }

    @Test func chineseNumeralItemsAreNumberedInArabic() throws {
        var text = "关于加快人才发展的若干措施\n\n"
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]
        for numeral in numerals { text += "（\(numeral)）第\(numeral)项措施。内容。（市人社局负责）\n\n" }
        let result = try StructureHarness.extract(text)
        #expect(result.measures.map(\.number) == (1...11).map(String.init))
        #expect(result.measures.last?.title == "第十一项措施")
    }

    @Test func documentWithoutMeasuresIsAReport() throws {
        let result = try StructureHarness.extract(
            """
             增强农村实用人才支撑力

            跑出乡村全面振兴加速度

            近年来，x县委深入贯彻落实重要论述，为脱贫攻坚和乡村振兴提供了坚实人才支撑。

            一、分类评价识才，让在乡人才“有名有实”。率先在全市探索实施农村实用人才分类评价认定。

            二、内外协同引才，让在外人才“返乡兴乡”。坚持本土人才与在外人才并重。

             聚力建设人才创新引领示范区

            人才是推动高质量发展的第一资源、核心要素。

            返乡大学生社会实践活动暨岗前培训会
            """)
        #expect(result.genre == "report")
        #expect(result.measures.isEmpty)
        #expect(
            result.sections.map(\.title) == [
                "增强农村实用人才支撑力 跑出乡村全面振兴加速度",
                "分类评价识才，让在乡人才“有名有实”",
                "内外协同引才，让在外人才“返乡兴乡”",
                "聚力建设人才创新引领示范区",
            ])
        #expect(result.sections.map(\.marker) == ["", "一、", "二、", ""])
        #expect(result.metadata == nil)
    }

    @Test func markdownPostHasItsHeadlineAndDate() throws {
        let result = try StructureHarness.extract(
            """
            ---
            title: "江城人才工作新闻"
            date: 2023-05-06 09:00:00 +0800
            ---

            # 江城市出台人才新政 十条措施助力高质量发展

            5月6日，江城市委组织部发布《江城市高层次人才引进办法》。

            ## 政策亮点

            新政明确，对引进的顶尖人才给予支持。

            ### 安居保障

            市住建局负责统筹建设人才公寓。
            """, format: .markdown)
        #expect(result.genre == "report")
        #expect(result.metadata?.title == "江城市出台人才新政 十条措施助力高质量发展")
        #expect(result.metadata?.date == "2023-05-06")
        #expect(result.sections.map { "\($0.level)\($0.marker)\($0.title)" } == ["1##政策亮点", "2###安居保障"])
        #expect(result.references.first?.action == "发布")
    }

    @Test func htmlPageHasItsTitleWithoutTheSiteName() throws {
        let result = try StructureHarness.extract(
            """
            <html><head><title>江城市召开人才工作会议_江城新闻网</title></head>
            <body>
            <p>发布时间：2023年7月1日</p>
            <p>7月1日，江城市委人才工作领导小组召开会议，传达学习会议精神。</p>
            <p>坚持靶向用力，构建引才聚才良好生态</p>
            <p>要认真贯彻落实《关于加强新时代人才工作的意见》，市委组织部、市科技局要加强协同。</p>
            </body></html>
            """, format: .html)
        #expect(result.metadata?.title == "江城市召开人才工作会议")
        #expect(result.metadata?.date == "2023-07-01")
        #expect(result.sections.map(\.title) == ["坚持靶向用力，构建引才聚才良好生态"])
        #expect(result.organizations.map(\.name) == ["江城市委人才工作领导小组", "市委组织部", "市科技局"])
    }

    @Test func corpusNoticeReadsAsTheGoldDoes() throws {
        let url = try #require(Repository.corpus.first { $0.lastPathComponent.hasPrefix("001_") })
        let result = try DocumentExtractor().extract(fileAt: url.path)
        #expect(result.genre == "normative")
        #expect(result.measures.count == 25)
        #expect(result.measures.allSatisfy { !$0.lead.isEmpty && !$0.cooperating.isEmpty })
        #expect(result.metadata?.documentNumber == "石党办发〔2020〕32号")
        #expect(result.metadata?.recipients.count == 4)
        #expect(result.diagnostics.isEmpty)
    }
}

/// Layouts of responsibility that the corpus does not show but policy documents use.
@Suite("Structure variants")
struct StructureVariantTests {
    @Test func noteRightAfterTheTitleLeavesTheItemWhole() throws {
        let marked = MarkedText(
            """
            江城市人才发展行动方案

            ⟦1.实施引才计划。（责任单位：市人社局）每年引进人才100名。⟧

            ⟦2.实施育才计划。（责任单位：市教育局）每年培养人才200名。⟧
            """)
        let result = try StructureHarness.extract(marked.text)
        #expect(result.measures.map(\.span.range) == marked.spans)
        #expect(result.measures.map(\.lead) == [["市人社局"], ["市教育局"]])
    }

    @Test func noteClosingTheLastSubItemBelongsToTheItem() throws {
        let result = try StructureHarness.extract(
            """
            江城市人才发展行动方案

            （一）实施引才计划。具体措施如下：

            1.引进顶尖人才。

            2.引进青年人才。

            责任单位：市人社局、市财政局

            （二）实施育才计划。具体措施如下：

            1.培养技能人才。

            2.培养乡村人才。

            责任单位：市教育局
            """)
        #expect(result.measures.map(\.number) == ["1", "2"])
        #expect(result.measures.map(\.title) == ["实施引才计划", "实施育才计划"])
        #expect(result.measures.map(\.lead) == [["市人社局", "市财政局"], ["市教育局"]])
    }

    @Test func clauseWithoutARoleWordTakesTheRoleOfTheNext() throws {
        let result = try StructureHarness.extract(
            """
            江城市人才发展若干措施

            1.强化组织保障。建立协调机制。（市委组织部，市人社局牵头负责，市财政局配合）

            2.强化资金保障。安排专项资金。（市财政局牵头，市人社局、市税务局）
            """)
        #expect(result.measures.map(\.lead) == [["市委组织部", "市人社局"], ["市财政局"]])
        #expect(result.measures.map(\.cooperating) == [["市财政局"], ["市人社局", "市税务局"]])
    }

    @Test func departmentsOutsideTheLexiconAreReadFromTheirLevel() throws {
        let result = try StructureHarness.extract(
            """
            江城市优化营商环境若干措施

            1.优化审批服务。压缩审批时限。（市营商环境局牵头负责，市数据资源局配合）

            2.加强统筹。国家发展改革委和市委办、县政府办加强协调。（市营商环境局负责）
            """)
        let names = result.organizations.map(\.name)
        #expect(names.contains("市营商环境局"))
        #expect(names.contains("市数据资源局"))
        #expect(names.contains("国家发展改革委"))
        #expect(names.contains("市委办"))
        #expect(names.contains("县政府办"))
    }
}

/// 公文 headers laid out in other ways.
@Suite("Structure headers")
struct StructureHeaderTests {
    @Test func leadInEndingWithAColonIsNoRecipientList() throws {
        let result = try StructureHarness.extract(
            """
            江城市人民政府关于进一步加强人才工作的通知

            为贯彻落实中央人才工作会议精神，现就有关事项通知如下：

            一、加强组织领导。（市委组织部负责）

            二、加大投入力度。（市财政局负责）

            江城市人民政府

            2021年3月5日
            """)
        #expect(result.metadata?.recipients == [])
        #expect(result.metadata?.issuers == ["江城市人民政府"])
        #expect(result.metadata?.date == "2021-03-05")
        #expect(result.measures.map(\.number) == ["1", "2"])
    }

    @Test func jointOrganLineAndSignatureOnOneLine() throws {
        let result = try StructureHarness.extract(
            """
            中共江城市委员会 江城市人民政府 文件

            江发〔2021〕3号

            中共江城市委 江城市人民政府
            关于实施人才强市战略的意见

            各区委、区人民政府，市委各部委，市级国家机关各部门：

            现提出如下意见。

            中共江城市委    江城市人民政府

            2021年3月5日

            1.引进人才。（市人社局负责）

            2.培养人才。（市教育局负责）
            """)
        let metadata = try #require(result.metadata)
        #expect(metadata.issuers == ["中共江城市委员会", "江城市人民政府"])
        #expect(metadata.title == "中共江城市委 江城市人民政府关于实施人才强市战略的意见")
        #expect(metadata.recipients == ["各区委、区人民政府", "市委各部委", "市级国家机关各部门"])
        #expect(metadata.documentNumber == "江发〔2021〕3号")
    }

    @Test func titleWithABracketedTail() throws {
        let result = try StructureHarness.extract(
            """
            江城市人才发展行动计划（2021—2025年）

            1.引进人才。（市人社局负责）

            2.培养人才。（市教育局负责）
            """)
        #expect(result.genre == "normative")
        #expect(result.metadata?.title == "江城市人才发展行动计划（2021—2025年）")
    }
}

/// Headings that a PDF's wrapping cut.
@Suite("Structure wrapped headings")
struct StructureWrappedHeadingTests {
    @Test func titleWrappedBeforeItsFullStopContinuesOnTheNextLine() throws {
        let result = try StructureHarness.extract(
            """
            江城市人才发展若干措施

            1. 实施产业人才“助力工程”，支持重点企业引进急需紧

            缺人才。对引进的人才给予一次性奖励，所需资金由市财政安

            排。（市人社局牵头负责，市财政局配合）

            2. 实施技能人才“支撑工程”。制定技能人才培养专项规划，建

            立与职业教育办学规模相适应的投入制度。（市人社局负责）
            """)
        #expect(result.measures.map(\.title) == ["实施产业人才“助力工程”，支持重点企业引进急需紧缺人才", "实施技能人才“支撑工程”"])
        #expect(result.measures.map(\.lead) == [["市人社局"], ["市人社局"]])
    }

    @Test func markerAloneOnItsLineTakesTheNextLineAsTitle() throws {
        let result = try StructureHarness.extract(
            """
            江城市人才发展行动方案

            （一）
            实施引才计划。每年引进人才100名。（市人社局负责）

            （二）
            实施育才计划。每年培养人才200名。（市教育局负责）
            """)
        #expect(result.measures.map(\.title) == ["实施引才计划", "实施育才计划"])
        #expect(result.sections.map(\.marker) == ["（一）", "（二）"])
    }
}

/// What the structure reader reports rather than extracts.
@Suite("Structure findings")
struct StructureFindingTests {
    @Test func markerOutOfSequenceIsRejectedAndExplained() throws {
        let document = TextDocument(text: "一、总体要求\n\n1.加强领导。\n\n7.这一行只是被断开的数字。\n\n2.加大投入。")
        let source = Source(path: "test", sha256: "", encoding: "UTF-8", format: "plain", characters: document.original.count)
        let (result, rejections) = try DocumentExtractor().explain(document, source: source)
        #expect(result.sections.map(\.marker) == ["一、", "1.", "2."])
        // The quantity scan names its own near misses (`number.list-marker`); the sections' are these.
        let sectionRejections = rejections.filter { $0.rule.hasPrefix("section.") }
        #expect(sectionRejections.map(\.rule) == ["section.out-of-sequence"])
        #expect(sectionRejections.first?.text == "7.这一行只是被断开的数字")
    }

    @Test func measureWithoutANoteAmongNotedOnesIsReported() throws {
        let result = try StructureHarness.extract(
            """
            江城市人才发展若干措施

            1.引进人才。给予补贴。（市人社局负责）

            2.培养人才。给予奖励。

            3.留住人才。优化服务。（市教育局负责）

            4.用好人才。完善机制。责任单位：
            """)
        #expect(result.diagnostics.map(\.rule) == ["responsibility.missing", "responsibility.empty"])
    }
}

/// A 责任单位 line the normaliser ran into the paragraph after it.
@Suite("Structure note lines")
struct StructureNoteLineTests {
    @Test func unitListEndsWithItsOriginalLine() throws {
        let result = try StructureHarness.extract(
            """
            江城市人才发展若干措施

            一、引进人才

            1.实施引才计划。每年引进人才100名。
            责任单位：市人社局、市财政局
            各地要结合实际制定配套办法，切实抓好落实。

            2.实施育才计划。每年培养人才200名。
            责任单位：市教育局、市科
            技局、市人社局
            """)
        #expect(result.measures.map(\.lead) == [["市人社局", "市财政局"], ["市教育局", "市科技局", "市人社局"]])
    }
}

/// A plain-text news report: its headline, byline and date.
@Suite("Structure news")
struct StructureNewsTests {
    @Test func plainReportOpeningWithItsHeadline() throws {
        let result = try StructureHarness.extract(
            """
            江城市召开人才工作会议

            记者 王某 通讯员 李某

            2023年7月1日

            7月1日，江城市委人才工作领导小组召开会议，传达学习中央人才工作会议精神。会议要求，各地各部门要把人才工作摆在突出位置。

            会议强调，要持续优化人才发展环境，让各类人才在江城安心干事创业。
            """)
        #expect(result.genre == "report")
        #expect(result.metadata?.title == "江城市召开人才工作会议")
        #expect(result.metadata?.date == "2023-07-01")
        #expect(result.sections.isEmpty)
    }
}

/// A signature and its date written on one line.
@Suite("Structure signatures")
struct StructureSignatureTests {
    @Test func signatureAndDateOnOneLine() throws {
        let result = try StructureHarness.extract(
            """
            江城市人民政府关于加快人才发展的意见

            各区人民政府，市政府各部门：

            现提出如下意见。

            一、引进人才。（市人社局负责）

            二、培养人才。（市教育局负责）

            江城市人民政府    2021年3月5日
            """)
        #expect(result.metadata?.issuers == ["江城市人民政府"])
        #expect(result.metadata?.date == "2021-03-05")
        #expect(result.metadata?.recipients == ["各区人民政府", "市政府各部门"])
    }
}
