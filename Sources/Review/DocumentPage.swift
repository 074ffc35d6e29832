import Evaluation
import Extractor

/// One document's page: its metadata, a legend of the item kinds, the
/// original text with every item in place and a panel with the values of the
/// item under the pointer, the diagnostics, the findings against the gold,
/// and every item in tables.
struct DocumentPage {
    /// The kind of near misses; hidden until its switch is turned on.
    static let nearMissKind = "near misses"

    var name: String
    var original: [Unicode.Scalar]
    var record: JSONObject
    var comparison: GoldComparison?
    /// Colour classes of the kinds, the same on every page of the site.
    var palette: [String: Int]
    /// Near misses: text the negative rules turned down.
    var nearMisses: [JSONObject] = []
    /// Where the record (the JSON `zhengce extract` writes) lies beside the page.
    var recordHref: String

    /// The record's items, with their verdicts against the gold, then the missed gold items.
    var items: [ReviewItem] {
        var items = ItemCatalog.items(in: record, length: original.count)
        if let comparison {
            for index in items.indices {
                if let verdict = comparison.verdicts[items[index].id] { items[index].verdict = verdict }
            }
            items += comparison.missed
        }
        for (index, object) in nearMisses.enumerated() {
            items.append(
                ReviewItem(
                    id: "near-\(index)", kind: Self.nearMissKind,
                    spans: ItemCatalog.spans(of: object, length: original.count), object: object))
        }
        return items
    }

