import Foundation

/// Word lists and rule tables bundled under `Sources/Extractor/Resources/`.
///
/// Lists are UTF-8 text, one entry per line; `#` starts a comment and blank
/// lines are ignored. Keeping them as data lets a user read and extend the
/// vocabulary without touching the engine.
public enum RuleData {
    /// The entries of `Resources/<name>.txt`.
    public static func list(_ name: String) -> [String] {
        guard let text = text(name, extension: "txt") else {
            fatalError("missing bundled rule file \(name).txt")
        }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// The raw text of a bundled resource, or nil.
    /// `name` may name a file in a subfolder (`quantities/classifiers`).
    public static func text(_ name: String, extension ext: String) -> String? {
        var folder = "Resources", file = name
        if let slash = name.lastIndex(of: "/") {
            folder += "/" + name[..<slash]
            file = String(name[name.index(after: slash)...])
        }
        guard let url = Bundle.module.url(forResource: file, withExtension: ext, subdirectory: folder)
            ?? Bundle.module.url(forResource: name, withExtension: ext) else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// Decodes a bundled JSON resource.
    public static func json<T: Decodable>(_ name: String, as type: T.Type) -> T {
        guard let text = text(name, extension: "json"),
              let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else {
            fatalError("missing or invalid bundled rule file \(name).json")
        }
        return value
    }
}
