import TextTools

/// The word lists of the structure, reference and organisation readers, read
/// once from `Resources/structure/`. A class, so handing it around copies one
/// reference, not every list.
final class StructureVocabulary: Sendable {
    /// A responsibility role.
    enum Role: String, Sendable { case lead, cooperating }

    /// Title endings of normative documents (通知, 实施意见…).
    let genreWords: WordList
    /// Title endings of reports, speeches and summaries (总结, 讲话…).
    let reportGenreWords: WordList
    let leadCues: WordList
    let cooperatingCues: WordList
    /// `责任单位` → lead, `配合单位` → cooperating.
    let noteLabels: [String: Role]
    let noteLabelList: WordList
    /// The role of each word of ``noteLabelList``, by its id: no hashing per label read.
    let noteLabelRoles: [Role]
    /// Words of a part's title whose lists are not measures (申报材料, 申请条件).
    let nonMeasureListWords: [[Unicode.Scalar]]
    /// Words of a notice's title that make it a call for applications (申报, 征集).
    let applicationTitleWords: [String]
    let referenceVerbs: WordList
    let referenceActors: WordList

    /// The lists as bundled: this thread's instance, loaded on its first use
    /// (one per thread, so reference counts stay in one core: ``PerThread``).
    static var shared: StructureVocabulary { perThread.value }
    private static let perThread = PerThread { StructureVocabulary() }

    private init() {
        genreWords = WordList(RuleData.list("structure/genre-words"))
        reportGenreWords = WordList(RuleData.list("structure/report-genre-words"))
        leadCues = WordList(RuleData.list("structure/lead-cues"))
        cooperatingCues = WordList(RuleData.list("structure/cooperating-cues"))
        var labels: [String: Role] = [:]
        for line in RuleData.list("structure/note-labels") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2, let role = Role(rawValue: String(fields[1])) else {
                fatalError("bad line in structure/note-labels.txt: \(line)")
            }
            labels[String(fields[0])] = role
        }
        noteLabels = labels
        noteLabelList = WordList(labels.keys)
        noteLabelRoles = noteLabelList.words.map { labels[String(scalars: $0[...])] ?? .lead }
        nonMeasureListWords = RuleData.list("structure/non-measure-lists").map(\.scalars)
        applicationTitleWords = RuleData.list("structure/application-title-words")
        referenceVerbs = WordList(RuleData.list("structure/reference-verbs"))
        referenceActors = WordList(RuleData.list("structure/reference-actors"))
    }
}
