/// Where a result came from and how the file was read.
public struct Source: Codable, Hashable, Sendable {
    /// The path as given.
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16LE`…).
    public var encoding: String
    /// `plain`, `markdown` or `html`.
    public var format: String
    /// Length of the decoded original text in code points.
    public var characters: Int

    public init(path: String, sha256: String, encoding: String, format: String, characters: Int) {
        self.path = path; self.sha256 = sha256; self.encoding = encoding; self.format = format; self.characters = characters
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
    public var references: [Reference]
    public var organizations: [Organization]
    public var diagnostics: [Diagnostic]

    public init(source: Source, genre: String = "report", metadata: Metadata? = nil, sections: [Section] = [],
                measures: [Measure] = [], amounts: [Amount] = [], counts: [Count] = [],
                percentages: [Percentage] = [], references: [Reference] = [],
                organizations: [Organization] = [], diagnostics: [Diagnostic] = []) {
        self.schemaVersion = Self.currentSchemaVersion
        self.source = source; self.genre = genre; self.metadata = metadata; self.sections = sections
        self.measures = measures; self.amounts = amounts; self.counts = counts
        self.percentages = percentages; self.references = references
        self.organizations = organizations; self.diagnostics = diagnostics
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, source, genre, metadata, sections, measures, amounts, counts, percentages
        case references, organizations, diagnostics
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion); try c.encode(source, forKey: .source)
        try c.encode(genre, forKey: .genre); try c.encode(metadata, forKey: .metadata)
        try c.encode(sections, forKey: .sections); try c.encode(measures, forKey: .measures)
        try c.encode(amounts, forKey: .amounts); try c.encode(counts, forKey: .counts)
        try c.encode(percentages, forKey: .percentages); try c.encode(references, forKey: .references)
        try c.encode(organizations, forKey: .organizations); try c.encode(diagnostics, forKey: .diagnostics)
    }
}
