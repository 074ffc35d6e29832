import TextTools

/// The word lists of the quantity rules, read once from
/// `Resources/quantities/*.txt` (see the comments in each file). A class, so
/// handing it around copies one reference, not thirty lists.
final class QuantityVocabulary: Sendable {
    /// What a classifier counts; decides where its subject is looked for.
    enum ClassifierKind: String, Sendable { case person, thing, event }

    /// What a bound or approximation word does to the number.
    enum BoundEffect: String, Sendable { case lower, upper, approximate }

    /// A bound word and where it stands.
    struct Bound: Sendable {
        var after: Bool
        var effect: BoundEffect
    }

    /// Why a number followed by a unit is not a count (for rejections).
    enum NonCountKind: String, Sendable { case date, duration, physical, document, score }

    let classifiers: ScalarWordTable<ClassifierKind>
    let bounds: ScalarWordTable<Bound>
    let boundExceptions: ScalarWordList
    let rangeSeparators: ScalarWordList
    let perUnits: ScalarWordList
    let perLinks: ScalarWordList
    let classifierWords: ScalarWordList
    let fusedWords: ScalarWordList
    let durationAfterGe: ScalarWordList
    let sessionWords: ScalarWordList
    let categoryVerbs: ScalarWordList
    let nonCountUnits: ScalarWordTable<NonCountKind>
    let durationMarkers: ScalarWordList
    let subjectVerbs: ScalarWordList
    let subjectStops: ScalarWordList
    let measureNouns: ScalarWordList
    let scopeWords: ScalarWordList
    let personEndings: ScalarWordList
    let nominalHeads: ScalarWordList
    let nominalVerbs: ScalarWordList
    let programmeNouns: ScalarWordList
    let classifierWordExceptions: ScalarWordList
    let trailingProcessWords: ScalarWordList
    let moneyWords: ScalarWordList
    let rankPrefixes: ScalarWordList
    let rankPrefixExceptions: ScalarWordList
    let rankClassifiers: ScalarWordList
    let phaseWords: ScalarWordList
    let perAverages: ScalarWordTable<String>
    let attributiveVerbs: ScalarWordList
    let singleStops: BMPMask
    let stopsAfter: BMPMask
    let visitEvents: ScalarWordList
    let personRecordNouns: ScalarWordList
    let nominalVerbHeads: ScalarWordList
    let settlingVerbs: ScalarWordList
    let placeHeads: ScalarWordList
    let purposeHeads: ScalarWordList
    let purposeLinks: ScalarWordList
    let singleMarkPrefixes: BMPMask
    let recipientYearWords: ScalarWordList
    let slashTimeUnits: ScalarWordList
    let labelWords: ScalarWordList
    let governingLinks: ScalarWordList
    let countLabelWords: ScalarWordList
    let singleMarkWords: ScalarWordList

    /// The lists as bundled: this thread's instance, loaded on its first use
    /// (one per thread, so reference counts stay in one core: ``PerThread``).
    static var shared: QuantityVocabulary { perThread.value }
    private static let perThread = PerThread { QuantityVocabulary() }

    private init() {
        classifiers = ScalarWordTable(resource: "classifiers") { ClassifierKind(rawValue: $0[0]) }
        bounds = ScalarWordTable(resource: "bound-words") { columns in
            guard columns.count == 2, let effect = BoundEffect(rawValue: columns[1]),
                  columns[0] == "before" || columns[0] == "after" else { return nil }
            return Bound(after: columns[0] == "after", effect: effect)
        }
        boundExceptions = ScalarWordList(resource: "bound-word-exceptions")
        rangeSeparators = ScalarWordList(resource: "range-separators")
        perUnits = ScalarWordList(resource: "per-units")
        perLinks = ScalarWordList(resource: "per-links")
        classifierWords = ScalarWordList(resource: "classifier-words")
        fusedWords = ScalarWordList(resource: "fused-words")
        durationAfterGe = ScalarWordList(resource: "duration-after-ge")
        sessionWords = ScalarWordList(resource: "session-words")
        categoryVerbs = ScalarWordList(resource: "category-verbs")
        nonCountUnits = ScalarWordTable(resource: "non-count-units") { NonCountKind(rawValue: $0[0]) }
        durationMarkers = ScalarWordList(resource: "duration-markers")
        subjectVerbs = ScalarWordList(resource: "subject-verbs")
        subjectStops = ScalarWordList(resource: "subject-stops")
        measureNouns = ScalarWordList(resource: "measure-nouns")
        scopeWords = ScalarWordList(resource: "scope-and-time-words")
        personEndings = ScalarWordList(resource: "person-endings")
        nominalHeads = ScalarWordList(resource: "nominal-heads")
        nominalVerbs = ScalarWordList(resource: "nominal-verbs")
        programmeNouns = ScalarWordList(resource: "programme-nouns")
        classifierWordExceptions = ScalarWordList(resource: "classifier-word-exceptions")
        trailingProcessWords = ScalarWordList(resource: "trailing-process-words")
        moneyWords = ScalarWordList(resource: "money-words")
        rankPrefixes = ScalarWordList(resource: "rank-prefixes")
        rankPrefixExceptions = ScalarWordList(resource: "rank-prefix-exceptions")
        rankClassifiers = ScalarWordList(resource: "rank-classifiers")
        phaseWords = ScalarWordList(resource: "phase-words")
        perAverages = ScalarWordTable(resource: "per-average-words") { $0[0] }
        attributiveVerbs = ScalarWordList(resource: "attributive-verbs")
        singleStops = BMPMask(RuleData.list("quantities/subject-single-stops").compactMap { $0.unicodeScalars.first })
        stopsAfter = BMPMask(RuleData.list("quantities/subject-stops-after").compactMap { $0.unicodeScalars.first })
        visitEvents = ScalarWordList(resource: "visit-events")
        personRecordNouns = ScalarWordList(resource: "person-record-nouns")
        nominalVerbHeads = ScalarWordList(resource: "nominal-verb-heads")
        settlingVerbs = ScalarWordList(resource: "settling-verbs")
        placeHeads = ScalarWordList(resource: "place-heads")
        purposeHeads = ScalarWordList(resource: "purpose-heads")
        purposeLinks = ScalarWordList(resource: "purpose-links")
        singleMarkPrefixes = BMPMask(RuleData.list("quantities/single-mark-prefixes").compactMap { $0.unicodeScalars.first })
        recipientYearWords = ScalarWordList(resource: "recipient-year-words")
        slashTimeUnits = ScalarWordList(resource: "slash-time-units")
        labelWords = ScalarWordList(resource: "label-words")
        governingLinks = ScalarWordList(resource: "governing-links")
        countLabelWords = ScalarWordList(resource: "count-label-words")
        singleMarkWords = ScalarWordList(resource: "single-mark-words")
    }
}
