import Segmenter

/// What every matcher of one document shares: the document, its sentences, and
/// the way from normalised offsets back to original spans.
///
/// Made once per document by ``DocumentExtractor``; matchers read it and never
/// change it.
public struct ExtractionContext: Sendable {
    /// The document being read.
    public let document: TextDocument
    /// Sentences of the normalised text, as scalar ranges.
    public let sentences: [Range<Int>]
    /// Whether matchers should report the near misses their negative rules turn down.
    public let collectsRejections: Bool

    public init(document: TextDocument, sentences: [Range<Int>], collectsRejections: Bool = false) {
        self.document = document
        self.sentences = sentences
        self.collectsRejections = collectsRejections
    }

    /// The normalised text.
    public var text: MappedText { document.text }

    /// The original span of a range of the normalised text.
    public func span(of range: Range<Int>) -> Span { Span(document.originalRange(of: range)) }

    /// The original text of a span: exactly what an item's `text` must be.
    public func originalText(_ span: Span) -> String { document.originalText(span.range) }

    /// The sentence that contains normalised offset `index`, if any.
    public func sentence(containing index: Int) -> Range<Int>? {
        var low = 0, high = sentences.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let sentence = sentences[middle]
            if sentence.upperBound <= index { low = middle + 1 }
            else if sentence.lowerBound > index { high = middle - 1 }
            else { return sentence }
        }
        return nil
    }
}
