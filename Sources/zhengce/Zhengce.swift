import ArgumentParser

/// The `zhengce` command: reads Chinese policy documents into structured data.
@main
struct Zhengce: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhengce",
        abstract: "Read Chinese government policy documents into structured, checkable data.",
        discussion: """
        zhengce (政策) extracts metadata, numbered measures with their lead and cooperating \
        departments, money amounts, counts, percentages, cited documents and organisations \
        from notices, opinions, action plans and news reports, each with its exact place \
        (code-point span) in the original text.

        Start with:
          zhengce extract Corpus/ -o out/          one JSON file per document
          zhengce text Corpus/001_3844e15ad01e42f4.txt   the cleaned text the matchers read
        """,
        version: "0.1.0",
        subcommands: [ExtractCommand.self, TextCommand.self, SegmentCommand.self,
                      EvalCommand.self, CheckCommand.self, ExplainCommand.self, ReviewCommand.self]
    )
}
