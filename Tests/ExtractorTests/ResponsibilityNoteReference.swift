@testable import Extractor
import TextTools

/// The labelled-note reading as it was before labels were indexed once per
/// document: every label of the body walked in order, every content end
/// worked out, the last group taken. Kept as the reference the indexed
/// reader must agree with on every body.
extension ResponsibilityNoteReader {
    func referenceLabelledNote(in body: Range<Int>) -> ResponsibilityNote? {
        var labels: [Label] = []
        var index = body.lowerBound
        var candidate = labelStarts.firstIndex(notBelow: index)
        while candidate < labelStarts.count, labelStarts[candidate] < body.upperBound {
            if labelStarts[candidate] < index {
                candidate += 1
                continue
            }
            index = labelStarts[candidate]
            if case let length = vocabulary.noteLabelList.matchLength(text, at: index, limit: body.upperBound), length > 0 {
                var colon = index + length
                while colon < body.upperBound, text[colon] == " " { colon += 1 }
                if colon < body.upperBound, text[colon] == "：" || text[colon] == ":" {
                    let name = String(scalars: text[index..<(index + length)])
                    labels.append(Label(start: index, contentStart: colon + 1, role: vocabulary.noteLabels[name] ?? .lead))
                    index = colon + 1
                    continue
                }
            }
            index += 1
        }
        guard !labels.isEmpty else { return nil }
        for position in labels.indices {
            let limit = position + 1 < labels.count ? labels[position + 1].start : body.upperBound
            labels[position].contentEnd = contentEnd(from: labels[position].contentStart, limit: limit)
        }
        var first = labels.count - 1
        while first > 0, isSeparatorRun(labels[first - 1].contentEnd..<labels[first].start) { first -= 1 }
        return note(group: labels[first...], in: body)
    }
}
