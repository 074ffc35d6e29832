import Segmenter

/// Where a result came from and how the file was read.
public struct Source: Codable, Hashable, Sendable {
    /// The path as given.
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16LE`…).
    public var encoding: String
    /// `plain`, `markdown` or `html`; `pdf`, `docx` or `ofd` for text read out of those (spec §9).
    public var format: String
    /// Length of the decoded original text in code points.
    public var characters: Int
    /// Where each page begins in the text (code points; the first is 0), for
    /// text with pages (a PDF, an OFD, a DOCX where Word recorded its page
    /// breaks); nil otherwise, and then not written.
    public var pageStarts: [Int]?

    /// The source record of a file read from `path`.
    public init(path: String, sha256: String, encoding: String, format: String, characters: Int, pageStarts: [Int]? = nil) {
        self.path = path; self.sha256 = sha256; self.encoding = encoding; self.format = format; self.characters = characters
        self.pageStarts = pageStarts
    }

    private enum CodingKeys: String, CodingKey { case path, sha256, encoding, format, characters, pageStarts }

    /// Writes every field but an absent `pageStarts`, in the order of the output contract.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path); try c.encode(sha256, forKey: .sha256)
        try c.encode(encoding, forKey: .encoding); try c.encode(format, forKey: .format)
        try c.encode(characters, forKey: .characters); try c.encodeIfPresent(pageStarts, forKey: .pageStarts)
    }

    /// The page (from 1) an original offset lies on, or nil for text without pages.
    public func page(at offset: Int) -> Int? {
        guard let pageStarts, !pageStarts.isEmpty else { return nil }
        return TextDocument.page(at: offset, starts: pageStarts)
    }
}

/// Something doubtful about the input, reported rather than thrown: an amount
/// whose unit is unclear, a responsibility note that could not be split.
public struct Diagnostic: Codable, Hashable, Sendable {
    /// How much the doubt matters: a `note` to read, a `warning` that something may be wrong.
    public enum Severity: String, Codable, Sendable { case note, warning }
    /// How much it matters.
    public var severity: Severity
    /// What is doubtful, in a sentence.
    public var message: String
    /// Where, when the doubt is about a place in the text.
    public var span: Span?
    /// The name of the rule that raised it.
    public var rule: String

    /// A diagnostic; `span` nil for one about the whole document.
    public init(severity: Severity, message: String, span: Span?, rule: String) {
        self.severity = severity; self.message = message; self.span = span; self.rule = rule
    }
}

/// Everything extracted from one document: the output contract (spec §1–6).
public struct ExtractionResult: Codable, Hashable, Sendable {
    /// The version of this format; bumped on any incompatible change.
    public static let currentSchemaVersion = 2

    /// The version of the format this result was written in (``currentSchemaVersion`` when made here).
    public var schemaVersion: Int
    /// Where the document came from and how it was read.
    public var source: Source
    /// `normative` (通知, 意见, 办法…) or `report` (news, speeches, summaries).
    public var genre: String
    /// The 公文 elements or the post's headline and date; nil when there are none.
    public var metadata: Metadata?
    /// Headings in document order.
    public var sections: [Section]
    /// The numbered measures of a normative document, with their responsible units.
    public var measures: [Measure]
    /// Sums of money, in text order.
    public var amounts: [Amount]
    /// Numbers of people, organisations, things or events, in text order.
    public var counts: [Count]
    /// Percentages and percentage points, in text order.
    public var percentages: [Percentage]
    /// Points in time by which something is to be done (spec §7).
    public var deadlines: [Deadline]
    /// Documents cited by title in `《》`, each once.
    public var references: [Reference]
    /// The bodies named, each once, in order of first mention.
    public var organizations: [Organization]
    /// Doubts about the input, in text order.
    public var diagnostics: [Diagnostic]

    /// A result of the current schema version; lists left out are empty.
    public init(
        source: Source, genre: String = "report", metadata: Metadata? = nil, sections: [Section] = [],
        measures: [Measure] = [], amounts: [Amount] = [], counts: [Count] = [],
        percentages: [Percentage] = [], deadlines: [Deadline] = [], references: [Reference] = [],
        organizations: [Organization] = [], diagnostics: [Diagnostic] = []
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.source = source; self.genre = genre; self.metadata = metadata; self.sections = sections
        self.measures = measures; self.amounts = amounts; self.counts = counts
        self.percentages = percentages; self.deadlines = deadlines; self.references = references
        self.organizations = organizations; self.diagnostics = diagnostics
    }

    /// Every kind of item, in the order of the output contract: the one
    /// list the JSON encoding, the CSV tables, the run's summary, explain,
    /// fixtures and the assignment of measures follow (see ``ItemKind``).
    public static let itemKinds: [ItemKind] = [
        ItemKind("sections", \.sections, singular: "section", summaryNoun: nil, tables: [.sections]),
        ItemKind(
            "measures", \.measures, singular: "measure", summaryNoun: "measure",
            tables: [.measures, .responsibilities, .instruments]),
        ItemKind("amounts", \.amounts, singular: "amount", summaryNoun: "amount", tables: [.amounts]),
        ItemKind("counts", \.counts, singular: "count", summaryNoun: "count", tables: [.counts]),
        ItemKind("percentages", \.percentages, singular: "percentage", summaryNoun: "percentage", tables: [.percentages]),
        ItemKind("deadlines", \.deadlines, singular: "deadline", summaryNoun: nil, tables: [.deadlines], since: 2),
        ItemKind("references", \.references, singular: "reference", summaryNoun: "reference", tables: [.references]),
        ItemKind(
            "organizations", \.organizations, singular: "organization", summaryNoun: "organisation",
            tables: [.organizations]),
    ]

    /// The keys of the JSON result, in the order of the output contract.
    public static var keys: [String] {
        ["schemaVersion", "source", "genre", "metadata"] + itemKinds.map(\.key) + ["diagnostics"]
    }

    /// A key of the JSON result.
    public struct Key: CodingKey {
        /// The key's name.
        public var stringValue: String
        /// Always nil: the result is an object, never indexed.
        public var intValue: Int? { nil }
        /// The key named `name`.
        public init(_ name: String) { stringValue = name }
        /// The key named `stringValue`.
        public init?(stringValue: String) { self.stringValue = stringValue }
        /// No key: the result has no integer keys.
        public init?(intValue: Int) { nil }
    }

    /// Reads a result written by `zhengce extract` (a list added after schema version 1 reads as empty where absent).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        schemaVersion = try c.decode(Int.self, forKey: Key("schemaVersion"))
        source = try c.decode(Source.self, forKey: Key("source"))
        genre = try c.decode(String.self, forKey: Key("genre"))
        metadata = try c.decodeIfPresent(Metadata.self, forKey: Key("metadata"))
        diagnostics = try c.decode([Diagnostic].self, forKey: Key("diagnostics"))
        sections = []; measures = []; amounts = []; counts = []; percentages = []; deadlines = []; references = []
        organizations = []
        for kind in Self.itemKinds { try kind.decode(&self, c) }
    }

    /// Writes the result with its keys in the order of the output contract (``keys``).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(schemaVersion, forKey: Key("schemaVersion")); try c.encode(source, forKey: Key("source"))
        try c.encode(genre, forKey: Key("genre")); try c.encode(metadata, forKey: Key("metadata"))
        for kind in Self.itemKinds { try kind.encode(self, &c) }
        try c.encode(diagnostics, forKey: Key("diagnostics"))
    }

    /// Writes `items`, each with its `page` when the text has pages (spec §9):
    /// the one place every kind of item gets its page, from where its (first)
    /// span starts and the source's page starts.
    func encode<Item: ExtractedItem>(_ items: [Item], forKey key: Key, in container: inout KeyedEncodingContainer<Key>) throws {
        guard source.pageStarts != nil else { return try container.encode(items, forKey: key) }
        try container.encode(items.map { PagedItem(item: $0, page: $0.firstSpan.flatMap { source.page(at: $0.start) }) }, forKey: key)
    }

    /// Gives every item inside a measure the number of the innermost measure whose span contains it.
    mutating func assignMeasures() {
        guard !measures.isEmpty else { return }
        let sorted = measures.sorted { $0.span < $1.span }
        func number(for span: Span) -> String? {
            // The innermost (last-starting) measure that contains the span.
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].span.start <= span.start { low = middle + 1 } else { high = middle }
            }
            var index = low - 1
            while index >= 0 {
                if sorted[index].span.contains(span) { return sorted[index].number }
                index -= 1
            }
            return nil
        }
        for kind in Self.itemKinds { kind.assignMeasures?(&self, number) }
    }

    /// The page (from 1) where an item's span starts, or nil for text without pages.
    public func page(of span: Span) -> Int? { source.page(at: span.start) }
}

/// An item written with `page` after its own fields.
private struct PagedItem<Item: Encodable>: Encodable {
    var item: Item
    var page: Int?

    private enum CodingKeys: String, CodingKey { case page }

    func encode(to encoder: Encoder) throws {
        try item.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(page, forKey: .page)
    }
}
