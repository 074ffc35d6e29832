/// A point in time by which something is to be done or reached (spec §7):
/// `2025年底前` → `2025-12-31`, `到2025年` → `2025`.
public struct Deadline: Codable, Hashable, Sendable {
    /// The original slice, exactly `original[span]`.
    public var text: String
    /// Where it is: code points, half-open, into the original text.
    public var span: Span
    /// ISO `2025-12-31`, or `2025-12` / `2025` when that is all the text says.
    public var date: String
    /// The `number` of the measure it lies in, or nil.
    public var measure: String?
    /// The name of the rule that produced it.
    public var rule: String

    /// A deadline as the matcher found it.
    public init(text: String, span: Span, date: String, measure: String? = nil, rule: String) {
        self.text = text; self.span = span; self.date = date; self.measure = measure; self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case text, span, date, measure, rule }

    /// Writes every field, a nil measure as `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text); try c.encode(span, forKey: .span); try c.encode(date, forKey: .date)
        try c.encode(measure, forKey: .measure); try c.encode(rule, forKey: .rule)
    }
}

/// A policy instrument a measure uses (spec §8): `{"type": "supply", "tool":
/// "资金投入", "cue": "补贴", "span": …}`, by a cue dictionary the user can replace.
public struct InstrumentTag: Codable, Hashable, Sendable {
    /// The instrument's type (`supply`, `environment`, `demand` by default).
    public var type: String
    /// The sub-tool (`资金投入`, `人才培养`, `目标规划`…).
    public var tool: String
    /// The word in the measure's text that shows it, as written (or the
    /// amount or deadline that shows it).
    public var cue: String
    /// Where the cue is.
    public var span: Span
    /// The name of the rule that produced it.
    public var rule: String

    /// An instrument tag, shown by `cue` at `span`.
    public init(type: String, tool: String, cue: String, span: Span, rule: String) {
        self.type = type; self.tool = tool; self.cue = cue; self.span = span; self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case type, tool, cue, span, rule }

    /// Writes every field in the order of the output contract.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type); try c.encode(tool, forKey: .tool); try c.encode(cue, forKey: .cue)
        try c.encode(span, forKey: .span); try c.encode(rule, forKey: .rule)
    }
}
