/// The 公文 elements of a document (GB/T 9704-2012), or a news post's headline and date (spec §5).
public struct Metadata: Codable, Hashable, Sendable {
    /// The title as written, its lines joined; nil when there is none.
    public var title: String?
    /// 发文字号 with brackets normalised to 〔〕: `石党办发〔2020〕32号`.
    public var documentNumber: String?
    /// Issuing organs, from the issuing-organ line and the signature.
    public var issuers: [String]
    /// 主送机关, split at top-level `，`.
    public var recipients: [String]
    /// 成文日期 or the post's date, ISO `2020-09-15`.
    public var date: String?
    /// The 文种 that ends the title (`通知`, `意见`, `办法`…); nil for a news report.
    public var docType: String?
    /// The 文种 of the policy the document carries (`意见` for `关于印发《…实施意见》的通知`), else `docType`.
    public var policyType: String?
    /// When the document takes effect, ISO (`自2021年1月1日起施行`; `自印发之日起施行` → `date`).
    public var effectiveDate: String?
    /// When it lapses, ISO (`有效期至…`, or `有效期X年` counted from `effectiveDate`).
    public var expiryDate: String?
    /// The administrative division of the issuing body (GB/T 2260).
    public var region: Region?

    /// Metadata with the fields given; the others empty.
    public init(
        title: String? = nil, documentNumber: String? = nil, issuers: [String] = [],
        recipients: [String] = [], date: String? = nil, docType: String? = nil, policyType: String? = nil,
        effectiveDate: String? = nil, expiryDate: String? = nil, region: Region? = nil
    ) {
        self.title = title; self.documentNumber = documentNumber; self.issuers = issuers
        self.recipients = recipients; self.date = date; self.docType = docType; self.policyType = policyType
        self.effectiveDate = effectiveDate; self.expiryDate = expiryDate; self.region = region
    }

    private enum CodingKeys: String, CodingKey {
        case title, documentNumber, issuers, recipients, date, docType, policyType, effectiveDate, expiryDate, region
    }

    /// Reads metadata written by `zhengce extract`; fields added later may be absent.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        documentNumber = try c.decodeIfPresent(String.self, forKey: .documentNumber)
        issuers = try c.decodeIfPresent([String].self, forKey: .issuers) ?? []
        recipients = try c.decodeIfPresent([String].self, forKey: .recipients) ?? []
        date = try c.decodeIfPresent(String.self, forKey: .date)
        docType = try c.decodeIfPresent(String.self, forKey: .docType)
        policyType = try c.decodeIfPresent(String.self, forKey: .policyType)
        effectiveDate = try c.decodeIfPresent(String.self, forKey: .effectiveDate)
        expiryDate = try c.decodeIfPresent(String.self, forKey: .expiryDate)
        region = try c.decodeIfPresent(Region.self, forKey: .region)
    }

    /// Writes every field, nil ones as `null`, in the order of the output contract.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title); try c.encode(documentNumber, forKey: .documentNumber)
        try c.encode(issuers, forKey: .issuers); try c.encode(recipients, forKey: .recipients)
        try c.encode(date, forKey: .date); try c.encode(docType, forKey: .docType)
        try c.encode(policyType, forKey: .policyType); try c.encode(effectiveDate, forKey: .effectiveDate)
        try c.encode(expiryDate, forKey: .expiryDate); try c.encode(region, forKey: .region)
    }
}

/// An administrative division by GB/T 2260: `{"code": "640200", "name": "石嘴山市", "level": "city"}`;
/// a national body is `{"code": null, "name": "中国", "level": "national"}`.
public struct Region: Codable, Hashable, Sendable {
    /// The six-digit GB/T 2260 code; nil for the nation.
    public var code: String?
    /// The division's full name (`石嘴山市`, `奉贤区`), or `中国`.
    public var name: String
    /// `national`, `province`, `city` or `county`.
    public var level: String
    /// The rule that read it: where the division was named (`region.issuer`,
    /// `region.title-organ`, `region.title`, `region.document-number`).
    public var rule: String

    /// A division; `code` nil for the nation.
    public init(code: String?, name: String, level: String, rule: String) {
        self.code = code; self.name = name; self.level = level; self.rule = rule
    }

    /// The nation, for central bodies.
    public static let national = Region(code: nil, name: "中国", level: "national", rule: "region.national")

    private enum CodingKeys: String, CodingKey { case code, name, level, rule }

    /// Writes every field, a nil code as `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code); try c.encode(name, forKey: .name); try c.encode(level, forKey: .level)
        try c.encode(rule, forKey: .rule)
    }
}

