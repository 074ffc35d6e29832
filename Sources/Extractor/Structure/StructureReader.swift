import Segmenter
import TextTools

/// What the structure reader found: the document's kind, metadata, headings and measures.
public struct StructureMatches: Sendable {
    /// `normative` or `report`.
    public var genre = "report"
    /// The 公文 elements or the post's headline and date; nil when there are none.
    public var metadata: Metadata?
    /// Headings in document order.
    public var sections: [Section] = []
    /// The numbered measures of a normative document.
    public var measures: [Measure] = []
    /// Doubts about the structure (a measure without a responsibility note).
    public var diagnostics: [Diagnostic] = []
    /// Near misses, when asked for.
    public var rejections: [Rejection] = []
    /// Nothing read yet: a report with no metadata, headings or measures.
    public init() {}
}

/// The responsibility notes of a document's measures as the structure reader
/// read them, in measure order (ranges in the normalised text): handed to the
/// organisation matcher, which takes their units from here rather than
/// reading the notes again.
struct MeasureNotes: Sendable {
    /// One note per measure that has one.
    var notes: [ResponsibilityNote] = []
}

/// Reads metadata, sections and measures (spec §5).
public struct StructureReader: Sendable {
    /// A reader; it keeps no state between documents.
    public init() {}

    /// Reads the structure of the document in `context`.
    public func read(_ context: ExtractionContext) -> StructureMatches {
        readWithNotes(context).structure
    }

    /// Reads the structure of the document in `context`, with the notes of its measures.
    func readWithNotes(_ context: ExtractionContext) -> (structure: StructureMatches, notes: MeasureNotes) {
        let document = context.document
        let text = context.text.scalars
        let lines = LayoutLines.of(document)
        let wrapWidth = LayoutLines.wrapWidth(lines)
        let header = DocumentHeaderReader(document: document, lines: lines).read()
        let outline = MarkedHeadingScanner.read(
            text, wrapWidth: document.format == .plain ? wrapWidth : nil, decimal: DecimalOutline.headings(lines, text: text))
        let headings = outline.headings, dropped = outline.dropped
        let notes = ResponsibilityNoteReader(document: document)
        var planned = MeasurePlanner(
            text: text, headings: headings, notes: notes,
            excluded: Annexes.nonPolicyRanges(in: text, noticeTitle: header.title)
        ).plan()
        var noted = planned.count { $0.note != nil }
        // A call for applications lists conditions, materials and steps, not
        // measures, unless notes mark them as measures.
        let callForApplications = header.title.map(Self.isCallForApplications) ?? false
        if callForApplications, noted == 0 {
            planned = []
            noted = 0
        }
        let normative =
            callForApplications
            || planned.count >= 2
                && (header.title != nil || header.documentNumber != nil || noted >= 2
                    || planned[0].kind == .article || Self.opensWithATitle(text))

        var result = StructureMatches(), measureNotes = MeasureNotes()
        if context.collectsRejections {
            result.rejections = dropped.map { marker in
                let heading = marker.heading
                let span = context.span(of: heading.marker.lowerBound..<heading.title.upperBound)
                return Rejection(
                    text: context.originalText(span), span: span, rule: marker.reason.rawValue,
                    reason: marker.reason.explanation)
            }
        }
        for anomaly in outline.anomalies {
            let span = context.span(of: anomaly.marker)
            let message =
                anomaly.kind == .gap
                ? "list number \(anomaly.found) where \(anomaly.expected) was expected: a number is missing"
                : "list number \(anomaly.found) repeated"
            result.diagnostics.append(Diagnostic(severity: .note, message: message, span: span, rule: "outline.\(anomaly.kind.rawValue)"))
        }
        result.genre = normative ? "normative" : "report"
        if normative {
            for plan in planned {
                let measure = Self.measure(plan, headings: headings, context: context)
                result.measures.append(measure)
                if let note = plan.note { measureNotes.notes.append(note) }
                if noted > 0, plan.note == nil {
                    result.diagnostics.append(
                        Diagnostic(
                            severity: .note, message: "measure \(measure.number) names no responsible unit",
                            span: measure.span, rule: "responsibility.missing"))
                }
                if let note = plan.note, note.lead.isEmpty, note.cooperating.isEmpty {
                    result.diagnostics.append(
                        Diagnostic(
                            severity: .warning, message: "the responsibility note of measure \(measure.number) lists no unit",
                            span: context.span(of: note.range), rule: "responsibility.empty"))
                }
            }
        }
        let headline = NewsHeadline(
            document: document, lines: lines, text: text, isReport: !normative,
            firstLineTitle: header.reportTitleLines, wrapWidth: wrapWidth)
        result.metadata = Self.metadata(header: header, headline: headline, block: MetadataBlock.read(document))
        result.sections = Self.sections(headings: headings, headline: headline, context: context)
        return (result, measureNotes)
    }

    private static func measure(_ plan: PlannedMeasure, headings: [MarkedHeading], context: ExtractionContext) -> Measure {
        let heading = headings[plan.heading]
        let document = context.document
        // The item ends with its note, unless the note opens it, right after
        // the title (`1.标题。（责任单位：…）正文…`).
        var end = plan.body.upperBound
        if let note = plan.note, note.range.lowerBound > heading.title.upperBound + 2 {
            end = note.range.upperBound
        }
        let kind = plan.kind == .article ? "article" : "numbered"
        return Measure(
            number: plan.number,
            kind: plan.kind,
            title: heading.title.isEmpty ? nil : WrittenText.of(heading.title, in: document),
            span: context.span(of: heading.marker.lowerBound..<end),
            lead: plan.note?.lead.map { WrittenText.of($0, in: document) } ?? [],
            cooperating: plan.note?.cooperating.map { WrittenText.of($0, in: document) } ?? [],
            rule: plan.note.map { "measure.\(kind)+" + $0.rule } ?? "measure.\(kind)")
    }

    /// Whether the text opens with a title ending in a genre word before its
    /// first space or sentence end (a page scraped onto one line:
    /// `江城市…实施意见 为加快…`).
    static func opensWithATitle(_ text: [Unicode.Scalar]) -> Bool {
        var end = 0
        while end < min(text.count, 80), !" \n。：:".unicodeScalars.contains(text[end]) { end += 1 }
        guard end >= 4 else { return false }
        return DocumentHeaderReader(lines: []).endsWithGenreWord(String(scalars: text[..<end]))
    }

    /// Whether a title is a call for applications (`关于申报…的通知`).
    static func isCallForApplications(_ title: String) -> Bool {
        StructureVocabulary.shared.applicationTitleWords.contains { title.contains($0) }
    }

    private static func sections(headings: [MarkedHeading], headline: NewsHeadline, context: ExtractionContext) -> [Section] {
        var sections = headings.compactMap { heading -> Section? in
            guard let level = heading.kind.sectionLevel else { return nil }
            return Section(
                level: level,
                marker: context.originalText(context.span(of: heading.marker)),
                title: WrittenText.of(heading.title, in: context.document),
                span: context.span(of: heading.marker.lowerBound..<heading.title.upperBound),
                rule: "section.marker")
        }
        sections += headline.sections(context: context)
        return sections.sorted { $0.span < $1.span }
    }
}
