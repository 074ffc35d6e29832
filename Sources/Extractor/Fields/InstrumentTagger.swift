import Foundation

/// A cue dictionary of policy instruments (spec §8): lines `type<TAB>tool<TAB>cue`.
/// The bundled one (`Resources/fields/instruments.tsv`) follows Rothwell–Zegveld;
/// a user's file in the same format replaces it (`--instruments FILE`).
public struct InstrumentDictionary: Sendable, Hashable {
    /// One cue and the instrument it shows.
    public struct Entry: Sendable, Hashable {
        /// The instrument's type (`supply`, `environment`, `demand` in the bundled dictionary).
        public var type: String
        /// The sub-tool under the type (`资金投入`, `人才培养`…).
        public var tool: String
        /// A word, or `@amount` / `@deadline` for an item found inside the measure.
        public var cue: String
    }

    /// Why a dictionary file could not be read.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        /// The dictionary file.
        public var path: String
        /// What is wrong with it: unreadable, or the first line that does not parse.
        public var reason: String
        /// The path and the reason, as the command line prints them.
        public var description: String { "\(path): \(reason)" }
    }

    /// The cues in file order, each with its instrument.
    public let entries: [Entry]

    /// The bundled Rothwell–Zegveld dictionary.
    public static let bundled: InstrumentDictionary = {
        guard let text = RuleData.text("fields/instruments", extension: "tsv"),
            let dictionary = try? InstrumentDictionary(tsv: text, name: "fields/instruments.tsv")
        else {
            fatalError("missing or invalid bundled rule file fields/instruments.tsv")
        }
        return dictionary
    }()

    /// A dictionary from the text of a TSV file; `name` names it in errors.
    public init(tsv: String, name: String) throws(ReadError) {
        var entries: [Entry] = []
        for (number, line) in tsv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(separator: "\t", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if fields.isEmpty { continue }
            guard fields.count == 3 else {
                throw ReadError(
                    path: name, reason: "line \(number + 1): expected type, tool and cue separated by tabs, got \(fields.count) field(s)")
            }
            entries.append(Entry(type: fields[0], tool: fields[1], cue: fields[2]))
        }
        guard !entries.isEmpty else { throw ReadError(path: name, reason: "no cues (lines of type, tool and cue separated by tabs)") }
        self.entries = entries
    }

    /// The dictionary in the file at `path`.
    public init(contentsOf path: String) throws(ReadError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(path: path, reason: "cannot read the instrument dictionary (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(path: path, reason: "the instrument dictionary is not UTF-8 text")
        }
        try self.init(tsv: text, name: path)
    }
}

/// Tags each measure with the instruments its text shows: for every tool, the
/// first cue of the dictionary found in the measure (the longest at a place),
/// and the amounts and deadlines inside it where the dictionary says so.
struct InstrumentTagger: Sendable {
    /// Word cues by their first character, longest first.
    private let byFirst: [Unicode.Scalar: [(cue: [Unicode.Scalar], entry: Int)]]
    /// The first characters of the cues: most characters of a measure start
    /// none, and a bit test turns them away before a dictionary lookup.
    private let firsts: ScalarBitmap
    private let entries: [InstrumentDictionary.Entry]
    private let amountTools: [Int]
    private let deadlineTools: [Int]

    init(_ dictionary: InstrumentDictionary) {
        entries = dictionary.entries
        var byFirst: [Unicode.Scalar: [(cue: [Unicode.Scalar], entry: Int)]] = [:]
        var amounts: [Int] = [], deadlines: [Int] = []
        for (index, entry) in dictionary.entries.enumerated() {
            switch entry.cue {
            case "@amount": amounts.append(index)
            case "@deadline": deadlines.append(index)
            default:
                let cue = Array(entry.cue.unicodeScalars)
                guard let first = cue.first else { continue }
                byFirst[first, default: []].append((cue, index))
            }
        }
        self.byFirst = byFirst.mapValues { $0.sorted { $0.cue.count > $1.cue.count } }
        firsts = ScalarBitmap(byFirst.keys)
        amountTools = amounts
        deadlineTools = deadlines
    }

    /// `measures` with their instruments.
    func tag(_ measures: [Measure], amounts: [Amount], deadlines: [Deadline], in context: ExtractionContext) -> [Measure] {
        let original = context.document.original
        return measures.map { measure in
            var found: [String: InstrumentTag] = [:]
            func add(_ entry: Int, cue: String, span: Span, rule: String) {
                let key = entries[entry].type + "\t" + entries[entry].tool
                if let existing = found[key], existing.span.start <= span.start { return }
                found[key] = InstrumentTag(type: entries[entry].type, tool: entries[entry].tool, cue: cue, span: span, rule: rule)
            }
            let range = measure.span.range.clamped(to: 0..<original.count)
            var index = range.lowerBound
            while index < range.upperBound {
                if firsts.mayContain(original[index]), let candidates = byFirst[original[index]] {
                    for (cue, entry) in candidates
                    where index + cue.count <= range.upperBound
                        && original[index..<index + cue.count].elementsEqual(cue)
                    {
                        add(entry, cue: entries[entry].cue, span: Span(start: index, end: index + cue.count), rule: "instrument.cue")
                    }
                }
                index += 1
            }
            for amount in amounts where measure.span.contains(amount.span) {
                for entry in amountTools { add(entry, cue: amount.text, span: amount.span, rule: "instrument.amount") }
            }
            for deadline in deadlines where measure.span.contains(deadline.span) {
                for entry in deadlineTools { add(entry, cue: deadline.text, span: deadline.span, rule: "instrument.deadline") }
            }
            var tagged = measure
            tagged.instruments = found.values.sorted { ($0.span, $0.type, $0.tool) < ($1.span, $1.type, $1.tool) }
            return tagged
        }
    }
}
