import Testing
@testable import Extractor

/// Reports, summaries and speeches in plain text: a first line that reads as
/// their title, the signature and date closing them, and the speaker's line.
@Suite("Structure report titles")
struct StructureReportTitleTests {
    @Test func summaryTakesItsFirstLineAsTitleAndItsSignatureAndDate() throws {
        let result = try StructureHarness.extract(
            """
            河湾县2022年人才工作总结

            2022年，县人社局在县委、县政府领导下，扎

            实推进人才工作。现将有关情况总结如下。

            一、工作成效

            （一）引才规模扩大

            全年引进各类人才520名，其中硕士研究

            生86名。

            （二）服务持续优化

            建成人才驿站3个。

            河湾县人力资源和社会保障局

            2022年12月26日
            """)
        #expect(result.genre == "report")
        #expect(result.metadata?.title == "河湾县2022年人才工作总结")
        #expect(result.metadata?.issuers == ["河湾县人力资源和社会保障局"])
        #expect(result.metadata?.date == "2022-12-26")
        #expect(result.sections.map(\.title) == ["工作成效", "引才规模扩大", "服务持续优化"])
    }

    @Test func speechTitleLeavesTheSpeakerOut() throws {
        let result = try StructureHarness.extract(
            """
            在全县乡村人才振兴推进会上的讲话（提纲）

            县长　林某某

            （2022年4月9日）

            同志们：

            今天召开推进会，主要是部署今年的乡村人才工作。

            一、认清形势

            乡村人才总量不足，结构不优。

            二、抓好落实

            各乡镇要压实责任，确保各项任务落地见效。
            """)
        #expect(result.metadata?.title == "在全县乡村人才振兴推进会上的讲话（提纲）")
        #expect(result.metadata?.issuers == [])
        #expect(result.metadata?.date == "2022-04-09")
        #expect(result.sections.map(\.title) == ["认清形势", "抓好落实"])
    }

    @Test func numberedReportReadsLikeANotice() throws {
        let result = try StructureHarness.extract(
            """
            江城市人力资源和社会保障局文件

            江人社发〔2023〕8号

            江城市人力资源和社会保障局关于2023年上半年人才工作情况的报告

            市人民政府：

            现将我局2023年上半年人才工作情况报告如下。

            一、主要成效

            上半年引进各类人才1200名。

            二、下步打算

            继续抓好人才引进工作。

            江城市人力资源和社会保障局

            2023年7月10日
            """)
        #expect(result.metadata?.title == "江城市人力资源和社会保障局关于2023年上半年人才工作情况的报告")
        #expect(result.metadata?.documentNumber == "江人社发〔2023〕8号")
        #expect(result.metadata?.recipients == ["市人民政府"])
        #expect(result.metadata?.issuers == ["江城市人力资源和社会保障局"])
        #expect(result.metadata?.date == "2023-07-10")
    }

    @Test func sentenceMentioningAReportIsNoTitle() throws {
        let result = try StructureHarness.extract(
            """
            县人社局日前发布人才发展年度报告。报告显示，全县人才总量稳步增长。

            报告提出，要持续优化人才发展环境，推动人才向基层流动。
            """)
        #expect(result.metadata?.title == nil)
    }

    @Test(arguments: [
        ("市委书记　张某某", true),
        ("县人社局局长 李明", true),
        ("副市长  欧阳小兰", true),
        ("书记抓人才 工作", false),
        ("人才工作会议在江城召开", false),
        ("市长 在会上讲话强调要抓落实", false),
    ])
    func bylineNamesAPostAndAPerson(_ line: String, _ expected: Bool) {
        let scalars = Array(line.unicodeScalars)
        let layout = LayoutLine(range: 0..<scalars.count, scalars: scalars[...], blankBefore: 0)
        #expect(StandaloneHeadings.namesAPerson(layout) == expected)
    }
}
