import Segmenter

/// What every matcher of one document shares: the document and the way from
/// normalised offsets back to original spans.
///
/// Made once per document by ``DocumentExtractor``; matchers read it and never
/// change it.
public struct ExtractionContext: Sendable {
    /// The document being read.
    public let document: TextDocument
    /// Whether matchers should report the near misses their negative rules turn down.
    public let collectsRejections: Bool

    /// The context of `document`; `collectsRejections` asks matchers for their near misses (`zhengce explain`).
    public init(document: TextDocument, collectsRejections: Bool = false) {
        self.document = document
        self.collectsRejections = collectsRejections
    }

    /// The normalised text.
    public var text: MappedText { document.text }

    /// The original span of a range of the normalised text.
    public func span(of range: Range<Int>) -> Span { Span(document.originalRange(of: range)) }

    /// The original text of a span: exactly what an item's `text` must be.
    public func originalText(_ span: Span) -> String { document.originalText(span.range) }
}
