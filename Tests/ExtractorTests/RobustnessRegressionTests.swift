import Foundation
import Testing

/// Replays every input saved under `Cases/robustness/`: inputs that once
/// crashed, hung or gave a broken result (most found by `scripts/fuzz.sh`).
/// Each must now pass every check of ``PipelineCheck`` in every format.
///
/// To add one: copy the fuzzer's finding there under a name that says what it
/// broke (`quantity-range-overflow.txt`); the bytes are read as they are.
@Suite("Saved crash inputs")
struct RobustnessRegressionTests {
    /// The saved inputs, by file name.
    static let inputs: [String] = {
        guard
            let folder = Bundle.module.url(forResource: "robustness", withExtension: nil, subdirectory: "Cases")
                ?? Bundle.module.url(forResource: "Cases/robustness", withExtension: nil)
        else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        let folder = try #require(
            Bundle.module.url(forResource: "robustness", withExtension: nil, subdirectory: "Cases")
                ?? Bundle.module.url(forResource: "Cases/robustness", withExtension: nil))
        return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test("the saved inputs are found")
    func inputsAreFound() {
        #expect(!Self.inputs.isEmpty, "no inputs under Cases/robustness")
    }

    @Test("a saved input passes every check", arguments: inputs)
    func savedInput(_ name: String) throws {
        let problems = try PipelineCheck().problems(bytes: try Self.bytes(name), path: name)
        #expect(problems.isEmpty, "\(name): \(problems.prefix(5))")
    }
}
