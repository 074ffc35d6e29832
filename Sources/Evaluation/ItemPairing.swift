import Extractor

/// Pairs gold and predicted quantities the way the reference scorer does.
public enum ItemPairing {
    /// Pairs, and the items left over on each side.
    public struct Result: Sendable {
        /// Gold items with the predicted item each was paired with, in gold order.
        public var pairs: [(gold: JSONObject, predicted: JSONObject)] = []
        /// Gold items left unpaired, in gold order.
        public var missed: [JSONObject] = []
        /// Predicted items left unpaired, in prediction order.
        public var extra: [JSONObject] = []
    }

    /// Greedy, in gold order: each gold item takes the first unused predicted
    /// item with the same key whose span overlaps its own (spans are only
    /// compared when both items have one).
    public static func pair(gold: [JSONObject], predicted: [JSONObject],
                            sameKey: (JSONObject, JSONObject) -> Bool) -> Result {
        var used = [Bool](repeating: false, count: predicted.count)
        let predictedSpans = predicted.map(ScoreRules.span(of:))
        var result = Result()
        for g in gold {
            let goldSpan = ScoreRules.span(of: g)
            let hit = predicted.indices.first { index in
                guard !used[index], sameKey(g, predicted[index]) else { return false }
                guard let a = goldSpan, let b = predictedSpans[index] else { return true }
                return a.start < b.end && b.start < a.end
            }
            if let hit {
                used[hit] = true
                result.pairs.append((g, predicted[hit]))
            } else {
                result.missed.append(g)
            }
        }
        result.extra = predicted.indices.filter { !used[$0] }.map { predicted[$0] }
        return result
    }

    /// Amounts and percentages match on `min`, `max` and `redacted`.
    @Sendable public static func sameAmount(_ gold: JSONObject, _ predicted: JSONObject) -> Bool {
        ScoreRules.sameNumber(gold["min"], predicted["min"])
            && ScoreRules.sameNumber(gold["max"], predicted["max"])
            && (gold["redacted"]?.isTruthy ?? false) == (predicted["redacted"]?.isTruthy ?? false)
    }

    /// Counts also match on `classifier` (an absent or empty classifier counts as `""`).
    @Sendable public static func sameCount(_ gold: JSONObject, _ predicted: JSONObject) -> Bool {
        func classifier(_ item: JSONObject) -> JSONValue {
            guard let value = item["classifier"], value.isTruthy else { return .string("") }
            return value
        }
        return sameAmount(gold, predicted) && classifier(gold).pythonEquals(classifier(predicted))
    }

    /// Deadlines match on `date` (compared as Python's `str`, so an absent date is `None`).
    @Sendable public static func sameDeadline(_ gold: JSONObject, _ predicted: JSONObject) -> Bool {
        ExactText((gold["date"] ?? .null).pythonStr) == ExactText((predicted["date"] ?? .null).pythonStr)
    }

    /// An item as the verbose report shows it: `'约6亿元'@1361 {'min': 600000000, …}`.
    public static func describe(_ item: JSONObject) -> String {
        let text = (item["text"] ?? .null).pythonRepr
        let at = ScoreRules.spanStartText(of: item).map { "@" + $0 } ?? ""
        let keys = ["min", "max", "classifier", "redacted", "date"].filter(item.has)
            .map { PythonFloat.reprString($0) + ": " + item[$0]!.pythonRepr }
        return "\(text)\(at) {\(keys.joined(separator: ", "))}"
    }
}
