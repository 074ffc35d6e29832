import Foundation
import PackagePlugin

/// Embeds a target's `Resources/` folder (the word lists and rule tables) in
/// the target itself, at build time, so a built `zhengce` reads its rules from
/// its own binary and works wherever it is copied (no resource bundle beside
/// it).
///
/// The build command runs `scripts/embed-rule-data.sh`, which writes
/// `EmbeddedRuleData.generated.swift` from the folder. Every file of the folder is an
/// input of the command, so the build reruns it when one is edited; SwiftPM
/// plans the build again (and so calls this plugin again) when files appear
/// or go. Nobody regenerates or commits anything.
@main
struct EmbedRuleData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = target.directoryURL.appendingPathComponent("Resources")
        let script = context.package.directoryURL.appendingPathComponent("scripts/embed-rule-data.sh")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRuleData.generated.swift")
        return [
            .buildCommand(
                displayName: "Embedding the rule data of \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path, folder.path, output.path],
                inputFiles: [script] + (try Self.files(in: folder)),
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file under `folder`, sorted.
    private static func files(in folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw EmbedError("cannot list \(folder.path)")
        }
        var files: [URL] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}

/// Why the rule data could not be embedded; the build stops with it.
struct EmbedError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
