/// A near miss: text a rule looked at and turned down (`一次性` is not a
/// count, `〔2020〕32号` is not an amount). Collected only when asked for, so
/// `zhengce explain` can show why something was not extracted.
public struct Rejection: Codable, Hashable, Sendable {
    /// The original text the rule turned down.
    public var text: String
    /// Where it is.
    public var span: Span
    /// The negative rule that fired.
    public var rule: String
    /// Why, in a few words.
    public var reason: String

    /// A near miss of `rule`, with its reason.
    public init(text: String, span: Span, rule: String, reason: String) {
        self.text = text; self.span = span; self.rule = rule; self.reason = reason
    }
}
