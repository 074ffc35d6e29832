import Foundation
import Segmenter

/// What the quantity matchers found in a document.
public struct QuantityMatches: Sendable {
    /// Sums of money, in text order.
    public var amounts: [Amount] = []
    /// Numbers of people, organisations, things or events, in text order.
    public var counts: [Count] = []
    /// Percentages and percentage points, in text order.
    public var percentages: [Percentage] = []
    /// Doubts about quantities (a unit that may be missing).
    public var diagnostics: [Diagnostic] = []
    /// What the negative rules turned down, when asked for.
    public var rejections: [Rejection] = []
    /// Nothing found yet.
    public init() {}
}

/// Finds money amounts, counts and percentages (spec §2–4).
///
/// One pass over the normalised scalars: wherever a number starts, it reads
/// the number, an optional `余`/`多`, a multiplier (`万`, `亿`), a unit (`元`,
/// `%`, a classifier), a second number after a range separator, and the bound
/// words glued before and after; then the negative rules (ordinals, fused
/// numerals, durations…) decide whether it stands. The vocabulary lives in
/// `Resources/quantities/`.
public struct QuantityMatcher: Sendable {
    private let vocabulary: QuantityVocabulary

    /// A matcher over the bundled word lists.
    public init() {
        vocabulary = .shared
    }

    /// Every amount, count and percentage of the document, in text order.
    public func match(_ context: ExtractionContext) -> QuantityMatches {
        var scan = QuantityScan(context: context, vocabulary: vocabulary)
        scan.run()
        return scan.finish()
    }
}
