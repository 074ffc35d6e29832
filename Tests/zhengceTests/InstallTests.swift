import Foundation
import Testing
import TestSupport

/// `scripts/install.sh` puts a `zhengce` on PATH that works wherever it is
/// copied: its word lists are built into it, so neither the source tree's
/// resource files nor `.build` need be there.
@Suite("Install")
struct InstallTests {
    private let root = Repository.root

    @Test func anInstalledCopyRunsWithTheBuildFolderHidden() throws {
        let prefix = try CommandRunner.temporaryFolder("prefix"), elsewhere = try CommandRunner.temporaryFolder("elsewhere")
        defer { try? FileManager.default.removeItem(at: prefix); try? FileManager.default.removeItem(at: elsewhere) }
        // The binary under test, installed as a user would (without rebuilding).
        let install = try CommandRunner.run(
            root.appendingPathComponent("scripts/install.sh"),
            ["--binary", CommandRunner.executable.path, prefix.path])
        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/zhengce")
        #expect(FileManager.default.isExecutableFile(atPath: installed.path))
        for doc in ["LICENSE", "README.md", "CHANGELOG.md", "schema.json"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/doc/zhengce/\(doc)").path), "\(doc)")
        }
        let copy = elsewhere.appendingPathComponent("zhengce")
        try FileManager.default.copyItem(at: installed, to: copy)
        let document = Repository.corpus[1].path
        let expected = try CommandRunner.run(["extract", document])
        #expect(expected.status == 0)

        // The copy, run from elsewhere with the build folders hidden.
        let hidden = Set([
            root.appendingPathComponent(".build").path,
            CommandRunner.executable.resolvingSymlinksInPath().deletingLastPathComponent().path,
        ])
        .filter { FileManager.default.fileExists(atPath: $0) }
        .sorted { $0.count > $1.count }  // the deeper first: hiding .build hides what is under it
        if let run = try Self.runHidingFolders(hidden, copy, ["extract", document], in: elsewhere) {
            #expect(run.status == 0, "\(run.stderr.prefix(500))")
            #expect(run.stdout == expected.stdout, "the copy reads the same rules")
        } else {
            let plain = try CommandRunner.run(copy, ["extract", document], in: elsewhere)
            #expect(plain.status == 0, "\(plain.stderr.prefix(500))")
            #expect(plain.stdout == expected.stdout, "the copy reads the same rules")
        }
    }

    /// Runs `program` where each of `folders` is an empty tmpfs (a private
    /// mount namespace: nothing changes for the rest of the test run), or
    /// returns nil, saying why, when this machine cannot make one.
    private static func runHidingFolders(
        _ folders: [String], _ program: URL, _ arguments: [String],
        in directory: URL
    ) throws -> CommandRunner.Outcome? {
        let unshare = URL(fileURLWithPath: "/usr/bin/unshare")
        guard FileManager.default.isExecutableFile(atPath: unshare.path) else {
            print("InstallTests: no /usr/bin/unshare to hide .build with; the copy runs with .build in place")
            return nil
        }
        // Exit 98: a hidden folder still shows (the test would prove nothing).
        let script = #"for d in $HIDE; do mount -t tmpfs tmpfs "$d" || exit 97; test -z "$(ls -A "$d")" || exit 98; done; exec "$@""#
        let run = try CommandRunner.run(
            unshare,
            [
                "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh",
                program.path,
            ] + arguments,
            in: directory, environment: ["HIDE": folders.joined(separator: " ")])
        if run.status == 97 || run.stderr.hasPrefix("unshare:") {
            print("InstallTests: cannot hide .build here (\(run.stderr.prefix(200))); the copy runs with .build in place")
            return nil
        }
        return run
    }

    @Test func theScriptRefusesWhatItCannotDo() throws {
        let script = root.appendingPathComponent("scripts/install.sh")
        let twoPrefixes = try CommandRunner.run(script, ["/tmp/a", "/tmp/b"])
        #expect(twoPrefixes.status == 2)
        #expect(twoPrefixes.stderr.contains("usage: scripts/install.sh"))
        let notBuilt = try CommandRunner.run(script, ["--binary", "/nonexistent/zhengce", "/tmp/unused"])
        #expect(notBuilt.status == 1)
        #expect(notBuilt.stderr.contains("/nonexistent/zhengce is not an executable"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/unused"))
    }

    @Test func theLicenceIsApache2AndTheReadmeSaysSo() throws {
        let licence = try String(contentsOf: root.appendingPathComponent("LICENSE"), encoding: .utf8)
        #expect(licence.contains("Apache License\n                           Version 2.0, January 2004"))
        #expect(licence.contains("END OF TERMS AND CONDITIONS"), "the full text")
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("[Apache License 2.0](LICENSE)"))
    }
}
