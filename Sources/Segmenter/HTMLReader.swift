import TextTools

/// Reads the text of HTML: tags dropped (block tags end a block), entities
/// decoded, `<script>`/`<style>`/comments skipped, `<title>` and `<h1>`–`<h6>`
/// recorded. Line breaks in HTML source are only spaces.
enum HTMLReader {
    /// Tags that end a block of text.
    private static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "section", "article",
        "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr",
        "title", "body", "html", "head", "main", "nav", "aside", "dd", "dt", "dl", "figure", "figcaption",
    ]
    /// Tags whose content is not text.
    private static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "svg"]

    static func read(_ text: [Unicode.Scalar], from start: Int, into output: MappedTextWriter, markup: inout Markup) {
        var index = start
        var heading: (level: Int, textStart: Int)?
        var headingText = MappedText()
        var titleStart: Int?
        while index < text.count {
            let scalar = text[index]
            if scalar == "<", let tag = Tag.parse(text, at: index) {
                if tag.name == "!--" || tag.name.hasPrefix("!") || tag.name.hasPrefix("?") {
                    index = tag.end
                    continue
                }
                if skippedTags.contains(tag.name), !tag.closing {
                    index = closingTagEnd(text, name: tag.name, from: tag.end)
                    output.append(hardBreak, from: tag.start, to: index)
                    continue
                }
                if tag.name == "title" {
                    if !tag.closing {
                        titleStart = tag.end
                    } else if let from = titleStart {
                        markup.htmlTitle = decodedString(text, from..<tag.start).trimmingSpaces
                        titleStart = nil
                    }
                }
                if tag.name.count == 2, tag.name.first == "h", let level = Int(String(tag.name.last!)), (1...6).contains(level) {
                    if !tag.closing {
                        heading = (level, tag.end)
                        headingText = MappedText()
                    } else if let open = heading {
                        let title = headingText.string.trimmingSpaces
                        if !title.isEmpty {
                            markup.headings.append(
                                .init(
                                    level: open.level, marker: "", title: title,
                                    span: trimmedSpan(headingText, fallback: open.textStart..<tag.start)))
                        }
                        heading = nil
                    }
                }
                if blockTags.contains(tag.name) { output.append(hardBreak, from: tag.start, to: tag.end) }
                index = tag.end
                continue
            }
            if titleStart != nil { index += 1; continue }  // the title is kept apart from the body
            // Characters that are neither markup nor white space are copied in runs.
            let run = textRunEnd(text, from: index)
            if run > index {
                output.append(identity: text, index..<run)
                if heading != nil { headingText.append(identity: text, index..<run) }
                index = run
                continue
            }
            var decoded: Unicode.Scalar = scalar
            var next = index + 1
            if scalar == "&", let (entity, end) = Entity.decode(text, at: index) {
                decoded = entity
                next = end
            } else if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                decoded = " "
            }
            output.append(decoded, from: index, to: next)
            if heading != nil { headingText.append(decoded, from: index, to: next) }
            index = next
        }
    }

    /// The end of the run from `start` of characters copied as they are: all but `<`, `&`, `\n`, `\r`, `\t`.
    private static func textRunEnd(_ text: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < text.count {
            let value = text[index].value
            if value < 0x80, value == 0x3C || value == 0x26 || value == 0x0A || value == 0x0D || value == 0x09 { break }
            index += 1
        }
        return index
    }

    private static func trimmedSpan(_ text: MappedText, fallback: Range<Int>) -> Range<Int> {
        let scalars = text.scalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return fallback }
        return Int(text.starts[first])..<Int(text.ends[last])
    }

    private static func decodedString(_ text: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        var index = range.lowerBound
        while index < range.upperBound {
            if text[index] == "&", let (entity, end) = Entity.decode(text, at: index), end <= range.upperBound {
                result.append(entity)
                index = end
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return String(result)
    }

    /// The offset after `</name>`, or the end of the text.
    private static func closingTagEnd(_ text: [Unicode.Scalar], name: String, from start: Int) -> Int {
        var index = start
        while index < text.count {
            if text[index] == "<", let tag = Tag.parse(text, at: index), tag.closing, tag.name == name { return tag.end }
            index += 1
        }
        return text.count
    }

    /// One tag: `<p class="x">`, `</p>`, `<br/>`, `<!-- … -->`.
    struct Tag {
        var name: String
        var closing: Bool
        var start: Int
        var end: Int

        static func parse(_ text: [Unicode.Scalar], at start: Int) -> Tag? {
            var index = start + 1
            guard index < text.count else { return nil }
            if text[index] == "!", index + 2 < text.count, text[index + 1] == "-", text[index + 2] == "-" {
                var probe = index + 3
                while probe + 2 < text.count, !(text[probe] == "-" && text[probe + 1] == "-" && text[probe + 2] == ">") { probe += 1 }
                return Tag(name: "!--", closing: false, start: start, end: Swift.min(probe + 3, text.count))
            }
            var closing = false
            if text[index] == "/" { closing = true; index += 1 }
            let nameStart = index
            while index < text.count, isNameScalar(text[index]) { index += 1 }
            guard index > nameStart, index - nameStart < 32 else { return nil }
            let name = String(scalars: text[nameStart..<index]).lowercased()
            guard let first = name.unicodeScalars.first,
                first.properties.isAlphabetic || first == "!" || first == "?"
            else { return nil }
            // Find the closing '>' outside quotes, within a bound.
            var quote: Unicode.Scalar?
            let limit = Swift.min(text.count, index + 4096)
            while index < limit {
                let scalar = text[index]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == ">" {
                    return Tag(name: name, closing: closing, start: start, end: index + 1)
                } else if scalar == "<" {
                    return nil
                }
                index += 1
            }
            return nil
        }

        private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "!" || scalar == "?" || scalar == "-"
                    || scalar == ":")
        }
    }
}

/// HTML character references: `&amp;`, `&#20154;`, `&#x4EBA;`, and the named
/// ones Chinese pages use.
enum Entity {
    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "middot": "\u{00B7}",
        "times": "\u{00D7}", "divide": "\u{00F7}", "yen": "\u{00A5}", "copy": "\u{00A9}",
        "reg": "\u{00AE}", "emsp": "\u{2003}", "ensp": "\u{2002}", "thinsp": "\u{2009}",
        "bull": "\u{2022}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "deg": "\u{00B0}",
        "permil": "\u{2030}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    ]

    /// The character of a reference starting at `start` (`&`), and the offset after it.
    static func decode(_ text: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        let limit = Swift.min(text.count, start + 12)
        while index < limit, text[index] != ";" {
            guard text[index].isASCII, text[index] != "&", text[index] != " " else { return nil }
            index += 1
        }
        guard index < limit, index > start + 1 else { return nil }
        let body = String(scalars: text[(start + 1)..<index])
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, index + 1)
        }
        guard let scalar = named[body] ?? named[body.lowercased()] else { return nil }
        return (scalar, index + 1)
    }
}
