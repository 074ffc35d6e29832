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

    public init(path: String, sha256: String, encoding: String, format: String, characters: Int, pageStarts: [Int]? = nil) {
        self.path = path; self.sha256 = sha256; self.encoding = encoding; self.format = format; self.characters = characters
        self.pageStarts = pageStarts
    }

    private enum CodingKeys: String, CodingKey { case path, sha256, encoding, format, characters, pageStarts }

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
    public enum Severity: String, Codable, Sendable { case note, warning }
    public var severity: Severity
    public var message: String
    public var span: Span?
    public var rule: String

    public init(severity: Severity, message: String, span: Span?, rule: String) {
        self.severity = severity; self.message = message; self.span = span; self.rule = rule
    }
}

/// Everything extracted from one document: the output contract (spec §1–6).
public struct ExtractionResult: Codable, Hashable, Sendable {
    /// The version of this format; bumped on any incompatible change.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var source: Source
    /// `normative` (通知, 意见, 办法…) or `report` (news, speeches, summaries).
    public var genre: String
    public var metadata: Metadata?
    public var sections: [Section]
    public var measures: [Measure]
    public var amounts: [Amount]
    public var counts: [Count]
    public var percentages: [Percentage]
    /// Points in time by which something is to be done (spec §7).
    public var deadlines: [Deadline]
    public var references: [Reference]
    public var organizations: [Organization]
    public var diagnostics: [Diagnostic]

    public init(source: Source, genre: String = "report", metadata: Metadata? = nil, sections: [Section] = [],
                measures: [Measure] = [], amounts: [Amount] = [], counts: [Count] = [],
                percentages: [Percentage] = [], deadlines: [Deadline] = [], references: [Reference] = [],
                organizations: [Organization] = [], diagnostics: [Diagnostic] = []) {
        self.schemaVersion = Self.currentSchemaVersion
        self.source = source; self.genre = genre; self.metadata = metadata; self.sections = sections
        self.measures = measures; self.amounts = amounts; self.counts = counts
        self.percentages = percentages; self.deadlines = deadlines; self.references = references
        self.organizations = organizations; self.diagnostics = diagnostics
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, source, genre, metadata, sections, measures, amounts, counts, percentages, deadlines
        case references, organizations, diagnostics
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        source = try c.decode(Source.self, forKey: .source)
        genre = try c.decode(String.self, forKey: .genre)
        metadata = try c.decodeIfPresent(Metadata.self, forKey: .metadata)
        sections = try c.decode([Section].self, forKey: .sections)
        measures = try c.decode([Measure].self, forKey: .measures)
        amounts = try c.decode([Amount].self, forKey: .amounts)
        counts = try c.decode([Count].self, forKey: .counts)
        percentages = try c.decode([Percentage].self, forKey: .percentages)
        // Records of schema version 1 have no deadlines.
        deadlines = try c.decodeIfPresent([Deadline].self, forKey: .deadlines) ?? []
        references = try c.decode([Reference].self, forKey: .references)
        organizations = try c.decode([Organization].self, forKey: .organizations)
        diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion); try c.encode(source, forKey: .source)
        try c.encode(genre, forKey: .genre); try c.encode(metadata, forKey: .metadata)
        try encode(sections, { $0.span }, forKey: .sections, in: &c)
        try encode(measures, { $0.span }, forKey: .measures, in: &c)
        try encode(amounts, { $0.span }, forKey: .amounts, in: &c)
        try encode(counts, { $0.span }, forKey: .counts, in: &c)
        try encode(percentages, { $0.span }, forKey: .percentages, in: &c)
        try encode(deadlines, { $0.span }, forKey: .deadlines, in: &c)
        try encode(references, { $0.spans.first }, forKey: .references, in: &c)
        try encode(organizations, { $0.spans.first }, forKey: .organizations, in: &c)
        try c.encode(diagnostics, forKey: .diagnostics)
    }

    /// Writes `items`, each with its `page` when the text has pages (spec §9):
    /// the one place every kind of item gets its page, from where its (first)
    /// span starts and the source's page starts.
    private func encode<Item: Encodable>(_ items: [Item], _ span: (Item) -> Span?, forKey key: CodingKeys,
                                         in container: inout KeyedEncodingContainer<CodingKeys>) throws {
        guard source.pageStarts != nil else { return try container.encode(items, forKey: key) }
        try container.encode(items.map { PagedItem(item: $0, page: span($0).flatMap { source.page(at: $0.start) }) }, forKey: key)
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
