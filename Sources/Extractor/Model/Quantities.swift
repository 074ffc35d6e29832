import Foundation

/// A sum of money in yuan (spec §2).
public struct Amount: Codable, Hashable, Sendable {
    /// The original slice, exactly `original[span]`, line breaks included.
    public var text: String
    /// Where it is: code points, half-open, into the original text.
    public var span: Span
    /// Lower value in yuan; nil for an upper bound only (`最高50万元`) or a placeholder.
    public var min: Decimal?
    /// Upper value in yuan; nil for a lower bound only (`50万元以上`) or a placeholder.
    public var max: Decimal?
    /// `约`, `近`, `左右`, `余`, `多`…
    public var approximate: Bool
    /// The number is a placeholder (`x万元`).
    public var redacted: Bool
    /// Units the amount is counted per, in order: `每人每年` → `["人", "年"]`.
    public var per: [String]
    /// What the money is for, as written next to it (`安家补贴`, `人才发展专项资金`), else nil.
    public var purpose: String?
    /// The `number` of the measure it lies in, or nil.
    public var measure: String?
    /// The name of the rule that produced it.
    public var rule: String

    /// An amount as the matcher found it; `min` and `max` in yuan.
    public init(
        text: String, span: Span, min: Decimal?, max: Decimal?, approximate: Bool = false,
        redacted: Bool = false, per: [String] = [], purpose: String? = nil, measure: String? = nil, rule: String
    ) {
        self.text = text; self.span = span; self.min = min; self.max = max
        self.approximate = approximate; self.redacted = redacted; self.per = per
        self.purpose = purpose; self.measure = measure; self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case text, span, min, max, approximate, redacted, per, purpose, measure, rule }

    /// Writes every field, nil ones as `null`, in the order of the output contract.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text); try c.encode(span, forKey: .span)
        try c.encode(min, forKey: .min); try c.encode(max, forKey: .max)
        try c.encode(approximate, forKey: .approximate); try c.encode(redacted, forKey: .redacted)
        try c.encode(per, forKey: .per); try c.encode(purpose, forKey: .purpose)
        try c.encode(measure, forKey: .measure); try c.encode(rule, forKey: .rule)
    }
}

/// A number of people, organisations, things or events (spec §3).
public struct Count: Codable, Hashable, Sendable {
    /// The original slice, exactly `original[span]`, line breaks included.
    public var text: String
    /// Where it is: code points, half-open, into the original text.
    public var span: Span
    /// The lower number; nil for an upper bound only (`不超过10人`) or a placeholder.
    public var min: Decimal?
    /// The upper number; nil for a lower bound only (`100人以上`) or a placeholder.
    public var max: Decimal?
    /// `约`, `近`, `左右`, `余`, `多`…
    public var approximate: Bool
    /// The number is a placeholder (`x名`).
    public var redacted: Bool
    /// The classifier as written, without a multiplier: `名`, `人次`, `场次`.
    public var classifier: String
    /// The thing counted when named next to the number (`高层次人才`), else nil.
    public var subject: String?
    /// The `number` of the measure it lies in, or nil.
    public var measure: String?
    /// The name of the rule that produced it.
    public var rule: String

    /// A count as the matcher found it.
    public init(
        text: String, span: Span, min: Decimal?, max: Decimal?, approximate: Bool = false,
        redacted: Bool = false, classifier: String, subject: String? = nil, measure: String? = nil, rule: String
    ) {
        self.text = text; self.span = span; self.min = min; self.max = max
        self.approximate = approximate; self.redacted = redacted; self.classifier = classifier
        self.subject = subject; self.measure = measure; self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case text, span, min, max, approximate, redacted, classifier, subject, measure, rule }

    /// Writes every field, nil ones as `null`, in the order of the output contract.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text); try c.encode(span, forKey: .span)
        try c.encode(min, forKey: .min); try c.encode(max, forKey: .max)
        try c.encode(approximate, forKey: .approximate); try c.encode(redacted, forKey: .redacted)
        try c.encode(classifier, forKey: .classifier); try c.encode(subject, forKey: .subject)
        try c.encode(measure, forKey: .measure); try c.encode(rule, forKey: .rule)
    }
}

/// A percentage, or a change in percentage points (spec §4).
public struct Percentage: Codable, Hashable, Sendable {
    /// The original slice, exactly `original[span]`, line breaks included.
    public var text: String
    /// Where it is: code points, half-open, into the original text.
    public var span: Span
    /// In percent: `46.5%` → 46.5.
    public var min: Decimal?
    /// The upper value in percent; nil for a lower bound only (`30%以上`) or a placeholder.
    public var max: Decimal?
    /// `约`, `近`, `左右`…
    public var approximate: Bool
    /// The number is a placeholder (`x%`).
    public var redacted: Bool
    /// True for `个百分点`: a change in points, not a share.
    public var points: Bool
    /// The `number` of the measure it lies in, or nil.
    public var measure: String?
    /// The name of the rule that produced it.
    public var rule: String

    /// A percentage as the matcher found it; `min` and `max` in percent.
    public init(
        text: String, span: Span, min: Decimal?, max: Decimal?, approximate: Bool = false,
        redacted: Bool = false, points: Bool = false, measure: String? = nil, rule: String
    ) {
        self.text = text; self.span = span; self.min = min; self.max = max
        self.approximate = approximate; self.redacted = redacted; self.points = points
        self.measure = measure; self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case text, span, min, max, approximate, redacted, points, measure, rule }

    /// Writes every field, nil ones as `null`, in the order of the output contract.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text); try c.encode(span, forKey: .span)
        try c.encode(min, forKey: .min); try c.encode(max, forKey: .max)
        try c.encode(approximate, forKey: .approximate); try c.encode(redacted, forKey: .redacted)
        try c.encode(points, forKey: .points); try c.encode(measure, forKey: .measure); try c.encode(rule, forKey: .rule)
    }
}
