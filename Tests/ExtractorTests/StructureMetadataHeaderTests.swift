import Testing
@testable import Extractor

/// The 公文 elements of headers as pages scraped from government sites set
/// them: a Markdown headline above a header table and the document's own
/// title, issuers side by side, a title run into its 发文字号, orders (令)
/// promulgating regulations, and news records. All text is invented.
@Suite("Structure metadata headers")
struct StructureMetadataHeaderTests {
    @Test func aMarkdownPageReadsTheDocumentsOwnHeadBelowItsHeaderTable() throws {
        let result = try StructureHarness.extract(
            """
            # 关于做好2031年江城市河道保洁工作的函

            索取号
            1234567890/2031-00017
            发布机构
            江城市水务局
            文件编号
            江水务〔2031〕58 号
            内容描述
            江水务〔2031〕58号
            江城市水务局
            关于做好2031年江城市河道保洁工作的函
            各区水务局，江城经济开发区管委会：
            为做好今年河道保洁工作，有关要求函告如下：

            一、落实保洁责任。各区要明确责任人。

            二、加强日常巡查。各区要每周巡查一次。

            江城市水务局
            2031年3月2日
            """, format: .markdown)
        let metadata = try #require(result.metadata)
        #expect(metadata.title == "关于做好2031年江城市河道保洁工作的函")
        #expect(metadata.documentNumber == "江水务〔2031〕58号")
        #expect(metadata.recipients == ["各区水务局", "江城经济开发区管委会"])
        #expect(metadata.issuers == ["江城市水务局"])
        #expect(metadata.date == "2031-03-02")
    }

    @Test func aTitleSetAgainIsNoPartOfTheRecipients() throws {
        let result = try StructureHarness.extract(
            """
            # 江城市交通局 江城市财政局关于做好道路养护工作的通知

            江城市交通局 江城市财政局关于做好道路养护工作的通知
            各区交通局，各有关单位：

            现将有关事项通知如下：

            一、加强养护。请各区落实。

            二、加强资金保障。请各区落实。

            江城市交通局      江城市财政局
            2031年5月6日
            """, format: .markdown)
        let metadata = try #require(result.metadata)
        #expect(metadata.recipients == ["各区交通局", "各有关单位"])
        #expect(metadata.issuers == ["江城市交通局", "江城市财政局"], "a wide space between two names parts them")
        #expect(metadata.title == "江城市交通局 江城市财政局关于做好道路养护工作的通知")
    }

    @Test func issuersAtTheTitlesHeadAreSplitAtSpaces() throws {
        let result = try StructureHarness.extract(
            """
            江医保规字〔2031〕3号
            江城市医疗保障局 江城市财政局 江城市卫生健康委员会关于调整门诊报销比例的通知
            各区医疗保障局，各定点医疗机构：
            现将有关事项通知如下：
            一、提高报销比例。门诊报销比例提高到60%。
            二、扩大病种范围。新增病种10个。
            """)
        #expect(result.metadata?.issuers == ["江城市医疗保障局", "江城市财政局", "江城市卫生健康委员会"])
        #expect(result.metadata?.documentNumber == "江医保规字〔2031〕3号")
    }

    @Test func signatureNamesSeparatedByNoBreakSpacesAreTrimmed() throws {
        let result = try StructureHarness.extract(
            """
            江城市民政局 江城市财政局关于提高低保标准的通知
            各区民政局、财政局：
            现将有关事项通知如下：
            一、提高标准。每人每月提高到1200元。
            二、按时发放。各区要按月发放。
            江城市民政局\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}江城市财政局
            2031年6月30日
            """)
        #expect(result.metadata?.issuers == ["江城市民政局", "江城市财政局"])
    }

    @Test func anOrganPassingOnAnotherBodysDocumentIsTheIssuer() throws {
        let result = try StructureHarness.extract(
            """
            江城区人民政府办公室转发区财政局区农业农村委关于规范农田补贴资金管理意见的通知
            江府办发〔2031〕9号
            各镇人民政府、街道办事处：
            区财政局、区农业农村委制定的意见已经区政府同意，现转发给你们，请认真贯彻执行。
            一、规范补贴范围。补贴面积以确权面积为准。
            二、规范发放程序。补贴资金按年发放。
            """)
        #expect(result.metadata?.issuers == ["江城区人民政府办公室"])
    }

