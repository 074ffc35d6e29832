import Foundation
import TextTools

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
    /// The lines the normaliser read, as they sit in ``text`` (recorded while normalising).
    public let layout: LineLayout
    /// Bytes of a cut-off last character left unread (see ``DecodedText/droppedTail``).
    public private(set) var droppedTail = 0
    /// The file format the text was read out of (`pdf`, `docx`, `ofd`), or nil
    /// when the file is the text itself.
    public private(set) var container: String?
    /// Where each page begins in ``original`` (code points; the first is 0),
    /// when the text knows its pages: after each form feed that ends a page.
    /// Nil for text without pages.
    public private(set) var pageStarts: [Int]?

    /// Reads a document from its text.
    public init(text: String, format: DocumentFormat? = nil, path: String? = nil, encoding: String = "UTF-8") {
        self.init(scalars: Self.scalars(of: text), format: format, path: path, encoding: encoding)
    }

    private init(scalars: [Unicode.Scalar], format: DocumentFormat?, path: String?, encoding: String) {
        let format = format ?? DocumentFormat.guess(path: path, text: scalars)
        let (stripped, markup) = MarkupReader.read(scalars, format: format)
        self.original = scalars
        self.encoding = encoding
        self.format = format
        self.markup = markup
        (self.text, self.layout) = stripped.map(Normalizer.normalizeWithLayout) ?? Normalizer.normalize(original: scalars)
    }

    /// The scalars of `text`, decoded from its UTF-8 storage.
    ///
    /// `Array(text.unicodeScalars)` goes through the generic iterator, a
    /// tenth of the speed; this counts the scalars (every byte that is not a
    /// continuation byte starts one), allocates once and decodes. The string's
    /// UTF-8 is valid, so no check is needed.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        let decoded: [Unicode.Scalar]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count &+= 1 }
            return UTF8Scalars.scalars(of: bytes, count: count)
        }
        return decoded ?? Array(text.unicodeScalars)
    }

    /// Reads a document whose text was read out of a PDF, DOCX or OFD file
    /// (named by `container`); when `paged`, form feeds end its pages.
    public init(readOut text: String, container: String, paged: Bool) {
        self.init(scalars: Self.scalars(of: text), format: .plain, path: nil, encoding: "UTF-8")
        self.container = container
        if paged { pageStarts = Self.pageStarts(original) }
    }

    /// The start of the first page and the offset after each form feed that
    /// another character follows.
    static func pageStarts(_ text: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        for (index, scalar) in text.enumerated() where scalar == "\u{0C}" && index + 1 < text.count {
            starts.append(index + 1)
        }
        return starts
    }

    /// The page (from 1) on which the original offset `offset` lies, or nil
    /// for text without pages.
    public func page(at offset: Int) -> Int? {
        guard let pageStarts else { return nil }
        return Self.page(at: offset, starts: pageStarts)
    }

    /// The page (from 1) of `offset` given where pages start (sorted, the first 0).
    public static func page(at offset: Int, starts: [Int]) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(low, 1)
    }

    /// Reads a document from a file's bytes; the path names the format.
    public init(bytes: [UInt8], path: String? = nil, format: DocumentFormat? = nil) throws(DecodingError) {
        if let scalars = UTF8Scalars.decode(bytes) {
            // Most files are UTF-8: straight to scalars, no string on the way.
            self.init(scalars: scalars, format: format, path: path, encoding: "UTF-8")
            return
        }
        let decoded = try TextDecoder.decode(bytes)
        self.init(text: decoded.text, format: format, path: path, encoding: decoded.encoding)
        droppedTail = decoded.droppedTail
    }

    /// The original code-point range of `range` of the normalised text.
    public func originalRange(of range: Range<Int>) -> Range<Int> { text.originalRange(of: range) }

    /// The original text of a code-point range.
    public func originalText(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<original.count)
        return String(scalars: original[clamped])
    }

    /// The original lines as code-point ranges (without their line breaks;
    /// `\r\n`, `\n` and a lone `\r` each end a line, see ``LineBreaks``).
    public var originalLines: [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        while true {
            let (end, next) = LineBreaks.lineEnd(original, from: start, to: original.count)
            lines.append(start..<end)
            if next == end { return lines }
            start = next
        }
    }
}
