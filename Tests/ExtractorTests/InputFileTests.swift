import Extractor
import Foundation
import Testing
import TestSupport

/// The one place input files are looked at and read: every path gets its
/// bytes or a reason, and nothing blocks.
@Suite("Input files")
struct InputFileTests {
    @Test func aRegularFileIsReadWhole() throws {
        let folder = try CommandRunner.temporaryFolder("input-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("通知.txt").path
        let text = "关于印发《江城市人才引进办法》的通知\n给予最高50万元安家补贴。"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        #expect(InputFile.kind(of: path) == .file(size: text.utf8.count))
        #expect(try InputFile.read(path) == Array(text.utf8))
        let empty = folder.appendingPathComponent("空.txt").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(try InputFile.read(empty) == [])
    }

    @Test func whatCannotBeReadIsNamedWithItsReason() throws {
        let folder = try CommandRunner.temporaryFolder("input-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        let pipe = folder.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let loop = folder.appendingPathComponent("loop.txt").path
        try manager.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let broken = folder.appendingPathComponent("broken.txt").path
        try manager.createSymbolicLink(atPath: broken, withDestinationPath: folder.appendingPathComponent("nowhere.txt").path)
        let cases = [
            (pipe, "not a regular file (a FIFO)"), (loop, "symbolic link loop (too many levels of symbolic links)"),
            (broken, "broken symbolic link"), (folder.appendingPathComponent("gone.txt").path, "no such file"),
            (folder.path, "is a directory"),
        ]
        for (path, reason) in cases {
            // A FIFO is never opened: reading it would wait for a writer forever.
            #expect(throws: ExtractionError.unreadable(path: path, reason: reason)) { try InputFile.read(path) }
        }
        guard case .directory(let identity) = InputFile.kind(of: folder.path) else {
            Issue.record("a folder is a folder")
            return
        }
        #expect(InputFile.kind(of: folder.path + "/.") == .directory(identity))
    }
}
