import Evaluation
import Extractor

/// Escaping for the pages: every piece of document or record text goes
/// through here, so a document holding `<script>` or `<!--` shows as text.
enum HTML {
    /// Text for element content or a double-quoted attribute value:
    /// `& < > " '` as character references; CR as `&#13;` (a parser would turn
    /// a literal CR LF into LF and change the text); NUL as U+FFFD, what a
    /// parser makes of it anyway.
    static func escape(_ text: some Sequence<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\0": out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// ``escape(_:)`` for a String.
    static func escape(_ text: String) -> String { escape(text.unicodeScalars) }

    /// JSON text to embed in `<script type="application/json">`: `<`, `>` and
    /// `&` written as `\u003c`, `\u003e`, `\u0026` (the same JSON), so no string
    /// in it can close the element or open a comment.
    static func scriptSafe(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out.append(contentsOf: "\\u003c".unicodeScalars)
            case ">": out.append(contentsOf: "\\u003e".unicodeScalars)
            case "&": out.append(contentsOf: "\\u0026".unicodeScalars)
            case "\u{2028}": out.append(contentsOf: "\\u2028".unicodeScalars)
            case "\u{2029}": out.append(contentsOf: "\\u2029".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// A value as a reader sees it: strings as they are, lists of strings joined
    /// by `、`, an object by its name and other scalar values (`石嘴山市 (640200, city)`),
    /// anything else as compact JSON; null as `—`.
    static func plain(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return "—"
        case .string(let text)?: return text
        case .bool(let flag)?: return flag ? "true" : "false"
        case .number(let number)?: return number.text
        case .array(let elements)?:
            if elements.allSatisfy({ $0.stringValue != nil }) {
                return elements.compactMap(\.stringValue).joined(separator: "、")
            }
            return JSONRendering.compact(.array(elements))
        case .object(let object)?:
            // `上海市 (310000, province)`: the name first, the rule left out.
            let parts = object.entries.filter { $0.key != "name" && $0.key != "rule" }.compactMap { entry -> String? in
                switch entry.value {
                case .string(let text): text
                case .number(let number): number.text
                case .bool(let flag): flag ? "true" : "false"
                default: nil
                }
            }
            if let name = object["name"]?.stringValue {
                return parts.isEmpty ? name : "\(name) (\(parts.joined(separator: ", ")))"
            }
            return parts.isEmpty ? JSONRendering.compact(.object(object)) : parts.joined(separator: " · ")
        }
    }

    /// The stylesheet and script every page links (written into the site, nothing fetched),
    /// and a policy that lets nothing else load or run.
    static func head(title: String, assets: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:">
        <meta name="referrer" content="no-referrer">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="\(assets)review.css">
        <script src="\(assets)review.js" defer></script>
        </head>

        """
    }
}
