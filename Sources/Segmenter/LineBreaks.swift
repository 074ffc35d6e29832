/// Where lines end, read the same way everywhere the reader splits lines
/// (front matter, Markdown, the original's layout lines): `\r\n` is one
/// break, and so are a lone `\n` and a lone `\r` (files from Windows and from
/// old Mac editors).
public enum LineBreaks {
    /// Whether the code point at `index` ends a line: a `\n`, or a `\r` not
    /// followed by `\n` (the `\n` of `\r\n` is the one that counts).
    @inlinable
    public static func endsLine<C: RandomAccessCollection>(_ text: C, at index: C.Index) -> Bool
    where C.Element == Unicode.Scalar {
        switch text[index] {
        case "\n":
            return true
        case "\r":
            let next = text.index(after: index)
            return next == text.endIndex || text[next] != "\n"
        default:
            return false
        }
    }

    /// The end of the line that starts at `start` (the offset of its break,
    /// or `end`) and the start of the next line.
    @inlinable
    public static func lineEnd(_ text: [Unicode.Scalar], from start: Int, to end: Int) -> (end: Int, next: Int) {
        var index = start
        while index < end {
            let value = text[index].value
            if value == 0x0A { return (index, index + 1) }
            if value == 0x0D { return (index, index + 1 < end && text[index + 1] == "\n" ? index + 2 : index + 1) }
            index += 1
        }
        return (end, end)
    }
}
