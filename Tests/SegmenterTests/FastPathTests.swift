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
        #expect(Normalizer.normalize(original: scalars).text == Normalizer.normalize(MappedText(identity: scalars)))
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
            // A cut-off last character is the slow path's to forgive: the fast one declines.
            $0.encoding == "UTF-8" && $0.droppedTail == 0 ? Array($0.text.unicodeScalars) : nil
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

/// The counted line lengths of the normaliser must pick what sorting them picks.
@Suite("Line length histogram")
struct LineLengthTests {
    /// The rule as first written: sort every length, take the upper quartile.
    static func sortedFullLineLength(_ lengths: [Int]) -> Int {
        let lengths = lengths.filter { $0 > 0 }.sorted()
        guard lengths.count >= 8 else { return 24 }
        let width = lengths[lengths.count * 3 / 4]
        let near = lengths.filter { Double($0) >= Double(width) * 0.85 && Double($0) <= Double(width) * 1.15 }.count
        if near * 100 >= lengths.count * 35, width >= 8 { return Swift.max(6, Int(Double(width) * 0.7)) }
        return 24
    }

    static func lines(_ lengths: [Int]) -> [Normalizer.Line] {
        var start = 0
        return lengths.map { length in
            defer { start += length + 1 }
            return Normalizer.Line(content: start..<(start + length), breakIndex: start + length, hardAfter: false)
        }
    }

    /// Wrapped widths, paragraph lines, blank lines, lengths past the histogram, too few lines.
    static let cases: [[Int]] = [
        [], [30, 30, 0, 30], Array(repeating: 38, count: 20) + [12, 5, 0, 0, 40],
        Array(repeating: 300, count: 12) + [280, 20, 0], Array(repeating: 255, count: 10) + [256, 257, 300],
        [100, 200, 300, 400, 500, 600, 700, 800, 900], (1...60).map { $0 * 7 % 50 },
        Array(repeating: 9, count: 30) + Array(repeating: 400, count: 10),
    ]

    @Test(arguments: cases)
    func countedAsSorted(_ lengths: [Int]) {
        #expect(Normalizer.fullLineLength(Self.lines(lengths)) == Self.sortedFullLineLength(lengths))
    }

    @Test func randomLengthsCountedAsSorted() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let lengths = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in
                Bool.random(using: &generator) ? Int.random(in: 0..<60, using: &generator) : Int.random(in: 0..<600, using: &generator)
            }
            #expect(Normalizer.fullLineLength(Self.lines(lengths)) == Self.sortedFullLineLength(lengths), "\(lengths)")
        }
    }
}

/// Sentences must come out the same whatever the width of the characters in them.
@Suite("Sentences through ICU's buffer")
struct SentenceBufferTests {
    @Test(arguments: ["", "人才。", "𠀀人才。第二句𠀁。\n𝟏第三句！", String(repeating: "给予补助。", count: 500), "a b. C d.\n\n第二段。"])
    func sentencesMatchScalarRanges(_ text: String) throws {
        let segmenter = try Segmenter()
        let mapped = MappedText(identity: Array(text.unicodeScalars))
        let sentences = try segmenter.sentences(in: mapped)
        // Each sentence is a trimmed, non-empty, increasing scalar range ending where ICU ends one.
        var previousEnd = 0
        for sentence in sentences {
            #expect(sentence.lowerBound >= previousEnd && !sentence.isEmpty && sentence.upperBound <= mapped.count)
            previousEnd = sentence.upperBound
        }
        // Only line breaks and spaces fall outside the sentences.
        var covered = [Bool](repeating: false, count: mapped.count)
        for sentence in sentences { for index in sentence { covered[index] = true } }
        for index in 0..<mapped.count where !covered[index] { #expect(mapped[index] == "\n" || mapped[index] == " ") }
    }

    @Test func wideCharactersShiftNoBoundary() throws {
        let segmenter = try Segmenter()
        let narrow = MappedText(identity: Array("一人才。第二句。第三句！".unicodeScalars))
        let wide = MappedText(identity: Array("𠀀人才。第二句。第三句！".unicodeScalars))
        #expect(try segmenter.sentences(in: narrow) == segmenter.sentences(in: wide))
        #expect(try segmenter.sentences(in: wide) == [0..<4, 4..<8, 8..<12])
        // A long text after a short one reuses and grows the buffer.
        let long = MappedText(identity: Array(String(repeating: "𠀀句。", count: 300).unicodeScalars))
        #expect(try segmenter.sentences(in: long).count == 300)
        #expect(try segmenter.sentences(in: wide) == [0..<4, 4..<8, 8..<12])
    }
}
