/// Reads the text of a DOCX file (Office Open XML, ISO/IEC 29500): the main
/// document's paragraphs one per line, table cells separated by tabs and rows
/// by line breaks, then the footnotes and endnotes. A page break Word recorded
/// (`<w:br w:type="page"/>`, or `<w:lastRenderedPageBreak/>` where Word last
/// laid the pages out) becomes a form feed, as between a PDF's pages.
enum DOCXReader {
    /// The text of the DOCX in `archive`; `pages` tells whether any page break was recorded.
    static func read(_ archive: ZipArchive) throws(FormatError) -> (text: String, paged: Bool) {
        let main = try mainPart(archive)
        guard let bytes = try archive.read(main) else {
            throw FormatError(.damaged, "\(archive.name) has no main document part (\(main))")
        }
        let relationships = try Relationships.of(main, in: archive)
        var writer = DOCXTextWriter()
        let numberingPart =
            relationships.first { $0.type.hasSuffix("/numbering") }?.target
            ?? Relationships.resolve("numbering.xml", from: main)
        if let numbering = try archive.read(numberingPart) {
            writer.numbering = try DOCXNumbering(XMLPullReader(numbering, part: numberingPart))
        }
        try writer.read(XMLPullReader(bytes, part: main))
        // Footnotes and endnotes follow the body, each note's paragraphs on lines of their own.
        for kind in ["footnotes", "endnotes"] {
            let part =
                relationships.first { $0.type.hasSuffix("/" + kind) }?.target
                ?? Relationships.resolve("\(kind).xml", from: main)
            guard let notes = try archive.read(part) else { continue }
            writer.startNotes()
            try writer.read(XMLPullReader(notes, part: part))
        }
        return (writer.text, writer.pageBreaks > 0)
    }

    /// The main document part named by the package relationships (`word/document.xml` as a rule).
    private static func mainPart(_ archive: ZipArchive) throws(FormatError) -> String {
        let relationships = try Relationships.of("", in: archive)
        if let main = relationships.first(where: { $0.type.hasSuffix("/officeDocument") }) { return main.target }
        return "word/document.xml"
    }
}

/// The relationships of an Open Packaging part (`_rels/…​.rels`).
enum Relationships {
    struct Relationship {
        var type: String
        /// The target part's name in the archive, resolved against the source part.
        var target: String
    }

    /// The relationships of `part` (`""`: the package's own).
    static func of(_ part: String, in archive: ZipArchive) throws(FormatError) -> [Relationship] {
        let folder = Self.folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let bytes = try archive.read(relsPath) else { return [] }
        let reader = try XMLPullReader(bytes, part: relsPath)
        var found: [Relationship] = []
        while let node = try reader.next() {
            guard case .start("Relationship") = node, reader.attribute("TargetMode") != "External",
                let type = reader.attribute("Type"), let target = reader.attribute("Target")
            else { continue }
            found.append(Relationship(type: type, target: resolve(target, from: part)))
        }
        return found
    }

