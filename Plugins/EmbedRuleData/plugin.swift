import Foundation
import PackagePlugin

/// Embeds a target's `Resources/` folder (the word lists and rule tables) in
/// the target itself, at build time: the tool `embed-rule-data` writes one
/// Swift file holding every file's bytes, so a built `zhengce` reads its rules
/// from its own binary and works wherever it is copied (no resource bundle
/// beside it). The folder is read afresh on every build: an edited, added or
/// removed list file is picked up without anyone regenerating anything.
@main
struct EmbedRuleData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = target.directoryURL.appendingPathComponent("Resources")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRuleData.swift")
        return [
            .buildCommand(
                displayName: "Embedding the rule data of \(target.name)",
                executable: try context.tool(named: "embed-rule-data").url,
                arguments: [folder.path, output.path],
                inputFiles: try Self.files(in: folder),
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file under `folder`, sorted: the build reruns the tool
    /// when one of them changes, and when the list itself changes.
    private static func files(in folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw PluginError("cannot list \(folder.path)")
        }
        var files: [URL] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}

struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
