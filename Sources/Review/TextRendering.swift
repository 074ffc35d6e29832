/// The original text with every item in place: each stretch of text covered
/// by items is one `<span class="hl" data-ids="…">` naming all of them (items
/// may overlap: an organisation inside a reference), block items (measures)
/// are `<section>`s around their text with a head, and an item with an empty
/// span is an empty marker. The text itself is every code point of the
/// original, escaped, in order; nothing is added to it outside the heads.
struct TextRendering {
    var original: [Unicode.Scalar]
    var items: [ReviewItem]
    /// The colour class of each kind (`k0`, `k1`…).
    var palette: [String: Int]
    /// Where each page begins, for text read from pages (a PDF): each gets a
    /// page mark, which is not part of the text.
    var pageStarts: [Int] = []

    func html() -> String {
        let count = original.count
        // Blocks that nest; a block crossing another's end is drawn inline instead.
        var blocks: [Int] = [], inline: [(item: Int, range: Range<Int>)] = []
        var stack: [Range<Int>] = []
        let blockCandidates = items.indices
            .filter { ItemCatalog.blockKinds.contains(items[$0].kind) && items[$0].spans.count == 1 && !items[$0].spans[0].isEmpty }
            .sorted {
                (items[$0].spans[0].lowerBound, -items[$0].spans[0].upperBound) < (
                    items[$1].spans[0].lowerBound, -items[$1].spans[0].upperBound
                )
            }
        var isBlock = Set<Int>()
        for index in blockCandidates {
            let range = items[index].spans[0]
            while let top = stack.last, top.upperBound <= range.lowerBound { stack.removeLast() }
            if let top = stack.last, range.upperBound > top.upperBound { continue }
            stack.append(range)
            blocks.append(index)
            isBlock.insert(index)
        }
        for index in items.indices where !isBlock.contains(index) {
            for range in items[index].spans { inline.append((index, range)) }
        }

        var opens: [Int: [Int]] = [:], closes: [Int: [Int]] = [:]
        for block in blocks {
            opens[items[block].spans[0].lowerBound, default: []].append(block)
            closes[items[block].spans[0].upperBound, default: []].insert(block, at: 0)
        }
        var starts: [Int: [Int]] = [:], ends: [Int: [Int]] = [:], markers: [Int: [Int]] = [:]
        for (occurrence, entry) in inline.enumerated() {
            if entry.range.isEmpty {
                markers[entry.range.lowerBound, default: []].append(entry.item)
            } else {
                starts[entry.range.lowerBound, default: []].append(occurrence)
                ends[entry.range.upperBound, default: []].append(occurrence)
            }
        }
        var boundaries = Set([0, count])
        for key in opens.keys { boundaries.insert(key) }
        for key in closes.keys { boundaries.insert(key) }
        for key in starts.keys { boundaries.insert(key) }
        for key in ends.keys { boundaries.insert(key) }
        for key in markers.keys { boundaries.insert(key) }
        var pages: [Int: Int] = [:]
        for (index, start) in pageStarts.enumerated() where (0...count).contains(start) {
            pages[start] = index + 1
            boundaries.insert(start)
        }
        let points = boundaries.sorted()

        var out = ""
        var active = Set<Int>()
        var anchored = Set<String>()
        for (n, point) in points.enumerated() {
            for _ in closes[point] ?? [] { out += "</div></section>" }
            for occurrence in ends[point] ?? [] { active.remove(occurrence) }
            if let page = pages[point] { out += "<span class=\"page\" data-head=\"\" id=\"page-\(page)\">p. \(page)</span>" }
            for item in markers[point] ?? [] {
                out += highlight([item], text: "", anchored: &anchored)
            }
            for block in opens[point] ?? [] { out += blockHead(block, anchored: &anchored) }
            for occurrence in starts[point] ?? [] { active.insert(occurrence) }
            guard n + 1 < points.count else { break }
            let stretch = original[point..<points[n + 1]]
            if active.isEmpty {
                out += HTML.escape(stretch)
            } else {
                // The narrowest item first: it gives the colour (a near miss only when alone).
                func order(_ occurrence: Int) -> (Int, Int, Int) {
                    (items[inline[occurrence].item].kind == DocumentPage.nearMissKind ? 1 : 0, inline[occurrence].range.count, occurrence)
                }
                var covering: [Int] = []
                for occurrence in active.sorted(by: { order($0) < order($1) })
                where !covering.contains(inline[occurrence].item) {
                    covering.append(inline[occurrence].item)
                }
                out += highlight(covering, text: HTML.escape(stretch), anchored: &anchored)
            }
        }
        return out
    }

    /// One stretch covered by `covering` (narrowest first).
    private func highlight(_ covering: [Int], text: String, anchored: inout Set<String>) -> String {
        let first = items[covering[0]]
        var classes = ["hl", "k\(palette[first.kind] ?? 0)"]
        if covering.count > 1 { classes.append("multi") }
        for verdict in [ReviewItem.Verdict.extra, .missed] where covering.contains(where: { items[$0].verdict == verdict }) {
            classes.append(verdict.rawValue)
        }
        if text.isEmpty { classes.append("empty") }
        let ids = covering.map { items[$0].id }
        var anchor = ""
        if let fresh = ids.first(where: { !anchored.contains($0) }) {
            anchored.insert(fresh)
            anchor = " id=\"i-\(HTML.escape(fresh))\""
        }
        return
            "<span\(anchor) class=\"\(classes.joined(separator: " "))\" data-ids=\"\(HTML.escape(ids.joined(separator: " ")))\">\(text)</span>"
    }

    /// Opens a block: its head (number, title, lists of names such as lead and
    /// cooperating, rule) and its body, which the following text fills.
    private func blockHead(_ index: Int, anchored: inout Set<String>) -> String {
        let item = items[index]
        anchored.insert(item.id)
        var classes = ["block", "k\(palette[item.kind] ?? 0)"]
        if item.verdict == .extra { classes.append("extra") }
        var head = "<span class=\"kind\">\(HTML.escape(item.kind))</span> <b>\(HTML.escape(item.label))</b>"
        for entry in item.object.entries {
            guard case .array(let names) = entry.value, !names.isEmpty, names.allSatisfy({ $0.stringValue != nil }) else { continue }
            head += " <span class=\"role\">\(HTML.escape(entry.key))</span>"
            for name in names.compactMap(\.stringValue) { head += " <span class=\"chip\">\(HTML.escape(name))</span>" }
        }
        if let rule = item.object["rule"]?.stringValue { head += " <span class=\"rule\">\(HTML.escape(rule))</span>" }
        if item.verdict == .extra { head += " <span class=\"verdict\">extra</span>" }
        return "<section id=\"i-\(HTML.escape(item.id))\" class=\"\(classes.joined(separator: " "))\" data-ids=\"\(HTML.escape(item.id))\">"
            + "<div class=\"head\" data-head=\"\">\(head)</div><div class=\"body\">"
    }
}