    @Test func theCentralGovernmentIssuesATitleRunIntoItsNumber() throws {
        let result = try StructureHarness.extract(
            """
            国务院关于加快发展海洋牧场的意见国发〔2031〕14号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：　　海洋牧场是现代渔业的重要方向。现提出以下意见。一、总体要求。到2035年建成示范区50个。二、主要任务。加快建设深远海养殖平台。
            """)
        let metadata = try #require(result.metadata)
        #expect(metadata.title == "国务院关于加快发展海洋牧场的意见")
        #expect(metadata.documentNumber == "国发〔2031〕14号")
        #expect(metadata.issuers == ["国务院"])
        #expect(metadata.recipients == ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"])
    }

    @Test func aBulletinRunIntoItsNumberKeepsTheGenreWordInItsTitle() throws {
        let result = try StructureHarness.extract(
            """
            国务院办公厅关于部分城市推进海洋牧场建设典型经验的通报国办函〔2031〕21号

            各省、自治区、直辖市人民政府，国务院各部委、各直属机构：各地认真贯彻落实海洋牧场建设部署，取得积极成效。现将有关典型经验通报如下。
            """)
        let metadata = try #require(result.metadata)
        #expect(metadata.title == "国务院办公厅关于部分城市推进海洋牧场建设典型经验的通报")
        #expect(metadata.documentNumber == "国办函〔2031〕21号")
        #expect(metadata.issuers == ["国务院办公厅"])
        #expect(metadata.docType == "通报")
    }

    @Test func aTitleGoesOnOverALineThatEndsItAgain() throws {
        let result = try StructureHarness.extract(
            """
            江人社规字〔2031〕2号
            江城市人力资源和社会保障局 江城市公安局
            关于印发江城市引进人才入户管理办法
            实施细则的通知
            各有关单位：
            现将实施细则印发给你们，请遵照执行。
            一、适用范围。本细则适用于引进人才入户。
            二、申请条件。申请人应当具有本科以上学历。
            """)
        #expect(result.metadata?.title == "江城市人力资源和社会保障局 江城市公安局关于印发江城市引进人才入户管理办法实施细则的通知")
        #expect(result.metadata?.policyType == "细则")
    }

    @Test func anOrderTakesTheRegulationItPromulgatesAsItsTitle() throws {
        let result = try StructureHarness.extract(
            """
            江城市人民政府令
            第46号
            　　《江城市老年人优待办法》已经2031年1月8日市政府第12次常务会议通过，现予公布，自2031年5月1日起施行。
            　　市　长：林某某
            　　2031年1月29日
            江城市老年人优待办法
            　　第一条 为保障老年人合法权益，制定本办法。
            　　第二条 本办法适用于本市行政区域内的老年人优待工作。
            　　第三条 本办法自2031年5月1日起施行。
            """)
        let metadata = try #require(result.metadata)
        #expect(metadata.title == "江城市老年人优待办法")
        #expect(metadata.documentNumber == "江城市人民政府令第46号")
        #expect(metadata.issuers == ["江城市人民政府"])
        #expect(metadata.date == "2031-01-29")
    }

    @Test func aRegulationSaysInABracketWhichOrderPromulgatedIt() throws {
        let result = try StructureHarness.extract(
            """
            中华人民共和国海岛保护条例
            　　（2031年7月27日中华人民共和国国务院令第801号公布）
            第一章　总则
            　　第一条　为了保护海岛生态，制定本条例。
            　　第二条　本条例适用于中华人民共和国管辖海域内的海岛。
            """)
        let metadata = try #require(result.metadata)
        #expect(metadata.title == "中华人民共和国海岛保护条例")
        #expect(metadata.documentNumber == "中华人民共和国国务院令第801号")
        #expect(metadata.issuers == ["国务院"])
        #expect(metadata.date == "2031-07-27")
    }

