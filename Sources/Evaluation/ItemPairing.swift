import Extractor

/// Pairs gold and predicted items the way the reference scorer does: the one
/// pairing that `zhengce eval` scores and `zhengce review` shows.
public enum ItemPairing {
    /// Pairs, and the items left over on each side, by their places in the two lists.
    public struct Result: Sendable {
        /// The place of each gold item that found a partner, with its partner's place among the predicted items, in gold order.
        public var pairs: [(gold: Int, predicted: Int)] = []
        /// Places of the gold items left unpaired, in gold order.
        public var missed: [Int] = []
        /// Places of the predicted items left unpaired, in prediction order.
        public var extra: [Int] = []
    }

    /// One list of a record paired with the gold's list of the same name.
    public struct PairedList: Sendable {
        /// The record key: `amounts`, `counts`, `percentages`, `deadlines` or `measures`.
        public var field: String
        /// The gold's items of the list.
        public var gold: [JSONObject]
        /// The record's items of the list.
        public var predicted: [JSONObject]
        /// How they pair.
        public var result: Result
    }

    /// Greedy, in gold order: each gold item takes the first unused predicted
    /// item with the same key whose span overlaps its own (spans are only
    /// compared when both items have one).
    public static func pair(
        gold: [JSONObject], predicted: [JSONObject],
        sameKey: (JSONObject, JSONObject) -> Bool
    ) -> Result {
        var used = [Bool](repeating: false, count: predicted.count)
        let predictedSpans = predicted.map(ScoreRules.span(of:))
        var result = Result()
        for (goldIndex, g) in gold.enumerated() {
            let goldSpan = ScoreRules.span(of: g)
            let hit = predicted.indices.first { index in
                guard !used[index], sameKey(g, predicted[index]) else { return false }
                guard let a = goldSpan, let b = predictedSpans[index] else { return true }
                return a.start < b.end && b.start < a.end
            }
            if let hit {
                used[hit] = true
                result.pairs.append((goldIndex, hit))
            } else {
                result.missed.append(goldIndex)
            }
        }
        result.extra = predicted.indices.filter { !used[$0] }
        return result
    }

    /// Pairs each gold measure with a predicted one: the first with the same
    /// number, else the first still unpaired with the same normalised title
    /// (numbering conventions differ, so a measure found under another number
    /// counts as found, and `measures.number` says how often numbers agree).
    public static func pairMeasures(gold: [JSONObject], predicted: [JSONObject]) -> Result {
        func number(_ measure: JSONObject) -> ExactText { ExactText((measure["number"] ?? .null).pythonStr) }
        var byNumber: [ExactText: Int] = [:], byTitle: [ExactText?: [Int]] = [:]
        for (index, measure) in predicted.enumerated() {
            let number = number(measure)
            if byNumber[number] == nil { byNumber[number] = index }
            byTitle[ScoreRules.normalized(measure["title"]), default: []].append(index)
        }
        var used = Set<Int>()
        var partner = [Int?](repeating: nil, count: gold.count)
        var unpaired: [Int] = []
        for (goldIndex, g) in gold.enumerated() {
            if let index = byNumber[number(g)], !used.contains(index) {
                used.insert(index)
                partner[goldIndex] = index
            } else {
                unpaired.append(goldIndex)
            }
        }
        for goldIndex in unpaired {
            let candidates = byTitle[ScoreRules.normalized(gold[goldIndex]["title"])] ?? []
            if let index = candidates.first(where: { !used.contains($0) }) {
                used.insert(index)
                partner[goldIndex] = index
            }
        }
        var result = Result()
        for goldIndex in gold.indices {
            if let index = partner[goldIndex] { result.pairs.append((goldIndex, index)) } else { result.missed.append(goldIndex) }
        }
        result.extra = predicted.indices.filter { !used.contains($0) }
        return result
    }

    /// The lists of `prediction` the scorer pairs item by item with `gold`'s,
    /// paired as it pairs them: the quantity lists and deadlines (a list added
    /// to the contract later only where the gold has it), then the measures
    /// unless the gold's are `null`.
    public static func pairLists(gold: JSONObject, prediction: JSONObject) -> [PairedList] {
        var lists: [PairedList] = []
        for group in ItemGroup.all where !(group.onlyWhereGoldHasIt && !gold.has(group.field.rawValue)) {
            let golds = objects(gold[group.field.rawValue]), predicted = objects(prediction[group.field.rawValue])
            lists.append(
                PairedList(
                    field: group.field.rawValue, gold: golds, predicted: predicted,
                    result: pair(gold: golds, predicted: predicted, sameKey: group.sameKey)))
        }
        if let goldMeasures = gold["measures"], !goldMeasures.isNull {
            let golds = objects(goldMeasures), predicted = objects(prediction["measures"])
            lists.append(
                PairedList(
                    field: FieldGroup.measures.rawValue, gold: golds, predicted: predicted,
                    result: pairMeasures(gold: golds, predicted: predicted)))
        }
        return lists
    }

    /// The elements of a list field; a non-object element reads as an empty object.
    static func objects(_ value: JSONValue?) -> [JSONObject] {
        guard case .array(let elements)? = value else { return [] }
        return elements.map { $0.objectValue ?? JSONObject() }
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
