import Extractor
import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A folder like a real collection: the corpus copied many times into nested
/// folders, plus every kind of bad input a crawl brings home.
struct BatchFolder {
    /// The folder to give `zhengce extract`.
    let root: URL
    /// The document ids a run must report, in output order, with the error kind expected (nil: extracted).
    let expected: [(id: String, failure: DocumentFailure.Kind?)]
    /// The corpus file each copy came from, by document id.
    let originals: [String: URL]
    /// The id of the GB18030 copy and its UTF-8 original.
    let gb18030: (id: String, original: URL)

    /// How many copies the big check makes: `ZHENGCE_BATCH_DOCUMENTS` (the
    /// 2,000-document check), or a quick default.
    static var copiesFromEnvironment: Int {
        ProcessInfo.processInfo.environment["ZHENGCE_BATCH_DOCUMENTS"].flatMap(Int.init) ?? 60
    }

    /// Whether this process can read a file whose mode is 000 (root can).
    static var readsUnreadableFiles: Bool { geteuid() == 0 }

    /// Builds the folder with `copies` documents and the bad inputs.
    static func make(copies: Int) throws -> BatchFolder {
        let root = try CommandRunner.temporaryFolder("batch")
        let fm = FileManager.default
        let corpus = Repository.corpus
        var expected: [(String, DocumentFailure.Kind?)] = []
        var originals: [String: URL] = [:]
        // docs/set-NNN/<corpus name>, five per set.
        for index in 0..<copies {
            let original = corpus[index % corpus.count]
            let folder = String(format: "docs/set-%03d", index / corpus.count)
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            let id = folder + "/" + original.lastPathComponent
            try fm.copyItem(at: original, to: root.appendingPathComponent(id))
            originals[id] = original
            expected.append((id, nil))
        }
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: root.appendingPathComponent(name))
        }
        // Binary bytes of no known format, and a PNG image (told by its magic bytes).
        let binary: [UInt8] = [0, 0, 0, 0x0D] + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + binary
        try fm.createDirectory(at: root.appendingPathComponent("bad"), withIntermediateDirectories: true)
        try write("bad/empty.txt", [])
        try write("bad/binary.txt", binary)
        try write("bad/invalid-utf8.txt", Array("政策文本".utf8) + [0xFF, 0xFF, 0x20] + Array("给予20万元".utf8))
        // A GB18030 copy made the way users make them.
        let gbOriginal = corpus[4]
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", gbOriginal.path]
        let gbURL = root.appendingPathComponent("bad/gb18030.txt")
        _ = fm.createFile(atPath: gbURL.path, contents: nil)
        iconv.standardOutput = try FileHandle(forWritingTo: gbURL)
        try iconv.run()
        iconv.waitUntilExit()
        precondition(iconv.terminationStatus == 0, "iconv failed")
        // A folder named like a document, with a document inside: walked, no record of its own.
        try fm.createDirectory(at: root.appendingPathComponent("bad/x.txt"), withIntermediateDirectories: true)
        try fm.copyItem(at: corpus[1], to: root.appendingPathComponent("bad/x.txt/inner.txt"))
        originals["bad/x.txt/inner.txt"] = corpus[1]
        // No read permission (root reads it anyway).
        let unreadable = root.appendingPathComponent("bad/unreadable.txt")
        try fm.copyItem(at: corpus[2], to: unreadable)
        chmod(unreadable.path, 0)
        if readsUnreadableFiles { originals["bad/unreadable.txt"] = corpus[2] }
        // Links: a loop back up the tree, a file linked to itself, a broken link.
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("bad/loop").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("bad/self.txt").path, withDestinationPath: "self.txt")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("bad/broken.txt").path, withDestinationPath: "gone.txt")
        // A FIFO: reading it would block forever.
        mkfifo(root.appendingPathComponent("bad/fifo.txt").path, 0o644)
        // Every file is taken: an image gets an error record saying it is not read.
        try write("bad/image.png", png)
        // Hidden files are not.
        try write("bad/.hidden.txt", Array("隐藏".utf8))

        expected += [
            ("bad/binary.txt", .undecodable), ("bad/broken.txt", .unreadable), ("bad/empty.txt", .empty),
            ("bad/fifo.txt", .unreadable), ("bad/gb18030.txt", nil), ("bad/image.png", .unsupportedFormat),
            ("bad/invalid-utf8.txt", .undecodable),
            ("bad/self.txt", .unreadable),
            ("bad/unreadable.txt", readsUnreadableFiles ? nil : .unreadable),
            ("bad/x.txt/inner.txt", nil),
        ]
        expected.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        return BatchFolder(
            root: root, expected: expected, originals: originals,
            gb18030: ("bad/gb18030.txt", gbOriginal))
    }

    /// Removes the folder (restoring permissions first).
    func remove() {
        chmod(root.appendingPathComponent("bad/unreadable.txt").path, 0o644)
        try? FileManager.default.removeItem(at: root)
    }
}

/// Reading `zhengce` output back.
enum Output {
    /// The records of a JSONL text, in order.
    static func records(_ jsonLines: String) throws -> [DocumentRecord] {
        try jsonLines.split(separator: "\n").map {
            try JSONFormat.decoder().decode(DocumentRecord.self, from: Data($0.utf8))
        }
    }

    /// The record of a single JSON document.
    static func record(_ json: String) throws -> DocumentRecord {
        try JSONFormat.decoder().decode(DocumentRecord.self, from: Data(json.utf8))
    }

    /// Runs a Python 3 program with arguments; returns its outcome.
    static func python(_ program: String, _ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", program] + arguments)
    }
}