    @Test func aDateLineIsNoPartOfTheTitleBelowIt() throws {
        let result = try StructureHarness.extract(
            """
            2031年1月29日
            江城市养犬管理办法
            第一条 为规范养犬行为，制定本办法。
            第二条 本办法适用于本市城区。
            """)
        #expect(result.metadata?.title == "江城市养犬管理办法")
    }

    @Test func aSignerNamedAtTheTitlesHeadSignsWhateverItsEnding() throws {
        let result = try StructureHarness.extract(
            """
            江残联规字〔2031〕2号
            江城市残疾人联合会关于印发江城市辅助器具适配办法的通知
            各区残联：
            现将办法印发给你们，请遵照执行。
            江城市残疾人联合会
            2031年1月17日
            江城市辅助器具适配办法
            第一条 为规范辅助器具适配工作，制定本办法。
            第二条 本办法适用于本市户籍残疾人。
            """)
        #expect(result.metadata?.issuers == ["江城市残疾人联合会"])
        #expect(result.metadata?.date == "2031-01-17")
    }

    @Test func aNewsRecordsFirstLineIsItsHeadlineThoughItExclaims() throws {
        let result = try StructureHarness.extract(
            """
            下月起，这笔补贴直接发放至个人！
            　　好消息来了！江城市生育保险政策迎来新变化。2031年12月1日起生育津贴由职工本人申请，直接发放至个人。
            　　办理方式
            　　参保职工可通过网上服务平台申请。
            　　咨询电话
            　　可拨打服务热线咨询。
            """)
        #expect(result.metadata?.title == "下月起，这笔补贴直接发放至个人！")
    }

    @Test func aHeadlineWithItsPostingDateRunOntoItsEnd() throws {
        let result = try StructureHarness.extract(
            """
            筑牢节前安全防线，区房管局开展安全大检查时间：2031-05-13
            为进一步加强安全生产工作，区房管局部署开展了安全生产大检查，全面排查风险隐患。
            """)
        #expect(result.metadata?.title == "筑牢节前安全防线，区房管局开展安全大检查")
        #expect(result.metadata?.date == "2031-05-13")
    }

    @Test func aFrontMatterTitleIsNotTakenOverByABodyHeading() throws {
        let result = try StructureHarness.extract(
            """
            ---
            title: 江城市人才公寓配租问答
            date: 2031-02-10
            ---
            # 一、申请条件
            在本市工作的人才均可申请，通过网上平台提交申请。
            """, format: .markdown)
        #expect(result.metadata?.title == "江城市人才公寓配租问答")
    }

    @Test func aPageOnOneLineIsDatedByItsSignatureInThatLine() throws {
        let result = try StructureHarness.extract(
            """
            国务院办公厅关于加强海洋牧场监管的通知国办发〔2031〕56号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：　　近年来，海洋牧场建设取得一定成效。现就有关事项通知如下：一、加强监管。二、落实责任。国　务　院　办　公　厅　　　　　　2031年11月12日　　（此件公开发布）
            """)
        #expect(result.metadata?.date == "2031-11-12")
        #expect(result.metadata?.issuers == ["国务院办公厅"])
    }

    @Test func aDateLineMayCarryARemarkInBrackets() throws {
        let result = try StructureHarness.extract(
            """
            国务院关于同意设立江城海洋牧场示范区的批复
            国函〔2031〕12号
            江城省人民政府：
            你省关于设立江城海洋牧场示范区的请示收悉。现批复如下：
            一、同意设立江城海洋牧场示范区。
            二、江城省人民政府要加强组织领导。
            国务院
            2031年1月26日（此件公开发布）
            """)
        #expect(result.metadata?.date == "2031-01-26")
        #expect(result.metadata?.issuers == ["国务院"])
    }

    @Test func aTitleBegunOnTheLineBeforeAHeadRunIntoOneLine() throws {
        let result = try StructureHarness.extract(
            """
            国务院关于印发国家海洋牧场

            “十五五”规划的通知国发〔2031〕37号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

            　　国务院同意农业农村部制定的《国家海洋牧场“十五五”规划》，现印发给你们，请认真贯彻执行。
            """)
        #expect(result.metadata?.title == "国务院关于印发国家海洋牧场“十五五”规划的通知")
        #expect(result.metadata?.documentNumber == "国发〔2031〕37号")
        #expect(result.metadata?.issuers == ["国务院"])
    }