    func html() -> String {
        let items = self.items
        let metadata = record["metadata"]?.objectValue
        let title = metadata?["title"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? name
        var out = HTML.head(title: "\(title) · zhengce review", assets: "../assets/")
        let hidden = items.contains { $0.kind == Self.nearMissKind } ? " hide-k\(palette[Self.nearMissKind] ?? 0)" : ""
        out += "<body class=\"document\(hidden)\">\n<header>\n<nav><a href=\"../index.html\">← all documents</a></nav>\n"
        out +=
            "<h1>\(HTML.escape(title))</h1>\n<p class=\"file\">\(HTML.escape(name)) · <a href=\"\(HTML.escape(recordHref))\">record (JSON)</a></p>\n"
        out += facts(metadata)
        out += legend(items)
        out += "</header>\n"

        if let comparison { out += findings(comparison, items: items) }
        out += diagnostics(items)

        out += "<main>\n<div id=\"text\" class=\"text\">"
        let pageStarts = record["source"]?["pageStarts"]?.arrayValue?.compactMap { $0.numberValue.flatMap { Int($0.text) } } ?? []
        out += TextRendering(original: original, items: items, palette: palette, pageStarts: pageStarts).html()
        out +=
            "</div>\n<aside id=\"panel\"><p class=\"hint\">Point at or click a highlight to see the item’s values and rule.\(comparison == nil ? "" : " Keys j and k go to the next and previous item missed or extra.")</p></aside>\n</main>\n"
        out += tables(items)
        out += "<script type=\"application/json\" id=\"zc-items\">\(panelData(items))</script>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// The source and every metadata field the record has, whatever they are.
    private func facts(_ metadata: JSONObject?) -> String {
        var rows: [(String, String)] = []
        if let source = record["source"]?.objectValue {
            for key in ["encoding", "format", "characters"] where source.has(key) { rows.append((key, HTML.plain(source[key]))) }
        }
        if let genre = record["genre"] { rows.append(("genre", HTML.plain(genre))) }
        for entry in metadata?.entries ?? [] where entry.key != "title" { rows.append((entry.key, HTML.plain(entry.value))) }
        var out = "<dl class=\"facts\">"
        for (key, value) in rows { out += "<div><dt>\(HTML.escape(key))</dt><dd>\(HTML.escape(value))</dd></div>" }
        return out + "</dl>\n"
    }

    /// One switch per kind present, with its count, in the kind's colour.
    private func legend(_ items: [ReviewItem]) -> String {
        var counts: [(kind: String, count: Int)] = []
        for item in items where item.verdict != .missed {
            if let index = counts.firstIndex(where: { $0.kind == item.kind }) {
                counts[index].count += 1
            } else {
                counts.append((item.kind, 1))
            }
        }
        var out = "<div class=\"legend\">"
        for (kind, count) in counts {
            let k = palette[kind] ?? 0
            let checked = kind == Self.nearMissKind ? "" : " checked"
            out +=
                "<label class=\"toggle k\(k)\"><input type=\"checkbox\"\(checked) data-kind=\"k\(k)\"> \(HTML.escape(kind)) <span class=\"n\">\(count)</span></label>"
        }
        let missed = items.filter { $0.verdict == .missed }.count, extra = items.filter { $0.verdict == .extra }.count
        if comparison != nil {
            out += "<span class=\"toggle missed-key\">missed (gold) <span class=\"n\">\(missed)</span></span>"
            out += "<span class=\"toggle extra-key\">extra <span class=\"n\">\(extra)</span></span>"
        }
        return out + "</div>\n"
    }

    /// What `zhengce eval --verbose` lists for this document.
    private func findings(_ comparison: GoldComparison, items: [ReviewItem]) -> String {
        var out =
            "<details class=\"findings\" open><summary>Against the gold: \(comparison.findings.count) finding\(comparison.findings.count == 1 ? "" : "s")</summary><ul>"
        for finding in comparison.findings {
            out +=
                "<li class=\"\(finding.kind.rawValue)\"><span class=\"field\">\(HTML.escape(finding.field))</span> <span class=\"verdict\">\(finding.kind.rawValue)</span> \(HTML.escape(finding.detail))</li>"
        }
        return out + "</ul></details>\n"
    }

    /// Diagnostics, each linked to where it occurs.
    private func diagnostics(_ items: [ReviewItem]) -> String {
        let found = items.filter { $0.kind == "diagnostics" }
        guard !found.isEmpty else { return "" }
        var out = "<details class=\"diagnostics\" open><summary>\(found.count) diagnostic\(found.count == 1 ? "" : "s")</summary><ul>"
        for item in found {
            let severity = HTML.escape(HTML.plain(item.object["severity"]))
            let message = HTML.escape(HTML.plain(item.object["message"]))
            let rule = HTML.escape(HTML.plain(item.object["rule"]))
            let place = item.spans.first.map { " <a href=\"#i-\(HTML.escape(item.id))\">@\($0.lowerBound)</a>" } ?? ""
            out += "<li class=\"\(severity)\"><b>\(severity)</b> \(message) <span class=\"rule\">\(rule)</span>\(place)</li>"
        }
        return out + "</ul></details>\n"
    }

    /// Every item in a table per kind (missed gold items in their own), linked to its place.
    private func tables(_ items: [ReviewItem]) -> String {
        var kinds: [String] = []
        for item in items where !kinds.contains(item.kind) { kinds.append(item.kind) }
        var out = "<section class=\"tables\"><h2>All items</h2>\n"
        for missed in [false, true] {
            for kind in kinds {
                let rows = items.filter { $0.kind == kind && ($0.verdict == .missed) == missed }
                guard !rows.isEmpty else { continue }
                var columns: [String] = []
                for row in rows { for field in row.fields where !columns.contains(field.key) { columns.append(field.key) } }
                let caption = missed ? "\(kind) missed (in the gold, not extracted)" : kind
                out +=
                    "<details\(missed ? " open" : "")><summary class=\"k\(palette[kind] ?? 0)\">\(HTML.escape(caption)) (\(rows.count))</summary><table><thead><tr><th>at</th>"
                if comparison != nil { out += "<th>gold</th>" }
                for column in columns { out += "<th>\(HTML.escape(column))</th>" }
                out += "</tr></thead><tbody>"
                for row in rows {
                    let at = row.spans.first.map { "<a href=\"#i-\(HTML.escape(row.id))\">\($0.lowerBound)</a>" } ?? "—"
                    out += "<tr data-ids=\"\(HTML.escape(row.id))\" class=\"\(row.verdict.rawValue)\"><td>\(at)</td>"
                    if comparison != nil { out += "<td>\(row.verdict == .unjudged ? "" : row.verdict.rawValue)</td>" }
                    let values = Dictionary(row.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                    for column in columns { out += "<td>\(HTML.escape(values[column] ?? ""))</td>" }
                    out += "</tr>"
                }
                out += "</tbody></table></details>\n"
            }
        }
        return out + "</section>\n"
    }

    /// What the panel shows for each item, by id (written directly: a page may hold thousands).
    private func panelData(_ items: [ReviewItem]) -> String {
        var out = "{"
        for (n, item) in items.enumerated() {
            var entry = JSONObject()
            entry["kind"] = .string(item.kind)
            entry["label"] = .string(item.label)
            entry["verdict"] = .string(item.verdict.rawValue)
            entry["spans"] = .string(item.spans.map { "\($0.lowerBound)–\($0.upperBound)" }.joined(separator: ", "))
            let gold = comparison?.goldDifferences[item.id] ?? []
            entry["fields"] = .array(
                (item.fields + gold.map { ("gold " + $0.key, $0.value) }).map { .array([.string($0.0), .string($0.1)]) })
            out += (n == 0 ? "" : ",") + JSONRendering.quoted(item.id) + ":" + JSONRendering.compact(.object(entry))
        }
        return HTML.scriptSafe(out + "}")
    }
}
