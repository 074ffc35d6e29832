/// The word lists of the metadata fields, deadlines and instruments, read
/// once from `Resources/fields/` (see its README).
final class FieldsVocabulary: Sendable {
    /// 文种 words a title ends with (`通知`, `意见`…).
    let docTypes: [[Unicode.Scalar]]
    /// Verbs by which a notice carries a policy (`印发`, `转发`).
    let issueVerbs: [[Unicode.Scalar]]
    /// Verbs that close `自…起X` (`施行`, `实施`).
    let effectVerbs: [[Unicode.Scalar]]
    /// Events whose day is the document's date (`印发`, `发布`).
    let publicationEvents: [[Unicode.Scalar]]
    /// Beginnings of central bodies' names.
    let nationalBodies: [[Unicode.Scalar]]
    /// Endings only central bodies' names have (`部`, `总署`).
    let nationalEndings: [[Unicode.Scalar]]
    /// A party prefix read past before a body's division (`中共`).
    let partyPrefixes: [[Unicode.Scalar]]
    /// Characters that name a level of local government (省, 市, 县, 区…).
    let levelCharacters: Set<Unicode.Scalar>
    /// `沪` → `310000`.
    let provinceAbbreviations: [Unicode.Scalar: String]
    /// 文号 prefixes of central bodies (`国发`, `国办函`).
    let centralNumberPrefixes: [[Unicode.Scalar]]

    static let shared = FieldsVocabulary()

    private init() {
        func scalars(_ name: String) -> [[Unicode.Scalar]] {
            RuleData.list("fields/" + name).map { Array($0.unicodeScalars) }
        }
        docTypes = scalars("doc-types").sorted { $0.count > $1.count }
        issueVerbs = scalars("issue-verbs").sorted { $0.count > $1.count }
        effectVerbs = scalars("effect-verbs")
        publicationEvents = scalars("publication-events")
        nationalBodies = scalars("national-bodies")
        nationalEndings = scalars("national-endings")
        centralNumberPrefixes = scalars("central-number-prefixes").sorted { $0.count > $1.count }
        partyPrefixes = [Array("中国共产党".unicodeScalars), Array("中共".unicodeScalars), Array("共青团".unicodeScalars)]
        levelCharacters = ["省", "市", "县", "区", "州", "盟", "旗", "镇", "乡"]
        var abbreviations: [Unicode.Scalar: String] = [:]
        for line in RuleData.list("fields/province-abbreviations") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2, fields[0].unicodeScalars.count == 1, let first = fields[0].unicodeScalars.first else {
                fatalError("bad line in fields/province-abbreviations.txt: \(line)")
            }
            abbreviations[first] = String(fields[1])
        }
        provinceAbbreviations = abbreviations
    }
}