    @Test func aBracketedDateAfterTheNumberOfAHeadRunIntoOneLine() throws {
        let result = try StructureHarness.extract(
            """
            国务院关于进一步加强海岛保护工作的决定国发〔2031〕65号（二〇三一年十二月五日）　　保护海岛生态是一项长期任务。现作出如下决定：一、加强规划。二、严格执法。
            """)
        #expect(result.metadata?.date == "2031-12-05")
    }

    @Test func aCommentaryMentioningADocumentLaterHasNoIssuers() throws {
        let result = try StructureHarness.extract(
            """
            热评丨让好人才遇见好职位时间：2031-06-03
            毕业季即将到来，人们期待好职位和好人才的双向奔赴。上个月17日，江城市人力资源和社会保障局印发《关于做好2031年高校毕业生就业工作的通知》，明确了多项举措。
            """)
        #expect(result.metadata?.title == "热评丨让好人才遇见好职位")
        #expect(result.metadata?.issuers == [])
    }

    @Test func aHeaderTableWithItsKeysAloneOnTheirLines() throws {
        let result = try StructureHarness.extract(
            """
            江城市水务局关于河道保洁的问答
            索取号
            1234567890/2031-00017
            发布机构
            江城市水务局
            文件编号
            江水务〔2031〕58号
            发布日期
            2031-03-05
            问：河道保洁由谁负责？
            答：由各区水务局负责。
            """)
        let metadata = try #require(result.metadata)
        #expect(metadata.documentNumber == "江水务〔2031〕58号")
        #expect(metadata.issuers == ["江城市水务局"])
        #expect(metadata.date == "2031-03-05")
    }

    @Test func aNumberCitedInTheFirstSentenceIsNotTheDocumentsOwn() throws {
        let result = try StructureHarness.extract(
            """
            江城市医疗保险服务中心关于开展2032年度城乡居民医保集中参保缴费工作的通告
            　　为做好参保工作，根据《江城省人民政府办公厅关于健全参保长效机制的意见》（江府办发〔2031〕38号）等有关规定，现就有关事项通告如下：
            　　一、参保对象。本市户籍居民。
            　　二、缴费时间。2031年10月至12月。
            江城市医疗保险服务中心
            2031年10月14日
            """)
        #expect(result.metadata?.documentNumber == nil)
        #expect(result.metadata?.date == "2031-10-14")
    }

    @Test func aSitesTagBeforeTheTitleIsLeftOut() throws {
        let result = try StructureHarness.extract(
            """
            （转载）江城市人民政府办公厅关于印发江城市公共租赁住房管理办法的通知
            　　江府办规〔2031〕13号
            　　江城市人民政府办公厅关于印发江城市公共租赁住房管理办法的通知
            各区人民政府，市政府各部门、各直属机构：
            　　《江城市公共租赁住房管理办法》业经市人民政府同意，现印发给你们，请认真贯彻执行。
            　　江城市人民政府办公厅
            　　　　2031年7月26日
            """)
        #expect(result.metadata?.title == "江城市人民政府办公厅关于印发江城市公共租赁住房管理办法的通知")
        #expect(result.metadata?.documentNumber == "江府办规〔2031〕13号")
        #expect(result.metadata?.recipients == ["各区人民政府", "市政府各部门、各直属机构"])
    }

    @Test func recipientsEndAtTheirColonWhenTheBodyRunsOn() throws {
        let result = try StructureHarness.extract(
            """
            国务院办公厅关于海洋牧场执法有关事项的通知国办函〔2031〕18号

            各省、自治区、直辖市人民政府，国务院各部委、各直属机构：《海洋牧场执法事项目录》已经国务院同意。现就有关事项通知如下：一、加强执法。二、落实责任。国务院办公厅     2031年2月28日     （此件公开发布）
            """)
        #expect(result.metadata?.recipients == ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"])
        #expect(result.metadata?.date == "2031-02-28")
    }
}
