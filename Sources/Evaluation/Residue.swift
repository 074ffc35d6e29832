import Extractor
import Segmenter

/// The residue of an extraction: every run of digits or Chinese numerals in a
/// document's text that no item covers and no named negative rule turned
/// down. On documents without gold this is where misses show: grouped by
/// shape and the words around them, counted over a folder, the most frequent
/// groups are the rules still missing.
///
/// An item covers a run when their spans overlap: amounts, counts,
/// percentages, mentions of references and organisations, diagnostics with a
/// span, rejections (near misses), section markers and the marker at the
/// start of each measure. A lone `一` is left out unless asked for: it is an
/// article or part of a word (`进一步`, `统一`) far more often than a number;
/// so is a lone financial numeral (`队伍`, `陆续`).
public struct Residue: Sendable {
    /// One run of numerals left over.
    public struct Run: Sendable, Equatable {
        /// The group it falls in: two characters before, the shape, two after (`补贴⟦9999⟧元/`).
        public var key: String
        /// Where it is in the original text.
        public var span: Span
        /// The run as written.
        public var text: String
    }

    /// The runs of one document, in text order.
    public private(set) var runs: [Run] = []

    /// The residue of one extraction of `document`.
    public init(document: TextDocument, result: ExtractionResult, rejections: [Rejection], keepLoneOne: Bool = false) {
        let covered = Coverage(Self.coveredSpans(result, rejections: rejections, original: document.original))
        let text = document.text.scalars
        var index = 0
        while index < text.count {
            guard let kind = Self.numeral(text[index]) else { index += 1; continue }
            var end = index + 1
            while end < text.count {
                if let next = Self.numeral(text[end]), next == kind { end += 1; continue }
                // `1,234.5`: a separator between digits stays inside the run.
                if kind == .arabic, end + 1 < text.count, text[end] == "." || text[end] == ",",
                    Self.numeral(text[end + 1]) == .arabic
                {
                    end += 2; continue
                }
                break
            }
            defer { index = end }
            if !keepLoneOne, kind == .chinese, end == index + 1, text[index] == "一" { continue }
            // A lone financial numeral between characters is a character of a word (`队伍`, `陆续`).
            if kind == .chinese, end == index + 1, Self.isFinancialNumeral(text[index]) { continue }
            let original = document.originalRange(of: index..<end)
            guard !covered.overlaps(original) else { continue }
            let key =
                Self.words(text, max(0, index - 2)..<index) + "⟦" + Self.shape(text[index..<end]) + "⟧"
                + Self.words(text, end..<min(text.count, end + 2))
            runs.append(Run(key: key, span: Span(original), text: document.originalText(original)))
        }
    }

    enum NumeralKind { case arabic, chinese }

    /// Whether a scalar is a digit or a Chinese numeral (digits and 十百千万亿).
    static func numeral(_ scalar: Unicode.Scalar) -> NumeralKind? {
        if NumberReader.digitValue(scalar) != nil { return .arabic }
        if NumberReader.chineseDigit(scalar) != nil || NumberReader.chineseUnit(scalar) != nil { return .chinese }
        return nil
    }

    static func isFinancialNumeral(_ scalar: Unicode.Scalar) -> Bool {
        "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億".unicodeScalars.contains(scalar)
    }