    /// The folder of a part's name (`word/document.xml` → `word`).
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// `target` resolved against the folder of `source`: `/x` is from the
    /// root, `..` goes up, and the result never leaves the archive.
    static func resolve(_ target: String, from source: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder(of: source).split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Turns the XML events of a WordprocessingML part into lines of text.
struct DOCXTextWriter {
    private(set) var text = ""
    private(set) var pageBreaks = 0
    /// Whether anything but white space was written since the last page break
    /// (Word writes `lastRenderedPageBreak` after a manual break too: one form feed).
    private var contentSincePageBreak = false
    /// Open runs (`w:r`) and run properties, and skipped subtrees.
    private var runDepth = 0
    private var propertiesDepth = 0
    private var skipDepth = 0
    private var inText = false
    /// Per open table: the cells already written in its current row, and
    /// whether the current cell has had a paragraph end.
    private var tables: [(cells: Int, paragraphEnded: Bool)] = []
    private var inNote = false
    private var noteSkipped = false
    /// The lists of numbering.xml, and the list and level of the paragraph being read.
    var numbering = DOCXNumbering()
    private var listId: String?
    private var listLevel = 0

    /// Marks the start of the notes: a blank line after the body.
    mutating func startNotes() {
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += "\n"
        inNote = true
    }

    mutating func read(_ reader: XMLPullReader) throws(FormatError) {
        while let node = try reader.next() {
            switch node {
            case .start(let name):
                if skipDepth > 0 { skipDepth += 1; continue }
                start(name, reader)
            case .end(let name):
                if skipDepth > 0 { skipDepth -= 1; continue }
                end(name)
            case .text(let value):
                if skipDepth == 0, inText, !noteSkipped { write(value) }
            case .other:
                continue
            }
        }
    }

    private mutating func start(_ name: String, _ reader: XMLPullReader) {
        switch name {
        // Deleted text, field codes, the VML copy of a drawing's text, and
        // the separator "notes" Word keeps at the top of footnotes.xml.
        case "delText", "instrText", "Fallback", "del", "moveFrom", "pPrChange", "rPrChange", "numberingChange":
            skipDepth = 1
        case "numId" where propertiesDepth > 0:
            listId = reader.attribute("val")
        case "ilvl" where propertiesDepth > 0:
            listLevel = Int(reader.attribute("val") ?? "") ?? 0
        case "p":
            listId = nil
            listLevel = 0
        case "footnote", "endnote":
            let type = reader.attribute("type")
            noteSkipped = type == "separator" || type == "continuationSeparator" || type == "continuationNotice"
        case "rPr", "pPr", "tblPr", "trPr", "tcPr", "sectPr", "tblGrid", "tabs":
            propertiesDepth += 1
        case "r":
            runDepth += 1
        case "t":
            inText = runDepth > 0 && propertiesDepth == 0
        case "tab" where runDepth > 0 && propertiesDepth == 0:
            write("\t")
        case "br" where runDepth > 0 && propertiesDepth == 0:
            if reader.attribute("type") == "page" { pageBreak() } else { write("\n") }
        case "cr" where runDepth > 0 && propertiesDepth == 0:
            write("\n")
        case "noBreakHyphen" where runDepth > 0:
            write("-")
        case "lastRenderedPageBreak":
            pageBreak()
        case "tbl":
            if !text.isEmpty, !text.hasSuffix("\n"), !text.hasSuffix("\u{0C}"), tables.isEmpty { text += "\n" }
            tables.append((0, false))
        case "tr":
            if !tables.isEmpty { tables[tables.count - 1] = (0, false) }
        case "tc":
            guard !tables.isEmpty else { break }
            let nested = tables.count > 1
            if tables[tables.count - 1].cells > 0 { write(nested ? " " : "\t") }
            tables[tables.count - 1].cells += 1
            tables[tables.count - 1].paragraphEnded = false
        default:
            break
        }
    }

    private mutating func end(_ name: String) {
        switch name {
        case "pPr":
            propertiesDepth = max(0, propertiesDepth - 1)
            // A numbered paragraph starts with the label Word draws for it.
            if propertiesDepth == 0, let id = listId, !noteSkipped, let label = numbering.label(numId: id, level: listLevel) {
                write(label)
            }
            listId = nil
        case "rPr", "tblPr", "trPr", "tcPr", "sectPr", "tblGrid", "tabs":
            propertiesDepth = max(0, propertiesDepth - 1)
        case "r":
            runDepth = max(0, runDepth - 1)
        case "t":
            inText = false
        case "p":
            guard !noteSkipped else { break }
            if tables.isEmpty {
                write("\n")
            } else {
                // Paragraphs of a cell are joined by a space, on the cell's line.
                tables[tables.count - 1].paragraphEnded = true
            }
        case "tr":
            if tables.count == 1 { write("\n") } else if tables.count > 1 { write(" ") }
        case "tbl":
            if !tables.isEmpty { tables.removeLast() }
        case "footnote", "endnote":
            noteSkipped = false
        default:
            break
        }
    }

    private mutating func write(_ value: String) {
        if !tables.isEmpty, tables[tables.count - 1].paragraphEnded {
            tables[tables.count - 1].paragraphEnded = false
            if value != "\t", value != "\n" { text += " " }
        }
        text += value
        if !contentSincePageBreak, value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            contentSincePageBreak = true
        }
    }

    private mutating func pageBreak() {
        guard contentSincePageBreak, !inNote else { return }
        text += "\u{0C}"
        pageBreaks += 1
        contentSincePageBreak = false
    }
}
