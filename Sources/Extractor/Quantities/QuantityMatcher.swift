/// What the quantity matchers found in a document.
public struct QuantityMatches: Sendable {
    public var amounts: [Amount] = []
    public var counts: [Count] = []
    public var percentages: [Percentage] = []
    public var diagnostics: [Diagnostic] = []
    public var rejections: [Rejection] = []
    public init() {}
}

/// Finds money amounts, counts and percentages (spec §2–4).
public struct QuantityMatcher: Sendable {
    public init() {}

    public func match(_ context: ExtractionContext) -> QuantityMatches {
        QuantityMatches()  // not yet written: issue 3
    }
}
