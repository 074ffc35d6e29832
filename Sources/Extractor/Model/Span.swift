/// A place in a document: code points, half-open (`start..<end`), into the
/// decoded original text, as Python's `text[start:end]` indexes it. Spans never
/// refer to the normalised copy.
public struct Span: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The first code point.
    public var start: Int
    /// One past the last code point.
    public var end: Int

    /// The span from `start` up to (not including) `end`.
    public init(start: Int, end: Int) {
        precondition(start <= end, "span start after end")
        self.start = start
        self.end = end
    }

    /// The span of `range`.
    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

    /// The span as a range of code points.
    public var range: Range<Int> { start..<end }

    /// Whether `other` lies inside this span.
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    /// Whether the two spans share a code point.
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    /// Ordered by start, then by end.
    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// `start..<end`.
    public var description: String { "\(start)..<\(end)" }
}
