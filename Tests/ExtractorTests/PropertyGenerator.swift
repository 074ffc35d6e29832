import TestSupport

/// Builds hostile policy-like documents: random mixtures of the words,
/// numbers, markers and markup these documents are made of, with full-width
/// forms, stray line breaks and spaces, HTML, and now and then bytes that are
/// not text at all.
///
/// A document is a list of pieces (each a run of bytes), so a failing case
/// can be shrunk by dropping pieces.
struct PolicyTextGenerator {
    /// Words and phrases of policy language, and the quantity patterns around them.
    static let fragments: [String] = [
        "给予", "万元", "亿元", "千元", "百万元", "万亿元", "元", "万", "亿", "每人每年", "每人", "每个", "每年", "每人次",
        "名", "人", "位", "个", "家", "项", "人次", "场次", "次", "批", "期", "届", "套", "户", "类",
        "以上", "以下", "以内", "余", "多", "约", "近", "左右", "不少于", "不低于", "不超过", "最高", "最多", "超过", "突破",
        "分别", "一次性", "至", "到", "—", "-", "～", "、", "，", "。", "；", "：", "！", "？",
        "（一）", "(二)", "一、", "十一、", "（十一）", "1.", "2、", "（1）", "第一条", "一是", "附件",
        "牵头负责", "配合", "负责", "责任单位：", "牵头单位：", "配合单位：", "（市人社局牵头负责，市财政局配合）",
        "《", "》", "“", "”", "〔2020〕", "［2021］", "〔", "〕", "号", "%", "％", "百分之", "个百分点",
        "x", "xx", "x.x", "市人社局", "市委组织部", "各区、县级市", "人民政府", "办公室", "关于印发", "的通知",
        "实施意见", "高层次人才", "博士", "补贴", "奖补", "资助", "年", "月", "日", "第", "页", "- 1 -", "第2页",
    ]
    /// Whole lines of a normative document: headings, numbered measures,
    /// responsibility notes, the issuing organ, document number and date.
    static let structure: [String] = [
        "\n一、总体要求\n", "\n二、主要措施\n", "\n（一）实施人才工程。", "\n（十二）加强服务保障。", "\n1.引进高层次人才。",
        "\n3. 实施产业人才“助力工程”。", "\n（1）", "\n第一条 ", "\n一是", "（市人社局牵头负责，市财政局、各县区配合）",
        "（市人社局、市教体局牵头负责）", "（责任单位：市发展改革委、市财政局）", "\n责任单位：市委组织部，市人社局\n",
        "牵头单位：市科技局；配合单位：各有关单位", "\n中共某某市委办公室\n某某市人民政府办公室\n", "\n2020年9月15日\n",
        "二〇二〇年九月十五日", "\n某党办发〔2020〕32号\n", "关于印发《某某市人才引进实施办法》的通知\n",
        "\n各县区党委、人民政府，市直各部门：\n", "\n附件：", "（此件公开发布）", "\n# 标题\n", "\ntitle: 标题\n",
    ]
    /// Chinese numerals, ordinary and financial.
    static let numerals: [String] = [
        "零", "〇", "一", "两", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿",
        "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟",
    ]
    /// Full-width digits and forms, brackets of every width.
    static let wideForms: [String] = [
        "０", "１", "２", "５", "９", "．", "（", "）", "［", "］", "【", "】", "「", "」", "ｘ", "Ａ", "％", "－", "～", "\u{3000}",
    ]
    /// Line breaks, spaces and invisible characters.
    static let spacing: [String] = [
        "\n", "\n\n", "\r\n", "\r", " ", "  ", "\t", "\u{00A0}", "\u{2029}", "\u{2028}", "\u{200B}", "\u{FEFF}", "\u{000C}",
    ]
    /// HTML and Markdown: tags, broken tags, entities, front matter, links.
    static let markup: [String] = [
        "<p>", "</p>", "<div>", "</div>", "<br/>", "<h1>", "</h1>", "<h2>", "</h2>", "<title>", "</title>", "<b>", "</b>",
        "<script>", "</script>", "<style>", "<!--", "-->", "<", ">", "<p class=\"a>b\">", "<a href='x'>", "&nbsp;", "&amp;",
        "&lt;", "&#20154;", "&#x4EBA;", "&#0;", "&#xD800;", "&#99999999;", "&bogus;", "&", "---\n", "# ", "## ", "####### ",
        "**", "__", "[链接](http://a)", "![图](b.png)", "[", "](", ")", "title: 标题\n", "date: 2020-01-01\n",
    ]
    /// Bytes that are not valid UTF-8 (and some that are not text).
    static let badBytes: [[UInt8]] = [
        [0xFF], [0xFE], [0xC3], [0x80], [0xE4, 0xBA], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0x01, 0x02],
        [0xB8, 0xF8], [0x81, 0x30], [0x1B],
    ]

    /// The pieces of one random document.
    static func pieces(using random: inout SeededGenerator) -> [[UInt8]] {
        let length = Int.random(in: 1...60, using: &random)
        let hostile = Int.random(in: 0..<10, using: &random) == 0  // one case in ten gets bad bytes
        var pieces: [[UInt8]] = []
        for _ in 0..<length {
            let roll = Int.random(in: 0..<100, using: &random)
            let piece: String
            switch roll {
            case 0..<32: piece = fragments.randomElement(using: &random)!
            case 32..<40: piece = structure.randomElement(using: &random)!
            case 40..<58: piece = digits(using: &random)
            case 58..<68: piece = (0..<Int.random(in: 1...4, using: &random)).map { _ in numerals.randomElement(using: &random)! }.joined()
            case 68..<76: piece = wideForms.randomElement(using: &random)!
            case 76..<88: piece = spacing.randomElement(using: &random)!
            case 88..<96: piece = markup.randomElement(using: &random)!
            default:
                if hostile { pieces.append(badBytes.randomElement(using: &random)!); continue }
                piece = fragments.randomElement(using: &random)!
            }
            pieces.append(Array(piece.utf8))
        }
        return pieces
    }

    /// A number as documents write it: `20`, `3.68`, `1,200`, `2—5`, now and then very long.
    private static func digits(using random: inout SeededGenerator) -> String {
        let count =
            Int.random(in: 0..<50, using: &random) == 0 ? Int.random(in: 20...60, using: &random) : Int.random(in: 1...4, using: &random)
        var text = String((0..<count).map { _ in "0123456789".randomElement(using: &random)! })
        switch Int.random(in: 0..<6, using: &random) {
        case 0: text += "." + String((0..<Int.random(in: 1...3, using: &random)).map { _ in "0123456789".randomElement(using: &random)! })
        case 1: text += "," + "200"
        case 2: text += ["—", "-", "～", "至"].randomElement(using: &random)! + String(Int.random(in: 0...99, using: &random))
        default: break
        }
        return text
    }
}
