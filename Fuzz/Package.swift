// swift-tools-version:6.1
// The fuzz target over zhengce's whole pipeline, kept in its own package so
// the main Package.swift stays free of sanitizer settings. Build and run it
// with `scripts/fuzz.sh`; see that script for the flags.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between
// checkouts (`main`, `wt-robustness`, a CI clone), so read it from here.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "zhengce-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // Declares libFuzzer's driver for the entry point.
        .target(name: "CLibFuzzer"),
        // `@main` hands the command line to libFuzzer's driver, which calls
        // `LLVMFuzzerTestOneInput` (also exported, for other fuzz engines).
        .executableTarget(
            name: "FuzzPipeline",
            dependencies: [
                "CLibFuzzer",
                .product(name: "Extractor", package: rootIdentity),
                .product(name: "Segmenter", package: rootIdentity),
                .product(name: "Formats", package: rootIdentity),
            ]
        ),
    ]
)
