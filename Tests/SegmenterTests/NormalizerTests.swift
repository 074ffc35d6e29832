import Testing
@testable import Segmenter

/// The repairs the normaliser promises, each on the damage it repairs.
@Suite("Normalisation")
struct NormalizerTests {
    private func normalized(_ text: String, _ format: DocumentFormat = .plain) -> String {
        TextDocument(text: text, format: format).text.string
    }

    /// A full line of wrapped PDF text, long enough to continue after a gap.
    private let longLine = "中卫市坚持党管人才原则，调整优化市委人才工作领导小组成员单位，统筹整合各方资源力量，补助资金"

    @Test func numberBrokenAcrossABlankLineIsJoined() {
        #expect(normalized(longLine + "255\n\n万元；组织实施。") == longLine + "255万元；组织实施。")
    }

    @Test func lineBrokenInsideASentenceIsJoined() {
        #expect(normalized("价值两万\n余元的生活用品。") == "价值两万余元的生活用品。")
    }

    @Test func spacesBetweenChineseCharactersAreDropped() {
        #expect(normalized("出 台《人 才 引 进 手 续》") == "出台《人才引进手续》")
        #expect(normalized("每个 30 万元") == "每个30万元")
    }

    @Test func spaceBetweenLatinWordsIsKept() {
        #expect(normalized("Apache  Spark 与 ICU 72") == "Apache Spark与ICU 72")
    }

    @Test func pageNumbersAreDropped() {
        let text = longLine + "（市\n\n- 1 -\n\n委编办牵头负责）"
        #expect(normalized(text) == longLine + "(市委编办牵头负责)")
        #expect(normalized("第一段。\n— 12 —\n第二段。") == "第一段。\n第二段。")
    }

    @Test func fullWidthFormsAreFolded() {
        #expect(normalized("给予１２万元（一）ＡＢ％") == "给予12万元(一)AB%")
    }

    @Test func chinesePunctuationIsKept() {
        let text = "“人才”，《办法》、〔2020〕。；：！？"
        #expect(normalized(text) == text)
    }

    @Test func sentenceEndKeepsTheBreak() {
        #expect(normalized("第一句。\n第二句") == "第一句。\n第二句")
    }

    @Test func itemMarkerKeepsTheBreak() {
        #expect(normalized("一、总体要求和目标\n（一）总体要求。深入贯彻") == "一、总体要求和目标\n(一)总体要求。深入贯彻")
        #expect(normalized("落实政策\n2. 加大力度") == "落实政策\n2.加大力度")
        #expect(normalized("（市人社局牵头负责）\n3.深化改革") == "(市人社局牵头负责)\n3.深化改革")
    }

    @Test func shortLineBeforeAGapIsATitle() {
        #expect(normalized("石党办发〔2020〕32号\n\n关于印发实施意见的通知") == "石党办发〔2020〕32号\n关于印发实施意见的通知")
    }

    @Test func wrappedPageTextIsJoinedAtItsOwnWidth() {
        // Lines wrapped at ~16 characters with blank lines between, as pasted from a PDF page.
        let lines = [
            "千秋基业，人才为本。在新时代新", "征程中，我们面临着无数的机遇与挑", "战，“人才”无疑是推动国家和民族进",
            "步的最为关键的动力。2023 年，中阳", "县坚持以习近平新时代中国特色社会", "主义思想为指导，深入贯彻落实中央",
            "和省市人才工作会议精神，确保人才", "工作深入推进。", "聚焦“体现最好质效”", "开好引才良方",
        ]
        let result = normalized(lines.joined(separator: "\n\n"))
        #expect(result.hasPrefix("千秋基业，人才为本。在新时代新征程中，我们面临着无数的机遇与挑战，"))
        #expect(result.contains("2023年，中阳县坚持"))
        #expect(result.hasSuffix("工作深入推进。\n聚焦“体现最好质效”\n开好引才良方"))
    }

    @Test func mappingPointsIntoTheOriginal() {
        let original = "补助资金２５５\n\n万元"
        let document = TextDocument(text: longLine + original, format: .plain)
        let text = document.text
        let start = longLine.unicodeScalars.count + 4
        let range = (start)..<(start + 5)  // 255万元 in the normalised text
        #expect(text.string(range) == "255万元")
        #expect(document.originalText(document.originalRange(of: range)) == "２５５\n\n万元")
    }
}
