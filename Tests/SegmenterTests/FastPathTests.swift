import Testing
@testable import Segmenter

/// The fast paths of reading a document must give what the general paths give.
@Suite("Reading fast paths")
struct FastPathTests {
    /// Texts that touch every branch of the normaliser: full-width punctuation
    /// kept and folded, spaces, invisible characters, page numbers, every kind
    /// of line break, blank lines, numbered items.
    static let texts: [String] = [
        "", "市", "给予２０万元补助，用于人才引进；奖励：10万元！是否？",
        "出 台《人 才 引 进》办法\n补助资金255\n\n万元。\n- 1 -\n第 2 页\n一、总体要求\n（二）主要任务",
        "a b\u{3000}c\u{200B}d\u{00AD}e\r\nf\rg\u{2028}h\u{2029}i\u{0B}j\u{0C}k",
        "（１）ＡＢＣ　１２３\n\n\n\n    \n第三条 本办法自发布之日起施行。",
        "  leading and trailing  \n\t\tTabs\t\n",
        String(repeating: "人才工作取得新成效，", count: 40) + "\n" + String(repeating: "续", count: 5),
    ]

    @Test(arguments: texts)
    func plainTextNormalisedInPlaceAsWhenCopied(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(Normalizer.normalize(original: scalars) == Normalizer.normalize(MappedText(identity: scalars)))
    }

    /// A run of three-byte characters ended by a broken or truncated sequence,
    /// a surrogate, an overlong form, or a character of another width.
    static let byteRuns: [[UInt8]] = [
        Array("市市市".utf8) + [0xED, 0xA0, 0x80],
        Array("市市".utf8) + [0xE0, 0x80, 0x80],
        Array("市市".utf8) + [0xE4, 0xB8],
        Array("市市".utf8) + [0xE4],
        Array("市市".utf8) + [0xE4, 0x41, 0x80],
        Array("市市a市é市𠀀市".utf8),
        Array("市市".utf8) + [0xEF, 0xBF, 0xBF] + Array("市".utf8),
    ]

    @Test(arguments: byteRuns)
    func threeByteRunsAgreeWithTheDecoder(_ bytes: [UInt8]) {
        let expected: [Unicode.Scalar]? = (try? TextDecoder.decode(bytes)).flatMap {
            $0.encoding == "UTF-8" ? Array($0.text.unicodeScalars) : nil
        }
        #expect(UTF8Scalars.decode(bytes) == expected)
    }

    @Test func plainDocumentMapsEveryCharacterToItself() {
        let document = TextDocument(text: "第一条　给予２０万元。\n\n第二条", format: .plain)
        #expect(document.text.string == "第一条 给予20万元。\n第二条".replacingOccurrences(of: " ", with: ""))
        for index in 0..<document.text.count {
            let range = document.originalRange(of: index..<(index + 1))
            #expect(range.count == 1)
        }
    }
}
