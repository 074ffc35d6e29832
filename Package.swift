// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "zhengce",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zhengce", targets: ["zhengce"]),
        .library(name: "Extractor", targets: ["Extractor"]),
        .library(name: "Segmenter", targets: ["Segmenter"]),
        .library(name: "Formats", targets: ["Formats"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
    ],
    dependencies: [
        // The command line: subcommands, typed options, generated --help.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The one C room: a thin wrapper over the system ICU (Debian's libicu-dev).
        // Its public header uses plain C types only, so no module ever sees
        // <unicode/*.h> next to Foundation's own ICU.
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        // libxml2's headers, through pkg-config (-I/usr/include/libxml2), for
        // the CZipXML room only.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The second C room: zip archives through Debian's libzip (libzip-dev)
        // and XML through libxml2's pull reader, for DOCX and OFD. Plain C types
        // in its header, like CICU.
        .target(
            name: "CZipXML",
            dependencies: ["CLibXML2"],
            linkerSettings: [.linkedLibrary("zip"), .linkedLibrary("xml2")]
        ),
        // The layers, each seeing only those below it:
        //   TextTools   character classes, word lists, numerals (no dependency)
        //   Segmenter   decoding, normalising, offset maps, ICU breakers
        //   Formats     PDF, DOCX and OFD read to text
        //   Extractor   readers, matchers, the model and its output formats
        //   Evaluation  scoring, fixtures, the ratchet, explain's rendering
        //   zhengce     the command line
        .target(name: "TextTools"),
        .target(name: "Segmenter", dependencies: ["CICU", "TextTools"]),
        // PDF (poppler's pdftotext, run as a separate process), DOCX and OFD read
        // to text with their page breaks; a file's format told by its bytes.
        .target(name: "Formats", dependencies: ["CZipXML"]),
        // The word lists and rule tables of Resources/ are embedded in the
        // module at build time (the EmbedRuleData plugin), so the binary
        // needs no resource bundle beside it.
        .target(
            name: "Extractor",
            dependencies: ["TextTools", "Segmenter", "Formats"],
            exclude: ["Resources"],
            plugins: ["EmbedRuleData"]
        ),
        .plugin(name: "EmbedRuleData", capability: .buildTool()),
        .target(name: "Evaluation", dependencies: ["Extractor"]),
        // Review pages: a document's text with its items in place (`zhengce review`).
        .target(name: "Review", dependencies: ["Extractor", "Evaluation"]),
        .executableTarget(
            name: "zhengce",
            dependencies: [
                "Extractor",
                "Evaluation",
                "Review",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput of each stage: `swift run -c release zhengce-bench`.
        .executableTarget(name: "zhengce-bench", dependencies: ["Extractor", "Segmenter"], path: "Benchmarks/zhengce-bench"),
        .target(name: "TestSupport", dependencies: ["Extractor", "Segmenter"], path: "Tests/TestSupport"),
        .testTarget(name: "TextToolsTests", dependencies: ["TextTools"]),
        .testTarget(name: "SegmenterTests", dependencies: ["Segmenter", "TestSupport"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "TestSupport"]),
        .testTarget(
            name: "ExtractorTests",
            dependencies: ["Extractor", "TestSupport"],
            resources: [.copy("Cases")]
        ),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Extractor", "TestSupport"]),
        .testTarget(name: "zhengceTests", dependencies: ["zhengce", "TestSupport"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Evaluation", "TestSupport"]),
    ]
)
