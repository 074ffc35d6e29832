import ArgumentParser
import Extractor
import Foundation

/// `zhengce extract`: documents and folders in; JSON files, JSON lines or CSV tables out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract structured data from documents and folders of documents.",
        discussion: """
            Reads every file found under the folders given, recursively, in byte order of their \
            paths: text (.txt, .md, .html; UTF-8, UTF-16 with BOM, GB18030), PDF (through \
            poppler's pdftotext: install poppler-utils), DOCX and OFD, told by their bytes. Other \
            formats (.doc and .wps: save as DOCX or PDF first; images; spreadsheets) and PDFs \
            without a text layer get error records that say so. Every input gives exactly one \
            record: the result (source, metadata, sections, measures, amounts, counts, \
            percentages, references, organisations; every item with a span in code points, \
            half-open, into the original text), or an error record with the path and the reason \
            (empty, binary, undecodable, unreadable, unsupported-format, no-text-layer, encrypted, \
            damaged, converter-missing, a broken or looping symbolic link). Records carry \
            "schemaVersion" and "documentId" \
            (docs/schema.json).

            documentId: the path relative to the folder given (a file given: its name), e.g. \
            sub/a.txt. If two folders given hold the same relative path, the later document is \
            named by its full path; the same path given twice gets #2.

            Formats:
              json   one indented record per document: with -o, the file
                     OUT/<documentId>.json, mirroring the input tree (written
                     atomically); without -o, standard output.
              jsonl  one line per document, in input order, to -o FILE or stdout.
              csv    a folder of tables joined on document_id: documents, sections,
                     measures, responsibilities (measure x department x role),
                     amounts, counts, percentages, references, organizations,
                     diagnostics, errors. RFC 4180, UTF-8 (--excel adds a BOM and
                     defuses formulas, for Excel); lists in a cell are joined with "|".
            See docs/datasets.md for the columns.

            Resuming (--skip-existing): json skips documents whose OUT/<documentId>.json \
            exists; jsonl reads the documentIds already in the file, drops a last line cut \
            short, and appends the others; csv takes the documents listed in documents.csv as \
            done, drops other tables' rows of documents not listed, and appends the others.

            If zhengce itself crashes on a document (a bug), it names the document on standard \
            error and notes it in FILE.crashed.txt (jsonl) or OUT/zhengce-crashed.txt; a run \
            with --skip-existing then records that document as an error and goes on.

            Streaming (--stdin): reads JSON lines {"path": ...}, {"id": ..., "text": ...} or \
            {"id": ..., "base64": ...} (optional "format": plain, markdown, html) and writes \
            exactly one JSON line per input line (error records too), in input order, each \
            flushed at once: a mapper for Spark's RDD.pipe or Hadoop Streaming \
            (Examples/spark/).

            Examples:
              zhengce extract notice.txt                    the JSON of one document
              zhengce extract Corpus/ -o out/               out/NAME.txt.json per document
              zhengce extract Corpus/ --format jsonl > all.jsonl
              zhengce extract docs/ --format csv --excel -o tables/
              zhengce extract docs/ -o out/ --skip-existing     resume an interrupted run

            A progress bar is drawn on standard error when it is a terminal; a one-line \
            summary follows the run (--quiet silences both, and the per-document errors).

            Exit status: 0 when every document was extracted, 1 when some failed (each failure \
            is in the output as an error record and on standard error) or the output could not \
            be written, 2 on a usage error (a path that does not exist among them: nothing is \
            written). An empty file gets an error record of kind "empty" and a warning, but \
            does not fail the run.
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, csv
    }

    @Argument(help: "Files or folders to read (folders are walked recursively).")
    var paths: [String] = []

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write here: a folder for json and csv, a file for jsonl. Default: standard output.",
            valueName: "path"))
    var output: String?

    @Option(name: .shortAndLong, help: "json, jsonl or csv (default: json; jsonl with --stdin).")
    var format: Format?

    @Option(
        help: ArgumentHelp(
            "Tag measures with the policy instruments of this cue dictionary instead of the bundled Rothwell–Zegveld one "
                + "(lines of type, tool and cue separated by tabs; see docs/datasets.md).",
            valueName: "file"))
    var instruments: String?

    @Flag(
        help:
            "csv: for Excel: start each table with a UTF-8 byte order mark, and put ' before text Excel would run as a formula (=, +, -, @)."
    )
    var excel = false

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Documents extracted in parallel (default: the number of active processors).", valueName: "n"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Take only files matching this glob in folders (repeatable; by default every file is taken). "
                + "A glob with / matches the path under the folder given, one without the file name; case-insensitive.",
            valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Leave out files and folders matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Flag(help: "Also walk files and folders whose names start with a dot.")
    var hidden = false

    @Flag(help: "Resume: leave out documents already in the output (see above).")
    var skipExisting = false

    @Flag(help: "Read JSON lines from standard input and write one JSON line per input (see above).")
    var stdin = false

    @Flag(name: .shortAndLong, help: "No progress bar, no summary, no per-document errors on standard error.")
    var quiet = false

    /// The format in effect.
    var effectiveFormat: Format { format ?? (stdin ? .jsonl : .json) }

    func validate() throws {
        if stdin {
            guard paths.isEmpty else { throw ValidationError("--stdin reads its inputs from standard input; give no paths.") }
            guard effectiveFormat == .jsonl else { throw ValidationError("--stdin writes JSON lines; --format must be jsonl.") }
            guard !skipExisting else { throw ValidationError("--skip-existing does not apply to --stdin.") }
        } else if paths.isEmpty {
            throw ValidationError("Give files or folders to read, or --stdin.")
        }
        // A mistyped path is the user's slip, not a document that failed:
        // nothing is written. (A broken link or a FIFO exists: it gets a record.)
        for path in paths where !FileSystem.exists(path) {
            throw ValidationError("\(path): no such file or folder.")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if excel && effectiveFormat != .csv { throw ValidationError("--excel applies to --format csv.") }
        if skipExisting && output == nil { throw ValidationError("--skip-existing needs -o: the output to resume.") }
        switch (effectiveFormat, output) {
        case (.csv, nil):
            throw ValidationError("--format csv writes a folder of tables; give it with -o.")
        case (.json, let path?), (.csv, let path?):
            if case .file = InputFile.kind(of: path) {
                throw ValidationError("\(path) is a file; -o needs a folder for \(effectiveFormat).")
            }
        case (.jsonl, let path?):
            if case .directory = InputFile.kind(of: path) { throw ValidationError("\(path) is a folder; -o needs a file for jsonl.") }
        default:
            break
        }
    }

    func run() throws {
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let writesToTerminal = output == nil && ProgressReporter.standardOutputIsTerminal
        let progress = ProgressReporter(
            showsBar: ProgressReporter.standardErrorIsTerminal && !writesToTerminal,
            quiet: quiet)
        // The dictionary first: a bad one stops the run before any output is touched.
        var dictionary = InstrumentDictionary.bundled
        if let instruments {
            do {
                dictionary = try InstrumentDictionary(contentsOf: instruments)
            } catch {
                throw ValidationError(error.description)
            }
        }
        let sink: any RecordSink
        do {
            sink = try makeSink()
        } catch let error as BatchError {
            throw ValidationError(error.description)
        }
        // A crash names its document and notes it beside the output; a resumed
        // run records the documents noted as errors instead of crashing again.
        var pipeline = BatchPipeline(jobs: jobs, sink: sink, progress: progress)
        pipeline.instruments = dictionary
        let journal = CrashGuard.journalPath(output: output, outputIsFolder: effectiveFormat != .jsonl)
        if let journal {
            if skipExisting {
                pipeline.crashedBefore = CrashGuard.crashedDocuments(journalPath: journal)
            } else {
                try? FileManager.default.removeItem(atPath: journal)
            }
        }
        CrashGuard.install(journalPath: journal)
        do {
            if stdin {
                try pipeline.run(Self.readStandardInput)
            } else {
                let walker = FileWalker(filter: GlobFilter(includes: include, excludes: exclude, hidden: hidden))
                if progress.showsBar { Self.countInBackground(walker, paths, progress) }
                try pipeline.run { [paths] enqueue in
                    var ids = DocumentIDs()
                    walker.walk(
                        paths,
                        visit: { found in
                            let id = ids.assign(relativePath: found.relativePath, path: found.path)
                            switch found.kind {
                            case .file:
                                enqueue(id, found.path, .file(format: nil))
                            case .problem(let reason):
                                enqueue(id, found.path, .failure(DocumentFailure(path: found.path, kind: .unreadable, reason: reason)))
                            }
                        }, warn: progress.warn)
                }
            }
        } catch let error as BatchError {
            progress.finish()
            FileHandle.standardError.write(Data("zhengce: error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        let summary = progress.finish()
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// The sink for the chosen format and output.
    private func makeSink() throws -> any RecordSink {
        switch (effectiveFormat, output) {
        case (.json, let folder?):
            return try JSONFolderSink(folder: folder, skipExisting: skipExisting)
        case (.json, nil):
            return JSONStreamSink(output: .standardOutput(), pretty: true, flushEachRecord: false)
        case (.jsonl, let file?):
            let resuming = skipExisting && FileSystem.exists(file)
            let done = resuming ? try ResumeReader.jsonLines(at: file) : []
            return JSONStreamSink(
                output: try OutputFile.open(file, append: resuming), pretty: false,
                flushEachRecord: stdin, done: done)
        case (.jsonl, nil):
            return JSONStreamSink(output: .standardOutput(), pretty: false, flushEachRecord: stdin)
        case (.csv, let folder?):
            return try CSVTablesSink(folder: folder, excel: excel, skipExisting: skipExisting)
        case (.csv, nil):
            throw BatchError.output("--format csv needs -o")
        }
    }

    /// The producer of `--stdin`: every line is an input, blank and broken ones included.
    @Sendable private static func readStandardInput(_ enqueue: BatchPipeline.Enqueue) {
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            enqueue("", "", .request(line: line, number: number))
        }
    }

    /// Counts the documents and bytes to expect, for the progress bar, while the work starts.
    private static func countInBackground(_ walker: FileWalker, _ paths: [String], _ progress: ProgressReporter) {
        Thread {
            var documents = 0, bytes = 0
            walker.walk(
                paths,
                visit: { found in
                    documents += 1
                    if case .file(let size) = found.kind { bytes += size }
                }, warn: { _ in })
            progress.setTotal(documents: documents, bytes: bytes)
        }.start()
    }
}
