/// What the structure reader found: the document's kind, metadata, headings and measures.
public struct StructureMatches: Sendable {
    public var genre = "report"
    public var metadata: Metadata?
    public var sections: [Section] = []
    public var measures: [Measure] = []
    public var diagnostics: [Diagnostic] = []
    public var rejections: [Rejection] = []
    public init() {}
}

/// Reads metadata, sections and measures (spec §5).
public struct StructureReader: Sendable {
    public init() {}

    public func read(_ context: ExtractionContext) -> StructureMatches {
        StructureMatches()  // not yet written: issue 4
    }
}

/// Finds titles cited in `《》` (spec §6).
public struct ReferenceMatcher: Sendable {
    public init() {}

    public func match(_ context: ExtractionContext) -> [Reference] {
        []  // not yet written: issue 4
    }
}

/// Finds government and Party bodies (spec §6).
public struct OrganizationMatcher: Sendable {
    public init() {}

    public func match(_ context: ExtractionContext, measures: [Measure]) -> [Organization] {
        []  // not yet written: issue 4
    }
}
