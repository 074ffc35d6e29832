import Evaluation
import Extractor

/// The site's index: one row per document with its metadata (every field
/// the records have), its item counts per kind, its diagnostics, its findings
/// against the gold, or the error that stopped it. The script sorts by any
/// column and filters by region, document type, year and free text.
struct IndexPage {
    struct Row {
        var name: String
        var href: String?
        /// The record without its items (source, genre, metadata).
        var record: JSONObject?
        /// Items per kind, in the order the kinds first appear.
        var counts: [(kind: String, count: Int)] = []
        var missed = 0, extra = 0
        var findings: Int?
        var error: String?

        init(name: String, href: String, record: JSONObject, items: [ReviewItem], findings: Int?) {
            self.name = name; self.href = href; self.findings = findings
            var head = JSONObject()
            for key in ["source", "genre", "metadata"] { head[key] = record[key] }
            self.record = head
            for item in items {
                switch item.verdict {
                case .missed: missed += 1; continue
                case .extra: extra += 1
                default: break
                }
                if let index = counts.firstIndex(where: { $0.kind == item.kind }) {
                    counts[index].count += 1
                } else {
                    counts.append((item.kind, 1))
                }
            }
        }

        init(name: String, error: String) {
            self.name = name; self.error = error
        }

        func count(_ kind: String) -> Int { counts.first { $0.kind == kind }?.count ?? 0 }

        var metadata: JSONObject? { record?["metadata"]?.objectValue }

        /// The year of the document's date, if it has one.
        var year: String? {
            guard let date = metadata?["date"]?.stringValue else { return nil }
            let digits = date.prefix(4)
            return digits.count == 4 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) ? String(digits) : nil
        }
    }

    var rows: [Row]
    var palette: [String: Int]
    /// Whether documents were compared with gold.
    var judged: Bool

    /// Metadata fields offered as filters when the records have them.
    static let filterFields: Set<String> = ["region", "docType", "policyType"]

    func html() -> String {
        var metadataKeys: [String] = [], kinds: [String] = []
        for row in rows {
            for key in row.metadata?.keys ?? [] where key != "title" && !metadataKeys.contains(key) { metadataKeys.append(key) }
            for (kind, _) in row.counts where !kinds.contains(kind) { kinds.append(kind) }
        }
        let failed = rows.filter { $0.error != nil }.count
        var out = HTML.head(title: "zhengce review · \(rows.count) documents", assets: "assets/")
        out += "<body class=\"index\">\n<header><h1>zhengce review</h1>"
        out += "<p>\(rows.count) document\(rows.count == 1 ? "" : "s")\(failed > 0 ? ", \(failed) not read" : ""). "
        out += "Click a column to sort; choose values to filter.</p>\n"
        out += "<div id=\"filters\" class=\"filters\"><label>search <input type=\"search\" id=\"search\"></label></div></header>\n"
        out += "<main><table id=\"documents\" class=\"documents\"><thead><tr>"
        out +=
            "<th data-sort=\"text\">document</th><th data-sort=\"text\">title</th><th data-sort=\"text\" data-filter=\"genre\">genre</th>"
        out += "<th data-sort=\"text\" data-filter=\"year\">year</th>"
        for key in metadataKeys {
            let filter = Self.filterFields.contains(key) ? " data-filter=\"\(HTML.escape(key))\"" : ""
            out += "<th data-sort=\"text\"\(filter)>\(HTML.escape(key))</th>"
        }
        for kind in kinds { out += "<th data-sort=\"number\" class=\"count k\(palette[kind] ?? 0)\">\(HTML.escape(kind))</th>" }
        if judged { out += "<th data-sort=\"number\">findings</th><th data-sort=\"number\">missed</th><th data-sort=\"number\">extra</th>" }
        out += "<th data-sort=\"text\">error</th></tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr\(row.error != nil ? " class=\"failed\"" : "")>"
            let link = row.href.map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(row.name))</a>" } ?? HTML.escape(row.name)
            out += "<td class=\"name\">\(link)</td>"
            out += "<td class=\"title\">\(HTML.escape(row.metadata?["title"]?.stringValue ?? ""))</td>"
            out += cell(row.record?["genre"].map { HTML.plain($0) } ?? "")
            out += cell(row.year ?? "")
            for key in metadataKeys {
                let value = HTML.escape(row.metadata.map { HTML.plain($0[key]) } ?? "")
                out += "<td class=\"long\" title=\"\(value)\">\(value)</td>"
            }
            for kind in kinds {
                out += row.record == nil ? cell("") : "<td class=\"number\">\(row.count(kind))</td>"
            }
            if judged {
                if let findings = row.findings {
                    out += "<td class=\"number\">\(findings)</td>"
                    out += "<td class=\"number\">\(row.missed)</td><td class=\"number\">\(row.extra)</td>"
                } else {
                    out += cell("") + cell("") + cell("")
                }
            }
            out += cell(row.error ?? "")
            out += "</tr>\n"
        }
        out += "</tbody></table></main>\n</body>\n</html>\n"
        return out
    }

    private func cell(_ text: String) -> String { "<td>\(HTML.escape(text))</td>" }
}
