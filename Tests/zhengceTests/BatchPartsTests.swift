import Foundation
import Testing
import TestSupport
@testable import zhengce

/// The parts of the batch runner: walk order, globs, ids, the queues.
@Suite("Batch parts")
struct BatchPartsTests {
    @Test func walkOrderIsByteOrderOfRelativePaths() throws {
        let root = try CommandRunner.temporaryFolder("walk")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["a.txt", "a/b.txt", "a-c.txt", "B.txt", "a/a/z.md", "中文.txt", "z.htm", "a b/c.html"]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        var found: [String] = []
        FileWalker(filter: GlobFilter()).walk([root.path], visit: { found.append($0.relativePath) }, warn: { _ in })
        #expect(found == files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(found.first == "B.txt")
    }

    @Test(arguments: [
        ("a.txt", true), ("A.TXT", true), ("x/y/page.html", true), ("notes.pdf", true), ("scan.doc", true), (".hidden.txt", false),
        ("old.md", false), ("keep/drafts.txt", true), ("keep/drafts", false), ("archive/2019/a.txt", false),
    ])
    func globsChooseFiles(path: String, taken: Bool) {
        let filter = GlobFilter(includes: [], excludes: ["drafts", "old.*", "archive/*"])
        #expect(filter.takes(file: path) == taken)
    }

    @Test func excludedFoldersArePruned() {
        let filter = GlobFilter(includes: [], excludes: ["drafts"])
        #expect(filter.skips("drafts"))
        #expect(filter.skips("a/drafts"))
        #expect(!filter.skips("a/drafts.txt"))
        #expect(GlobFilter().skips(".git"))
        #expect(!GlobFilter(hidden: true).skips(".git"))
    }

    @Test func idsStayUnique() {
        var ids = DocumentIDs()
        #expect(ids.assign(relativePath: "a.txt", path: "A/a.txt") == "a.txt")
        #expect(ids.assign(relativePath: "a.txt", path: "B/a.txt") == "B/a.txt")
        #expect(ids.assign(relativePath: "a.txt", path: "B/a.txt") == "B/a.txt#2")
        #expect(ids.assign(relativePath: "a.txt", path: "B/a.txt") == "B/a.txt#3")
    }

    @Test(arguments: [
        (#"{"path":"a.txt"}"#, "a.txt", "a.txt", "file"),
        (#"{"id":"x","path":"a.md","text":"t"}"#, "x", "a.md", "bytes"),
        (#"{"id":"x","text":"t"}"#, "x", "x", "bytes"),
        (#"{"id":"x","base64":"5pS/562W"}"#, "x", "x", "bytes"),
        (#"{"id":"x","base64":"***"}"#, "x", "x", "failure"),
        (#"{"id":"x","format":"pdf","text":"t"}"#, "x", "x", "failure"),
        (#"{"text":"t"}"#, "<stdin line 7>", "<stdin line 7>", "bytes"),
        ("", "<stdin line 7>", "<stdin line 7>", "failure"),
        ("   ", "<stdin line 7>", "<stdin line 7>", "failure"),
    ])
    func streamRequests(line: String, id: String, path: String, kind: String) {
        let request = StreamRequest.parse(line, number: 7)
        #expect(request.documentId == id)
        #expect(request.path == path)
        switch request.content {
        case .file: #expect(kind == "file")
        case .bytes: #expect(kind == "bytes")
        case .failure: #expect(kind == "failure")
        case .request: Issue.record("parsed requests are never requests")
        }
    }

    @Test func base64BytesAreDecoded() {
        guard case .bytes(let bytes, _) = StreamRequest.parse(#"{"id":"x","base64":"5pS/562W"}"#, number: 1).content else {
            Issue.record("not bytes")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "政策")
    }

    @Test func reorderBufferHandsBackInputOrder() {
        let queue = BoundedQueue<Int>(capacity: 4)
        let results = ReorderBuffer<Int>(window: 3)
        let total = 500
        Thread {
            for index in 0..<total { queue.put(index) }
            queue.close()
            results.finish(total: total)
        }.start()
        for worker in 0..<4 {
            Thread {
                while let index = queue.take() {
                    if (index + worker) % 7 == 0 { usleep(200) }
                    results.put(index, index * 2)
                }
            }.start()
        }
        var received: [Int] = []
        while let value = results.take() { received.append(value) }
        #expect(received == (0..<total).map { $0 * 2 })
    }
}