    /// The run with each digit as `9` and each Chinese digit as `七` (units kept): `2024` → `9999`, `十九` → `十七`.
    static func shape(_ run: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in run {
            if NumberReader.digitValue(scalar) != nil {
                out.append("9")
            } else if NumberReader.chineseDigit(scalar) != nil {
                out.append("七")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Context characters with digits as `9` and line breaks as `⏎`.
    static func words(_ text: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text[range] {
            if NumberReader.digitValue(scalar) != nil {
                out.append("9")
            } else if scalar == "\n" {
                out.append("⏎")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The spans of everything that accounts for a number.
    static func coveredSpans(_ result: ExtractionResult, rejections: [Rejection], original: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        spans += result.amounts.map(\.span.range)
        spans += result.counts.map(\.span.range)
        spans += result.percentages.map(\.span.range)
        spans += result.references.flatMap { $0.spans.map(\.range) }
        spans += result.organizations.flatMap { $0.spans.map(\.range) }
        spans += result.diagnostics.compactMap { $0.span?.range }
        spans += rejections.map(\.span.range)
        for section in result.sections {
            let start = section.span.start
            spans.append(start..<min(section.span.end, start + section.marker.unicodeScalars.count))
        }
        for measure in result.measures {
            // The item's own number: the numerals and marks it starts with.
            var end = measure.span.start
            while end < min(measure.span.end, measure.span.start + 8), Self.isMarker(original[end]) { end += 1 }
            spans.append(measure.span.start..<end)
        }
        return spans.filter { !$0.isEmpty }
    }

    static func isMarker(_ scalar: Unicode.Scalar) -> Bool {
        numeral(scalar) != nil || "第条章（()）、.．:： ".unicodeScalars.contains(scalar)
    }

    /// Whether a range overlaps any of a set of ranges: sorted by start,
    /// with the largest end so far, one binary search per question.
    struct Coverage {
        var starts: [Int] = []
        var reach: [Int] = []

        init(_ ranges: [Range<Int>]) {
            var furthest = Int.min
            for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                furthest = max(furthest, range.upperBound)
                starts.append(range.lowerBound)
                reach.append(furthest)
            }
        }

        func overlaps(_ range: Range<Int>) -> Bool {
            // The last range that starts before `range` ends.
            var low = 0, high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < range.upperBound { low = middle + 1 } else { high = middle }
            }
            return low > 0 && reach[low - 1] > range.lowerBound
        }
    }
}

/// The residue of many documents, grouped and counted.
public struct ResidueTally: Sendable {
    /// A group of runs with one key.
    public struct Group: Sendable {
        /// The runs' shape with two characters on each side, digits as 9: `补助⟦9⟧万元`.
        public var key: String
        /// How many runs have this key, over all documents.
        public var count = 0
        /// In how many documents they occur.
        public var documents = 0
        /// The first few runs, with their document.
        public var examples: [(document: String, run: Residue.Run, context: String)] = []
    }

    /// The groups by key.
    public private(set) var groups: [String: Group] = [:]
    /// The documents added.
    public private(set) var documents = 0
    /// The runs added, over all documents.
    public private(set) var runs = 0
    let examplesPerGroup: Int

    /// An empty tally that keeps `examplesPerGroup` examples of each group.
    public init(examplesPerGroup: Int = 2) { self.examplesPerGroup = examplesPerGroup }

    /// Adds one document's residue.
    public mutating func add(_ residue: Residue, document name: String, original: [Unicode.Scalar]) {
        documents += 1
        var seen = Set<String>()
        for run in residue.runs {
            runs += 1
            var group = groups[run.key] ?? Group(key: run.key)
            group.count += 1
            if seen.insert(run.key).inserted { group.documents += 1 }
            if group.examples.count < examplesPerGroup {
                group.examples.append((name, run, DocumentInput.context(of: run.span, in: original, width: 10)))
            }
            groups[run.key] = group
        }
    }

    /// The groups, most frequent first (then by key, for a stable order).
    public var ranked: [Group] {
        groups.values.sorted { $0.count != $1.count ? $0.count > $1.count : ExactText($0.key) < ExactText($1.key) }
    }

    /// The report: a heading, then one line per group with its examples.
    public func render(top: Int) -> String {
        var out =
            "\(runs) numeral run\(runs == 1 ? "" : "s") left over in \(documents) document\(documents == 1 ? "" : "s"), \(groups.count) group\(groups.count == 1 ? "" : "s")\n"
        for group in ranked.prefix(top) {
            out += "\(group.count.padded(6)) \(group.documents.padded(4)) doc\(group.documents == 1 ? " " : "s")  \(group.key)\n"
            for example in group.examples {
                out += "             \(example.document)@\(example.run.span.start)  \(example.context)\n"
            }
        }
        return out
    }
}

extension Int {
    fileprivate func padded(_ width: Int) -> String {
        let text = String(self)
        return String(repeating: " ", count: Swift.max(0, width - text.count)) + text
    }
}