/// A heading: `一、` (level 1), `（一）` (2), `1.` (3), `（1）` (4), or a stand-alone heading line.
public struct Section: Codable, Hashable, Sendable {
    /// 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`; a Markdown heading's own level.
    public var level: Int
    /// The marker as written (`（一）`, `1.`, `##`), empty for an unmarked heading line.
    public var marker: String
    /// The heading's text after its marker, as written.
    public var title: String
    /// Where the heading is: code points, half-open, into the original text.
    public var span: Span
    /// The name of the rule that read it.
    public var rule: String

    /// A heading as the structure reader found it.
    public init(level: Int, marker: String, title: String, span: Span, rule: String) {
        self.level = level; self.marker = marker; self.title = title; self.span = span; self.rule = rule
    }
}

/// One item of a normative document's numbered list of measures, or one of its articles.
public struct Measure: Codable, Hashable, Sendable {
    /// What the measure is: an item of a numbered list or an article `第X条`.
    public enum Kind: String, Codable, Hashable, Sendable {
        case item, article
    }

    /// In Arabic digits; `"3.1"` where numbering restarts under part 三; an article's own number (`第十二条` → `"12"`).
    public var number: String
    /// `item` or `article`.
    public var kind: Kind
    /// The heading phrase up to the first `。`; an article's own heading (`【适用范围】`), or nil where it has none.
    public var title: String?
    /// The whole item, from its marker to the end of its responsibility note.
    public var span: Span
    /// Departments that lead, as written.
    public var lead: [String]
    /// Departments that cooperate, as written.
    public var cooperating: [String]
    /// The policy instruments it uses (spec §8), in the order of their cues.
    public var instruments: [InstrumentTag]
    /// The name of the rule that read it, with the note's rule after a `+` when it has one.
    public var rule: String

    /// A measure as the structure reader found it; instruments are tagged later.
    public init(
        number: String, kind: Kind = .item, title: String?, span: Span, lead: [String] = [],
        cooperating: [String] = [], instruments: [InstrumentTag] = [], rule: String
    ) {
        self.number = number; self.kind = kind; self.title = title; self.span = span; self.lead = lead
        self.cooperating = cooperating; self.instruments = instruments; self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case number, kind, title, span, lead, cooperating, instruments, rule }

    /// Reads a measure written by `zhengce extract` (records of schema version 1 have no kind or instruments).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .item
        title = try c.decodeIfPresent(String.self, forKey: .title)
        span = try c.decode(Span.self, forKey: .span)
        lead = try c.decode([String].self, forKey: .lead)
        cooperating = try c.decode([String].self, forKey: .cooperating)
        // Records of schema version 1 have no instruments.
        instruments = try c.decodeIfPresent([InstrumentTag].self, forKey: .instruments) ?? []
        rule = try c.decode(String.self, forKey: .rule)
    }

    /// Writes every field, nil ones as `null`, in the order of the output contract.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number); try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title); try c.encode(span, forKey: .span)
        try c.encode(lead, forKey: .lead); try c.encode(cooperating, forKey: .cooperating)
        try c.encode(instruments, forKey: .instruments); try c.encode(rule, forKey: .rule)
    }
}

/// A document cited by its title in `《》`.
public struct Reference: Codable, Hashable, Sendable {
    /// The title without the brackets, PDF damage repaired.
    public var title: String
    /// The verb before it (`出台`, `制定`, `落实`, `印发`, `贯彻`), or nil.
    public var action: String?
    /// Every place it is cited.
    public var spans: [Span]
    /// The name of the rule that found it.
    public var rule: String

    /// A reference to the title `title`, cited at `spans`.
    public init(title: String, action: String? = nil, spans: [Span], rule: String) {
        self.title = title; self.action = action; self.spans = spans; self.rule = rule
    }

    private enum CodingKeys: String, CodingKey { case title, action, spans, rule }

    /// Writes every field, a nil action as `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title); try c.encode(action, forKey: .action)
        try c.encode(spans, forKey: .spans); try c.encode(rule, forKey: .rule)
    }
}

/// A distinct government or Party body (or another organisation) the document names.
public struct Organization: Codable, Hashable, Sendable {
    /// What kind of body it is.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case party, government, people, serviceCentre = "service-centre", committee
        case university, research, enterprise, hospital, other
    }

    /// The name as written.
    public var name: String
    /// Party, government, service centre, committee, university, enterprise… (``Kind``).
    public var kind: Kind
    /// How many times it is named.
    public var mentions: Int
    /// Every place it is named: code points, half-open, into the original text.
    public var spans: [Span]
    /// The name of the rule that read the name.
    public var rule: String

    /// An organisation named `mentions` times, at `spans`.
    public init(name: String, kind: Kind, mentions: Int, spans: [Span], rule: String) {
        self.name = name; self.kind = kind; self.mentions = mentions; self.spans = spans; self.rule = rule
    }
}
