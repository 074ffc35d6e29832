import Extractor
import Foundation

/// `--linearity`: the whole extraction of a one-line document of numerals at
/// N MB and at 10 × N MB. Linear code takes about ten times as long on the
/// bigger one; a quadratic path (a number reader that rescans from every
/// digit, a sentence as long as the document) shows as a ratio far above 10.
///
/// Three documents without a line break or sentence punctuation:
/// - `digits`: ASCII digits only (one endless number);
/// - `numerals`: Chinese numerals only (`一二…十百千万亿零两`), in a fixed pseudo-random order;
/// - `mixed`: digits, Chinese numerals, units, classifiers, `%`, `、`, `至` and `-`,
///   in a fixed pseudo-random order: every quantity reader gets work everywhere;
/// and one for the structure readers, also on one line:
/// - `structure`: item markers, brackets, responsibility labels and cues,
///   body names, title marks and document numbers, in a fixed pseudo-random order;
/// - `lines`: the same with line breaks and `。` among them: thousands of
///   headings, notes and layout lines;
/// - `titles`: cited titles back to back (`《…》、《…》《…》`), the same few
///   again and again: one long run of citations, each one's verb looked for
///   across all those before it;
/// - `counts`: Chinese counts before many different words, the words after
///   each numeral and classifier rarely the same twice.
enum Linearity {
    static let kinds = ["digits", "numerals", "mixed", "structure", "lines", "titles", "counts"]

    /// Times each kind (or only `only`) at `megabytes` and ten times that,
    /// each the fastest of three runs, and prints the ratios.
    static func run(megabytes: Double, only: String? = nil, single: Bool = false) {
        let small = Int(megabytes * 1_000_000)
        print(
            String(
                format: "zhengce-bench --linearity: one-line documents of %.1f MB and %.1f MB", Double(small) / 1e6,
                Double(small * 10) / 1e6))
        guard let extractor = try? DocumentExtractor() else { print("cannot start the extractor"); exit(1) }
        var worst = 0.0
        for kind in kinds where only == nil || only == kind {
            var seconds: [Double] = []
            for size in single ? [small] : [small, small * 10] {
                let bytes = document(kind, bytes: size)
                let clock = ContinuousClock()
                var found = 0
                var value = Double.infinity
                for _ in 0..<(single ? 1 : 3) {
                    let elapsed = clock.measure {
                        found = (try? extractor.extract(bytes: bytes, path: "linearity.txt"))?.amounts.count ?? -1
                    }
                    value = min(value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                }
                seconds.append(value)
                print(
                    "  " + padded(kind, 9)
                        + String(
                            format: " %6.1f MB %8.2f s %8.1f MB/s  (%d amounts)",
                            Double(size) / 1e6, value, Double(size) / 1e6 / value, found))
            }
            guard seconds.count == 2 else { continue }
            let ratio = seconds[1] / seconds[0]
            worst = max(worst, ratio)
            print("  " + padded(kind, 9) + String(format: " ratio at 10× the size: %.1f× the time", ratio))
        }
        print(String(format: "worst ratio: %.1f (linear: about 10)", worst))
    }

    /// A one-line document of `kind` of about `bytes` UTF-8 bytes.
    static func document(_ kind: String, bytes: Int) -> [UInt8] {
        let tokens: [String]
        switch kind {
        case "digits": tokens = (0...9).map(String.init)
        case "numerals": tokens = "一二三四五六七八九十百千万亿零两".map(String.init)
        case "counts":
            // Chinese counts before many different two-character words: each
            // candidate's numeral, classifier and words stand only a few times
            // (`count.recurring-name` once scanned the whole text for each).
            tokens =
                ["三", "两", "十", "项", "名", "个", "家", "，"]
                + (0..<200).map { String(Character(Unicode.Scalar(0x4E00 + $0 * 37)!)) }
        case "titles": tokens = ["《人才办法》、", "《实施意见》", "《关于印发〈细则〉的通知》", "、", "和", "印发"]
        case "structure", "lines":
            tokens =
                (kind == "lines" ? ["\n", "\n", "。", "\n一、", "\n（二）", "\n3."] : []) + [
                    "一、", "（一）", "1.", "第一条", "责任单位：", "牵头单位：", "配合单位：", "市人社局", "市财政局", "县委组织部",
                    "各县区人民政府", "牵头", "负责", "配合", "会同", "（", "）", "(", ")", "《", "》", "〔2020〕", "号", "，", "、",
                    "；", "关于", "通知", "印发", "按照", "石嘴山市", "中心", "工作", "人才",
                ]
        default:
            tokens = [
                "1", "23", "4.5", "2020", "0", "一", "二十", "三百", "四千", "五万", "六亿", "十", "百", "千", "万",
                "亿", "零", "两", "万元", "元", "亿元", "个", "人", "次", "家", "项", "%", "、", "至", "-", "年", "第",
            ]
        }
        let encoded = tokens.map { Array($0.utf8) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes + 16)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // a fixed seed: the same document every run
        while output.count < bytes {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            output += encoded[Int((state >> 33) % UInt64(encoded.count))]
        }
        return output
    }
}
