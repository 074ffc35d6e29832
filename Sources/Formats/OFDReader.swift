/// Reads the text of an OFD file (GB/T 33190-2016, the national format for
/// official electronic documents): `OFD.xml` names each document's root
/// (`DocBody/DocRoot`), whose `Document.xml` lists the pages in order
/// (`Pages/Page@BaseLoc`); each page's `Content.xml` holds text objects
/// (`TextObject`, placed by `Boundary`) with their text codes (`TextCode`,
/// at `X`/`Y` inside the object). The text codes are written in page order,
/// a new line wherever the baseline moves, and every page ends with a form
/// feed, as pdftotext ends a PDF's pages.
enum OFDReader {
    /// The most pages read from one file.
    static let maximumPages = 100_000

    static func read(_ archive: ZipArchive) throws(FormatError) -> String {
        guard let entry = try archive.read("OFD.xml") else {
            throw FormatError(.damaged, "\(archive.name) has no OFD.xml entry")
        }
        var roots: [String] = []
        var inRoot = false
        var rootText = ""
        let reader = try XMLPullReader(entry, part: "OFD.xml")
        while let node = try reader.next() {
            switch node {
            case .start("DocRoot"): inRoot = true; rootText = ""
            case .text(let value) where inRoot: rootText += value
            case .end("DocRoot"):
                inRoot = false
                let path = rootText.trimmingSpaces
                if !path.isEmpty { roots.append(Relationships.resolve(path, from: "OFD.xml")) }
            default: continue
            }
        }
        guard !roots.isEmpty else { throw FormatError(.damaged, "\(archive.name)'s OFD.xml names no document (DocBody/DocRoot)") }
        var text = ""
        var pages = 0
        for root in roots {
            for page in try pageContents(of: root, in: archive) {
                pages += 1
                if pages > maximumPages {
                    throw FormatError(.tooLarge, "\(archive.name) has more than \(maximumPages) pages")
                }
                if let content = try archive.read(page) {
                    try readPage(XMLPullReader(content, part: page), into: &text)
                }
                text += "\u{0C}"
            }
        }
        if pages == 0 { throw FormatError(.damaged, "\(archive.name) lists no pages") }
        return text
    }

    /// Writes the text of one page's content.
    static func readPage(_ reader: XMLPullReader, into text: inout String) throws(FormatError) {
        try PageText.read(reader, into: &text)
    }

    /// The content parts of the pages of the document whose root is `root`, in order.
    private static func pageContents(of root: String, in archive: ZipArchive) throws(FormatError) -> [String] {
        guard let bytes = try archive.read(root) else {
            throw FormatError(.damaged, "\(archive.name) names a document \(root) that is not in the archive")
        }
        let reader = try XMLPullReader(bytes, part: root)
        var pages: [String] = []
        var inPages = false
        while let node = try reader.next() {
            switch node {
            case .start("Pages"): inPages = true
            case .end("Pages"): inPages = false
            case .start("Page") where inPages:
                if let location = reader.attribute("BaseLoc"), !location.trimmingSpaces.isEmpty {
                    pages.append(Relationships.resolve(location.trimmingSpaces, from: root))
                }
            default: continue
            }
        }
        return pages
    }
}

/// Writes the text codes of one OFD page, a line break where the baseline moves.
private enum PageText {
    static func read(_ reader: XMLPullReader, into text: inout String) throws(FormatError) {
        var origin = (x: 0.0, y: 0.0)
        var size = 3.5
        var lastBaseline: Double?
        var codeY: Double?
        var inCode = false
        var wroteOnPage = false
        while let node = try reader.next() {
            switch node {
            case .start("TextObject"):
                let box = (reader.attribute("Boundary") ?? "").split(separator: " ").compactMap { Double($0) }
                origin = (box.count > 0 ? box[0] : 0, box.count > 1 ? box[1] : 0)
                size = reader.attribute("Size").flatMap { Double($0.trimmingSpaces) }.map { Swift.max($0, 0.1) } ?? 3.5
                codeY = nil
            case .start("TextCode"):
                if let y = reader.attribute("Y").flatMap({ Double($0.trimmingSpaces) }) { codeY = y }
                let baseline = origin.y + (codeY ?? 0)
                if wroteOnPage, let last = lastBaseline, abs(baseline - last) > size / 2 { text += "\n" }
                lastBaseline = baseline
                inCode = true
            case .end("TextCode"):
                inCode = false
            case .text(let value) where inCode:
                text += value
                wroteOnPage = true
            default: continue
            }
        }
        if wroteOnPage { text += "\n" }
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
