import Foundation

/// Paths of the repository's own files, found from this source file's place.
public enum Repository {
    /// The repository root.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The documents in `Corpus/`, sorted by name.
    public static var corpus: [URL] {
        let folder = root.appendingPathComponent("Corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The bytes of a file.
    public static func bytes(_ url: URL) -> [UInt8] {
        (try? Array(Data(contentsOf: url))) ?? []
    }
}
