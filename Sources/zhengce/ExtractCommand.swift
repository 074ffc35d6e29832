import ArgumentParser
import Extractor
import Foundation

/// `zhengce extract`: documents in, JSON out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract structured data from documents and folders of documents.",
        discussion: """
        Reads .txt, .md, .html and .htm files (UTF-8, UTF-16 with BOM, GB18030) and \
        writes one JSON record per document: its source (path, sha256, encoding, format), \
        metadata, sections, measures, amounts, counts, percentages, references and \
        organisations. Every item has a span: code points, half-open, into the original text.

        Examples:
          zhengce extract notice.txt                   print the JSON of one document
          zhengce extract Corpus/ -o out/              one out/NAME.json per document
          zhengce extract Corpus/ --format jsonl > all.jsonl

        Exit status: 0 when every document was extracted, 1 when some failed (each \
        failure is reported with its path and reason), 2 on a usage error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl
    }

    @Argument(help: "Files or folders to read (folders are walked recursively).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write here: a folder for --format json, a file for jsonl. Default: standard output.")
    var output: String?

    @Option(name: .shortAndLong, help: "json: one indented record per document; jsonl: one line per document.")
    var format: Format = .json

    func run() throws {
        let files = DocumentWalker.files(in: paths)
        let extractor = try DocumentExtractor()
        var failures = 0
        let writer = try OutputWriter(format: format, output: output)
        for file in files {
            do {
                let result = try extractor.extract(fileAt: file.path)
                try writer.write(result, relativePath: file.relativePath)
            } catch let error as ExtractionError {
                failures += 1
                FileHandle.standardError.write(Data("zhengce: \(error.description)\n".utf8))
            }
        }
        try writer.finish()
        if failures > 0 { throw ExitCode(1) }
    }
}

/// A file to read, with its path relative to the folder it was found in.
struct FoundFile {
    var path: String
    var relativePath: String
}

/// Finds the documents under the paths a user gave.
enum DocumentWalker {
    static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    static func files(in paths: [String]) -> [FoundFile] {
        var found: [FoundFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: path)
                var inFolder: [String] = []
                while let relative = enumerator?.nextObject() as? String {
                    if extensions.contains((relative as NSString).pathExtension.lowercased()) { inFolder.append(relative) }
                }
                for relative in inFolder.sorted() {
                    found.append(FoundFile(path: (path as NSString).appendingPathComponent(relative), relativePath: relative))
                }
            } else {
                found.append(FoundFile(path: path, relativePath: (path as NSString).lastPathComponent))
            }
        }
        return found
    }
}

/// Writes results where the user asked.
final class OutputWriter {
    private let format: ExtractCommand.Format
    private let output: String?
    private var lines: FileHandle?

    init(format: ExtractCommand.Format, output: String?) throws {
        self.format = format
        self.output = output
        if let output, format == .json {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } else if let output, format == .jsonl {
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            lines = FileHandle(forWritingAtPath: output)
        }
    }

    func write(_ result: ExtractionResult, relativePath: String) throws {
        switch (format, output) {
        case (.json, let folder?):
            let target = (folder as NSString).appendingPathComponent(relativePath + ".json")
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data((try JSONFormat.encode(result, pretty: true) + "\n").utf8).write(to: URL(fileURLWithPath: target))
        case (.json, nil):
            print(try JSONFormat.encode(result, pretty: true))
        case (.jsonl, _):
            let line = try JSONFormat.encode(result, pretty: false) + "\n"
            if let lines { lines.write(Data(line.utf8)) } else { print(line, terminator: "") }
        }
    }

    func finish() throws { try lines?.close() }
}
