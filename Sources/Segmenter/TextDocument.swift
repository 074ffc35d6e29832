import Foundation

/// A document read for extraction: its original text, how it was read, and the
/// normalised view the matchers work on, mapped back to the original.
public struct TextDocument: Sendable {
    /// The decoded original text as code points; every span indexes this.
    public let original: [Unicode.Scalar]
    /// The encoding the bytes were decoded from.
    public let encoding: String
    /// The markup the document was read as.
    public let format: DocumentFormat
    /// Front matter, `<title>` and markup headings.
    public let markup: Markup
    /// The normalised text (see ``Normalizer``).
    public let text: MappedText

    /// Reads a document from its text.
    public init(text: String, format: DocumentFormat? = nil, path: String? = nil, encoding: String = "UTF-8") {
        let scalars = Array(text.unicodeScalars)
        let format = format ?? DocumentFormat.guess(path: path, text: scalars)
        let (stripped, markup) = MarkupReader.read(scalars, format: format)
        self.original = scalars
        self.encoding = encoding
        self.format = format
        self.markup = markup
        self.text = Normalizer.normalize(stripped)
    }

    /// Reads a document from a file's bytes; the path names the format.
    public init(bytes: [UInt8], path: String? = nil, format: DocumentFormat? = nil) throws(DecodingError) {
        let decoded = try TextDecoder.decode(bytes)
        self.init(text: decoded.text, format: format, path: path, encoding: decoded.encoding)
    }

    /// The original code-point range of `range` of the normalised text.
    public func originalRange(of range: Range<Int>) -> Range<Int> { text.originalRange(of: range) }

    /// The original text of a code-point range.
    public func originalText(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<original.count)
        return String(String.UnicodeScalarView(original[clamped]))
    }

    /// The original lines as code-point ranges (without their line breaks).
    public var originalLines: [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, scalar) in original.enumerated() where scalar == "\n" {
            let end = index > start && original[index - 1] == "\r" ? index - 1 : index
            lines.append(start..<end)
            start = index + 1
        }
        lines.append(start..<original.count)
        return lines
    }
}
