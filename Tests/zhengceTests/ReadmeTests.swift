import Foundation
import Testing
import TestSupport

/// What the README promises a new user holds: its commands, its output names,
/// its pandas example.
@Suite("README")
struct ReadmeTests {
    private let readme: String = {
        (try? String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    @Test func theTwoCommandsAndTheInstallStepAreThere() {
        #expect(readme.contains("scripts/setup.sh && swift run -c release zhengce extract Corpus -o out"))
        #expect(readme.contains("\nswift test\n"))
        #expect(readme.contains("## Install"))
        #expect(readme.contains("scripts/install.sh"))
        #expect(FileManager.default.isExecutableFile(atPath: Repository.root.appendingPathComponent("scripts/install.sh").path))
    }

    /// The README names outputs `out/NAME.txt.json`; so does the command.
    @Test func outputFilesAreNamedAsTheReadmeSays() throws {
        #expect(readme.contains("out/NAME.txt.json"))
        #expect(!readme.contains("out/NAME.json"))
        let work = try CommandRunner.temporaryFolder("readme")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("docs/sub"), withIntermediateDirectories: true)
        try Data("给予50万元。".utf8).write(to: work.appendingPathComponent("docs/sub/a.txt"))
        try Data("给予60万元。".utf8).write(to: work.appendingPathComponent("docs/sub/a.md"))
        let run = try CommandRunner.run(["extract", "docs/", "-o", "out/"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        let written = try FileManager.default.subpathsOfDirectory(atPath: work.appendingPathComponent("out").path).sorted()
        #expect(written == ["sub", "sub/a.md.json", "sub/a.txt.json"])
    }

    /// Measure numbers are labels: the pandas example reads them as text.
    @Test func thePandasExampleReadsMeasureNumbersAsText() {
        #expect(readme.contains(#"dtype={"document_id": str, "measure_number": str}"#))
        #expect(readme.contains(#""number": str"#))
    }

    @Test func checkAndEvalAreSaidToBeForTheRepositorysFixtures() {
        #expect(readme.contains("`eval` and `check` are for the fixtures inside this repository"))
    }
}
