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
    enum NonCountKind: String, Sendable { case date, duration, physical, document, score, address }

    let classifiers: WordTable<ClassifierKind>
    let bounds: WordTable<Bound>
    let boundExceptions: WordList
    let rangeSeparators: WordList
    let perUnits: WordList
    let perLinks: WordList
    let classifierWords: WordList
    let fusedWords: WordList
    let durationAfterGe: WordList
    let sessionWords: WordList
    let sessionBodies: WordList
    let categoryVerbs: WordList
    let nonCountUnits: WordTable<NonCountKind>
    let durationMarkers: WordList
    let subjectVerbs: WordList
    let subjectStops: WordList
    let measureNouns: WordList
    let scopeWords: WordList
    let personEndings: WordList
    let nominalHeads: WordList
    let nominalVerbs: WordList
    let programmeNouns: WordList
    let classifierWordExceptions: WordList
    let trailingProcessWords: WordList
    let moneyWords: WordList
    let rankPrefixes: WordList
    let rankPrefixExceptions: WordList
    let rankClassifiers: WordList
    let phaseWords: WordList
    let perAverages: WordTable<String>
    let attributiveVerbs: WordList
    let singleStops: BMPMask
    let stopsAfter: BMPMask
    let visitEvents: WordList
    let personRecordNouns: WordList
    let nominalVerbHeads: WordList
    let settlingVerbs: WordList
    let placeHeads: WordList
    let purposeHeads: WordList
    let purposeLinks: WordList
    let singleMarkPrefixes: BMPMask
    let recipientYearWords: WordList
    let slashTimeUnits: WordList
    let labelWords: WordList
    let governingLinks: WordList
    let countLabelWords: WordList
    let singleMarkWords: WordList
    let counterLabels: WordList

    /// The lists as bundled: this thread's instance, loaded on its first use
    /// (one per thread, so reference counts stay in one core: ``PerThread``).
    static var shared: QuantityVocabulary { perThread.value }
    private static let perThread = PerThread { QuantityVocabulary() }

    private init() {
        classifiers = WordTable(resource: "classifiers") { ClassifierKind(rawValue: $0[0]) }
        bounds = WordTable(resource: "bound-words") { columns in
            guard columns.count == 2, let effect = BoundEffect(rawValue: columns[1]),
                columns[0] == "before" || columns[0] == "after"
            else { return nil }
            return Bound(after: columns[0] == "after", effect: effect)
        }
        boundExceptions = WordList(resource: "bound-word-exceptions")
        rangeSeparators = WordList(resource: "range-separators")
        perUnits = WordList(resource: "per-units")
        perLinks = WordList(resource: "per-links")
        classifierWords = WordList(resource: "classifier-words")
        fusedWords = WordList(resource: "fused-words")
        durationAfterGe = WordList(resource: "duration-after-ge")
        sessionWords = WordList(resource: "session-words")
        sessionBodies = WordList(resource: "session-bodies")
        categoryVerbs = WordList(resource: "category-verbs")
        nonCountUnits = WordTable(resource: "non-count-units") { NonCountKind(rawValue: $0[0]) }
        durationMarkers = WordList(resource: "duration-markers")
        subjectVerbs = WordList(resource: "subject-verbs")
        subjectStops = WordList(resource: "subject-stops")
        measureNouns = WordList(resource: "measure-nouns")
        scopeWords = WordList(resource: "scope-and-time-words")
        personEndings = WordList(resource: "person-endings")
        nominalHeads = WordList(resource: "nominal-heads")
        nominalVerbs = WordList(resource: "nominal-verbs")
        programmeNouns = WordList(resource: "programme-nouns")
        classifierWordExceptions = WordList(resource: "classifier-word-exceptions")
        trailingProcessWords = WordList(resource: "trailing-process-words")
        moneyWords = WordList(resource: "money-words")
        rankPrefixes = WordList(resource: "rank-prefixes")
        rankPrefixExceptions = WordList(resource: "rank-prefix-exceptions")
        rankClassifiers = WordList(resource: "rank-classifiers")
        phaseWords = WordList(resource: "phase-words")
        perAverages = WordTable(resource: "per-average-words") { $0[0] }
        attributiveVerbs = WordList(resource: "attributive-verbs")
        singleStops = BMPMask(RuleData.list("quantities/subject-single-stops").compactMap { $0.unicodeScalars.first })
        stopsAfter = BMPMask(RuleData.list("quantities/subject-stops-after").compactMap { $0.unicodeScalars.first })
        visitEvents = WordList(resource: "visit-events")
        personRecordNouns = WordList(resource: "person-record-nouns")
        nominalVerbHeads = WordList(resource: "nominal-verb-heads")
        settlingVerbs = WordList(resource: "settling-verbs")
        placeHeads = WordList(resource: "place-heads")
        purposeHeads = WordList(resource: "purpose-heads")
        purposeLinks = WordList(resource: "purpose-links")
        singleMarkPrefixes = BMPMask(RuleData.list("quantities/single-mark-prefixes").compactMap { $0.unicodeScalars.first })
        recipientYearWords = WordList(resource: "recipient-year-words")
        slashTimeUnits = WordList(resource: "slash-time-units")
        labelWords = WordList(resource: "label-words")
        governingLinks = WordList(resource: "governing-links")
        countLabelWords = WordList(resource: "count-label-words")
        singleMarkWords = WordList(resource: "single-mark-words")
        counterLabels = WordList(resource: "counter-labels")
    }
}
