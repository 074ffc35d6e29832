import Extractor

/// How a fixture file is laid out: the extraction result with its keys in the
/// order of the output contract, each top-level field on its own line and
/// each item of a list on one line, so a re-blessed fixture diffs item by item.
public enum FixtureFormat {
    /// Keys in contract order: the result's (one list per registered kind of
    /// item, see ``ExtractionResult/itemKinds``), then the fields of its
    /// parts; a key not listed here goes after these, alphabetically.
    static let contractOrder: [String] =
        ExtractionResult.keys + [
            "path", "sha256", "encoding", "format", "characters",
            "number", "level", "marker", "title", "action", "documentNumber", "issuers", "recipients", "date",
            "name", "kind", "mentions", "severity", "message",
            "text", "span", "spans", "start", "end", "min", "max", "approximate", "redacted", "points", "per", "purpose",
            "classifier", "subject", "lead", "cooperating", "measure", "rule",
        ]

    private static let rank: [String: Int] = Dictionary(contractOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: min)

    /// Orders keys as the contract does.
    public static let keyOrder: JSONRendering.KeyOrder = { keys in
        keys.sorted { a, b in
            switch (rank[a], rank[b]) {
            case (let x?, let y?): x < y
            case (_?, nil): true
            case (nil, _?): false
            case (nil, nil): ExactText(a) < ExactText(b)
            }
        }
    }

    /// The text of a fixture file.
    public static func render(_ result: JSONObject) -> String {
        var out = "{\n"
        let entries = JSONRendering.orderedEntries(result, keyOrder)
        for (index, entry) in entries.enumerated() {
            out += "  " + JSONRendering.quoted(entry.key) + ": "
            if case .array(let items) = entry.value, !items.isEmpty {
                out += "[\n"
                out += items.map { "    " + JSONRendering.compact($0, keyOrder: keyOrder) }.joined(separator: ",\n")
                out += "\n  ]"
            } else {
                out += JSONRendering.compact(entry.value, keyOrder: keyOrder)
            }
            out += index + 1 < entries.count ? ",\n" : "\n"
        }
        return out + "}\n"
    }
}
