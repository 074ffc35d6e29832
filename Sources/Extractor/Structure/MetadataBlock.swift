import Segmenter

/// The metadata block a scraped page carries: Markdown/YAML front matter, or
/// a header table whose cells ran into text (`发文字号 : -发布机构 : 江城市
/// 人社局发布时间： 2024-11-25`). Keys and the fields they give are data
/// (`structure/metadata-keys.txt`); a value `-` or empty means none.
struct MetadataBlock: Equatable {
    var title: String?
    var documentNumber: String?
    var issuers: [String] = []
    /// 成文日期, ISO.
    var written: String?
    /// The publication date, ISO.
    var published: String?

    /// A field of the block.
    enum Field: String, CaseIterable {
        case title, documentNumber, issuers, written, published, other
    }

    /// The keys and their fields, read once.
    struct Keys: Sendable {
        let list: WordList
        /// The field of each word of ``list``, by its id.
        let fields: [String]
        let byKey: [String: String]

        static let shared: Keys = {
            var byKey: [String: String] = [:]
            for line in RuleData.list("structure/metadata-keys") {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 2, Field(rawValue: String(parts[1])) != nil else {
                    fatalError("bad line in structure/metadata-keys.txt: \(line)")
                }
                byKey[String(parts[0])] = String(parts[1])
            }
            let list = WordList(byKey.keys)
            return Keys(list: list, fields: list.words.map { byKey[String(scalars: $0[...])] ?? "other" }, byKey: byKey)
        }()
    }

    /// How far into the text a header table is looked for.
    static let tableReach = 1500

    /// The block of `document`: its front matter, else a header table of two
    /// or more keys near the top of its text.
    static func read(_ document: TextDocument) -> MetadataBlock {
        var block = MetadataBlock()
        let keys = Keys.shared
        let front = document.markup.frontMatter
        if !front.isEmpty {
            for (key, value) in front {
                guard let field = keys.byKey[key] ?? keys.byKey[key.lowercased()] else { continue }
                block.set(field, value)
            }
            return block
        }
        let pairs = table(in: document.text.scalars, keys: keys, lineBreaks: lineBreaks(document))
        guard pairs.count >= 2 else { return block }
        for (field, value) in pairs { block.set(field, value) }
        return block
    }

    /// The `key : value` cells of a header table in the first
    /// ``tableReach`` characters of `text`: each value runs to the next key,
    /// the line's end or a sentence end.
    ///
    /// A key alone on its line gives the next line as its value, colon or
    /// not (`发布机构` / `江城市水务局`); `lineBreaks[i]` tells whether the
    /// original broke the line before normalised character `i`.
    static func table(in text: [Unicode.Scalar], keys: Keys, lineBreaks: [Bool] = []) -> [(field: String, value: String)] {
        let reach = min(text.count, tableReach)
        func breaksBefore(_ index: Int) -> Bool {
            index == 0 || text[index - 1] == "\n" || (index < lineBreaks.count && lineBreaks[index])
        }
        var found: [(start: Int, valueStart: Int, field: String)] = []
        var index = 0
        while index < reach {
            if let id = keys.list.match(text, at: index) {
                let keyEnd = index + keys.list.words[id].count
                if breaksBefore(index), keyEnd < text.count, text[keyEnd] == "\n" || breaksBefore(keyEnd) {
                    // A key alone on its line.
                    found.append((index, text[keyEnd] == "\n" ? keyEnd + 1 : keyEnd, keys.fields[id]))
                    index = keyEnd
                    continue
                }
                var colon = keyEnd
                while colon < text.count, text[colon] == " " || text[colon] == "\u{3000}" { colon += 1 }
                if colon < text.count, text[colon] == ":" || text[colon] == "：" {
                    found.append((index, colon + 1, keys.fields[id]))
                    index = colon + 1
                    continue
                }
            }
            index += 1
        }
        var pairs: [(field: String, value: String)] = []
        for (position, cell) in found.enumerated() {
            let limit = position + 1 < found.count ? found[position + 1].start : min(text.count, cell.valueStart + 120)
            var end = cell.valueStart
            while end < limit, text[end] != "\n", text[end] != "。", end == cell.valueStart || !breaksBefore(end) { end += 1 }
            pairs.append((cell.field, String(scalars: text[cell.valueStart..<end])))
        }
        return pairs
    }

    /// Whether the original broke the line before each of the first
    /// ``tableReach`` normalised characters of `document`.
    private static func lineBreaks(_ document: TextDocument) -> [Bool] {
        let text = document.text
        let count = min(text.count, tableReach + 1)
        var result = [Bool](repeating: false, count: count)
        for index in 1..<max(1, count) {
            let from = Int(text.ends[index - 1]), to = Int(text.starts[index])
            if from < to, document.original[from..<to].contains(where: { $0 == "\n" || $0 == "\r" }) { result[index] = true }
        }
        return result
    }

    private mutating func set(_ field: String, _ raw: String) {
        let value = raw.trimmed
        guard !value.isEmpty, value != "-", value != "—", value != "无" else { return }
        switch Field(rawValue: field) {
        case .title: if title == nil { title = value }
        case .documentNumber:
            if documentNumber == nil {
                documentNumber =
                    DocumentNumber.find(in: value.scalars)?.number
                    ?? (value.unicodeScalars.contains(where: ScalarClass.isDigit) ? value.withoutSpaces : nil)
            }
        case .issuers:
            if issuers.isEmpty {
                issuers = value.split(whereSeparator: { " 　、,，;；".contains($0) }).map { String($0) }.filter { !$0.isEmpty }
            }
        case .written: if written == nil { written = DateReader.isoDate(value) }
        case .published: if published == nil { published = DateReader.isoDate(value) }
        case .other, nil: break
        }
    }
}

extension StructureReader {
    /// The metadata from the document's own header and signature, filled in
    /// from the page's metadata block where the document does not say (the
    /// block's issuer is often the site's department, so the document's own
    /// organs come first); the date is the 成文日期 where there is one.
    static func metadata(header: DocumentHeader, headline: NewsHeadline, block: MetadataBlock) -> Metadata? {
        let issuers = !header.issuers.isEmpty ? header.issuers : !header.leadIssuers.isEmpty ? header.leadIssuers : block.issuers
        if header.title != nil || header.documentNumber != nil {
            return Metadata(
                title: header.title ?? block.title, documentNumber: header.documentNumber ?? block.documentNumber,
                issuers: issuers, recipients: header.recipients,
                date: header.date ?? block.written ?? headline.date ?? block.published)
        }
        let title = headline.title ?? block.title
        let date = header.date ?? block.written ?? headline.date ?? block.published
        guard title != nil || date != nil || block.documentNumber != nil || !issuers.isEmpty else { return nil }
        return Metadata(title: title, documentNumber: block.documentNumber, issuers: issuers, date: date)
    }
}
