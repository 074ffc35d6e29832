import Evaluation
import Extractor
import Foundation

/// A static review site: `index.html`, one page per document under
/// `documents/`, and the stylesheet and script under `assets/`. Nothing is
/// fetched when it is viewed; it opens from the disk.
public struct ReviewSite {
    /// Where the site is written.
    public let folder: String
    private var rows: [IndexPage.Row] = []
    private var palette: [String: Int] = [:]
    private var pageNames: Set<String> = []

    /// Kinds that get the first colours, so they look the same on every site: the
    /// registered kinds in their order (``ExtractionResult/itemKinds``), then the
    /// diagnostics, a measure's instruments and the near misses; others follow.
    static let usualKinds = ExtractionResult.itemKinds.map(\.key) + ["diagnostics", "instruments", DocumentPage.nearMissKind]

    /// Creates `folder` (and its subfolders) when missing.
    public init(folder: String) throws {
        self.folder = folder
        for kind in Self.usualKinds { palette[kind] = palette.count }
        for sub in ["", "/documents", "/assets"] {
            try FileManager.default.createDirectory(atPath: folder + sub, withIntermediateDirectories: true)
        }
    }

    /// Writes the page of one document; `name` is how the document is known
    /// (its path under the folder it was found in). Returns the page's path.
    @discardableResult
    /// `nearMisses` are what negative rules turned down (`text`, `span`, `rule`,
    /// `reason`, as `zhengce explain` lists them): shown on request.
    public mutating func add(
        name: String, original: [Unicode.Scalar], record: JSONObject, gold: JSONObject? = nil,
        nearMisses: [JSONObject] = []
    ) throws -> String {
        let comparison = gold.map { GoldComparison(record: record, gold: $0, length: original.count) }
        let file = pageFile(for: name)
        var page = DocumentPage(
            name: name, original: original, record: record, comparison: comparison, palette: palette,
            nearMisses: nearMisses, recordHref: Self.percentEncoded(String(file.dropLast(".html".count)) + ".json"))
        let items = page.items
        for item in items where palette[item.kind] == nil { palette[item.kind] = palette.count }
        page.palette = palette
        let path = folder + "/documents/" + file
        try Data(page.html().utf8).write(to: URL(fileURLWithPath: path))
        let recordFile = String(file.dropLast(".html".count)) + ".json"
        try Data((JSONRendering.indented(.object(record)) + "\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/documents/" + recordFile))
        rows.append(
            IndexPage.Row(
                name: name, href: "documents/" + Self.percentEncoded(file), record: record,
                items: items, findings: comparison?.findings.count))
        return path
    }

    /// Lists a document that could not be read, with the reason.
    public mutating func addFailure(name: String, reason: String) {
        rows.append(IndexPage.Row(name: name, error: reason))
    }

    /// Writes the index, the stylesheet and the script.
    public func finish() throws {
        let index = IndexPage(rows: rows, palette: palette, judged: rows.contains { $0.findings != nil })
        try Data(index.html().utf8).write(to: URL(fileURLWithPath: folder + "/index.html"))
        try Data(Assets.stylesheet.utf8).write(to: URL(fileURLWithPath: folder + "/assets/review.css"))
        try Data(Assets.script.utf8).write(to: URL(fileURLWithPath: folder + "/assets/review.js"))
    }

    /// A file name for the page: the name with `/` and characters a file
    /// system or URL would trip on replaced, made unique.
    private mutating func pageFile(for name: String) -> String {
        var base = String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar -> Unicode.Scalar in
                    if scalar.value < 0x20 || "/\\:*?\"<>|#%".unicodeScalars.contains(scalar) { return "_" }
                    return scalar
                }))
        if base.hasPrefix(".") { base = "_" + base }
        var file = base + ".html", n = 2
        while pageNames.contains(file) { file = "\(base)-\(n).html"; n += 1 }
        pageNames.insert(file)
        return file
    }

    static func percentEncoded(_ file: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return file.addingPercentEncoding(withAllowedCharacters: allowed) ?? file
    }
}
