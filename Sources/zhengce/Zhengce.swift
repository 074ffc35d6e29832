import ArgumentParser

/// The `zhengce` command: reads Chinese policy documents into structured data.
@main
struct Zhengce: ParsableCommand {
    /// The version of zhengce: `zhengce --version`, and the newest release
    /// in CHANGELOG.md (a test keeps the two the same).
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "zhengce",
        abstract: "Read Chinese policy documents into structured, checkable data.",
        discussion: """
            zhengce (政策) extracts metadata, numbered measures with their lead and \
            cooperating departments, money amounts, counts, percentages, cited documents \
            and organisations from notices, opinions, action plans and news reports, each \
            with its exact place (code-point span) in the original text.

            Reads text (.txt, .md, .html; UTF-8, UTF-16, GB18030), PDF (needs poppler's \
            pdftotext: apt-get install poppler-utils), DOCX and OFD, told by their bytes; \
            .doc and .wps must be saved as DOCX or PDF first, and scanned PDFs need OCR \
            (both get error records saying so).

            Start with:
              zhengce extract notice.txt            one document's JSON on stdout
              zhengce extract docs/ -o out/         out/NAME.txt.json per document
              zhengce extract docs/ --format csv -o tables/     tables for pandas, R
              zhengce text notice.txt               the cleaned text the matchers read
              zhengce explain notice.txt            every item with the rule behind it
              zhengce help extract                  every option, with examples

            check and eval compare with the fixtures in the zhengce repository: run them \
            from its root.
            """,
        version: version,
        subcommands: [
            ExtractCommand.self, TextCommand.self, SegmentCommand.self,
            EvalCommand.self, CheckCommand.self, ExplainCommand.self, ResidueCommand.self, ReviewCommand.self,
        ]
    )
}
