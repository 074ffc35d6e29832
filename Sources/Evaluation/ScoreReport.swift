import Extractor

/// The ways a ``Scorecard`` is printed: the table, the verbose findings and
/// the JSON figures, laid out exactly as score.py prints them.
public enum ScoreReport {
    /// The per-document findings, then a blank line (`--verbose`).
    public static func findings(_ card: Scorecard) -> String {
        var out = ""
        for (name, score) in card.documents {
            out += "== \(name)\n"
            for finding in score.findings { out += finding.line + "\n" }
        }
        return out + "\n"
    }

    /// The table of figures, then the agreement rates and any documents without a prediction.
    public static func table(_ card: Scorecard) -> String {
        var out =
            pad("group", 16) + right("precision", 10) + right("recall", 10) + right("f1", 8)
            + right("tp", 6) + right("fp", 6) + right("fn", 6) + "\n"
        for group in FieldGroup.allCases {
            let tally = card.tallies[group]!
            out +=
                pad(group.rawValue, 16)
                + right(PythonFloat.fixed(PythonFloat.rounded(tally.precision, places: 4), places: 3), 10)
                + right(PythonFloat.fixed(PythonFloat.rounded(tally.recall, places: 4), places: 3), 10)
                + right(PythonFloat.fixed(PythonFloat.rounded(tally.f1, places: 4), places: 3), 8)
                + right(String(tally.truePositives), 6) + right(String(tally.falsePositives), 6)
                + right(String(tally.falseNegatives), 6) + "\n"
        }
        for field in AgreementField.allCases {
            let agreement = card.agreements[field]!
            let rate = agreement.rate.map { PythonFloat.fixed($0, places: 3) } ?? "-"
            out += pad(field.rawValue, 24) + right(rate, 10) + "  of \(agreement.total)\n"
        }
        if !card.missingDocuments.isEmpty {
            out += "no prediction for: " + card.missingDocuments.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// The figures as one JSON object (score.py's `--json`); with `findings`,
    /// also every document's findings under `"findings"`.
    public static func json(_ card: Scorecard, findings: Bool = false) -> String {
        JSONRendering.indented(.object(jsonObject(card, findings: findings))) + "\n"
    }

    /// The figures as a JSON object.
    public static func jsonObject(_ card: Scorecard, findings: Bool = false) -> JSONObject {
        func number(_ x: Double) -> JSONValue { .number(JSONNumber(text: PythonFloat.repr(PythonFloat.rounded(x, places: 4)))) }
        var object = JSONObject()
        for group in FieldGroup.allCases {
            let tally = card.tallies[group]!
            object[group.rawValue] = .object(
                JSONObject([
                    "precision": number(tally.precision), "recall": number(tally.recall), "f1": number(tally.f1),
                    "tp": .integer(tally.truePositives), "fp": .integer(tally.falsePositives), "fn": .integer(tally.falseNegatives),
                ]))
        }
        for field in AgreementField.allCases {
            let agreement = card.agreements[field]!
            object[field.rawValue] = .object(
                JSONObject([
                    "accuracy": agreement.rate.map(number) ?? .null, "of": .integer(agreement.total),
                ]))
        }
        object["missingDocuments"] = .array(card.missingDocuments.map(JSONValue.string))
        if findings {
            var documents = JSONObject()
            for (name, score) in card.documents {
                documents[name] = .array(
                    score.findings.map { finding in
                        .object(
                            JSONObject([
                                "field": .string(finding.field), "kind": .string(finding.kind.rawValue),
                                "detail": .string(finding.detail),
                            ]))
                    })
            }
            object["findings"] = .object(documents)
        }
        return object
    }

    /// Left-aligned in `width` code points, as Python's `f"{s:<width}"`.
    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.unicodeScalars.count))
    }

    /// Right-aligned in `width` code points, as Python's `f"{s:>width}"`.
    private static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.unicodeScalars.count)) + text
    }
}
