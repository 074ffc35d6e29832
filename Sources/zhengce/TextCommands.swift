import ArgumentParser
import Extractor
import Foundation
import Segmenter

/// Options shared by the commands that read one file.
struct SingleFileOptions: ParsableArguments {
    @Argument(help: "The document to read.")
    var file: String

    @Option(name: .customLong("as"), help: "Read the file as plain, markdown or html instead of guessing from its name and content.")
    var format: DocumentFormat?

    func read() throws -> TextDocument {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(file)
        } catch {
            throw ValidationError(error.description)
        }
        do {
            return try DocumentExtractor.read(bytes: bytes, path: file, format: format)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

extension DocumentFormat: ExpressibleByArgument {}

/// `zhengce text`: the normalised text the matchers read.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the cleaned text the matchers read.",
        discussion: """
            Shows what normalisation did: markup stripped, full-width digits and brackets \
            folded, spaces between Chinese characters dropped, lines broken inside a sentence \
            joined, page numbers removed. With --map, each line is followed by the original \
            code-point span it came from. With --original, the text every span indexes: for a \
            PDF (through pdftotext), DOCX or OFD, the text read out of it.

            Example:
              zhengce text Corpus/002_d9585925bc72a482.txt
            """
    )

    @OptionGroup var options: SingleFileOptions

    @Flag(help: "After each line, print the original span it maps to.")
    var map = false

    @Flag(
        help:
            "Print the original text every span indexes instead: the decoded file, or the text read out of a PDF (pages ended by form feeds), DOCX or OFD."
    )
    var original = false

    func run() throws {
        let document = try options.read()
        if original {
            print(String(String.UnicodeScalarView(document.original)), terminator: "")
            return
        }
        let text = document.text
        var start = 0
        for index in 0...text.count where index == text.count || text[index] == "\n" {
            let line = text.string(start..<index)
            if map {
                let range = document.originalRange(of: start..<index)
                print("\(line)\t[\(range.lowerBound), \(range.upperBound))")
            } else {
                print(line)
            }
            start = index + 1
        }
    }
}

/// `zhengce segment`: sentences and words.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Print the sentences and words of a document, with original spans.",
        discussion: """
            Sentences come from ICU's sentence rules over the cleaned text, words from ICU's \
            dictionary word breaker; each word is tagged with ICU's kind (ideographic, number, \
            letter). Spans are code points into the original file.

            Example:
              zhengce segment Corpus/001_3844e15ad01e42f4.txt --words
            """
    )

    @OptionGroup var options: SingleFileOptions

    @Flag(help: "Also list the words of each sentence.")
    var words = false

    func run() throws {
        let document = try options.read()
        let segmenter = try Segmenter()
        for sentence in try segmenter.sentences(in: document.text) {
            let span = document.originalRange(of: sentence)
            print("[\(span.lowerBound), \(span.upperBound)) \(document.text.string(sentence))")
            guard words else { continue }
            let pieces = try segmenter.words(in: document.text, range: sentence)
                .filter { $0.kind != .none }
                .map { "\(document.text.string($0.range))/\($0.kind.rawValue)" }
            print("    " + pieces.joined(separator: " "))
        }
    }
}
