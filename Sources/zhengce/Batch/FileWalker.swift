import Extractor

/// A document input found on disk: a file to read, or a path that cannot be one.
struct FoundInput: Sendable {
    /// The path as the user sees it: the argument joined with the path under it.
    var path: String
    /// The path relative to the folder argument it was found in (a file argument: its name).
    var relativePath: String
    /// A regular file of `size` bytes, or why it cannot be read.
    var kind: Kind

    enum Kind: Sendable, Equatable {
        case file(size: Int)
        case problem(reason: String)
    }
}

/// Walks the files and folders a user names, depth first, in a fixed order.
///
/// - Within each folder, entries are visited in byte order of their names, a
///   folder's name counting with a trailing `/`, so the whole walk comes out in
///   byte order of relative paths (`LC_ALL=C sort`), on every machine.
/// - Symbolic links are followed; a folder reached twice (a loop such as
///   `link -> ..`, or a second link to the same folder) is walked once, by
///   device and inode, with a warning.
/// - A file argument is taken whatever its name; inside folders the
///   ``GlobFilter`` chooses. Something that matches but is not a readable
///   regular file (a FIFO, a broken link, a link loop, a folder that cannot be
///   listed) is still reported, as a problem, so the output has a record for
///   it. A folder is a folder whatever its name: one named `x.txt` is walked
///   like any other, and is no document itself.
/// - Memory holds the names of the folders on the current path only.
struct FileWalker {
    var filter: GlobFilter

    /// Visits every input under `arguments`, in order; `warn` hears about
    /// folders skipped as already walked.
    func walk(_ arguments: [String], visit: (FoundInput) throws -> Void, warn: (String) -> Void) rethrows {
        var visited = Set<InputFile.FolderIdentity>()
        for argument in arguments {
            let name = Self.lastComponent(argument)
            switch InputFile.kind(of: argument) {
            case .file(let size):
                try visit(FoundInput(path: argument, relativePath: name, kind: .file(size: size)))
            case .problem(let reason):
                try visit(FoundInput(path: argument, relativePath: name, kind: .problem(reason: reason)))
            case .directory(let identity):
                try walkFolder(
                    argument, relative: "", identity: identity, argument: argument,
                    visited: &visited, visit: visit, warn: warn)
            }
        }
    }

    private struct Entry {
        var name: String
        var kind: InputFile.Kind
        /// The name, with `/` after a folder's: sorting these sorts whole paths.
        var key: String
    }

    private func walkFolder(
        _ path: String, relative: String, identity: InputFile.FolderIdentity, argument: String,
        visited: inout Set<InputFile.FolderIdentity>, visit: (FoundInput) throws -> Void,
        warn: (String) -> Void
    ) rethrows {
        guard visited.insert(identity).inserted else {
            warn("\(path): folder already walked (a symbolic link loop or a second link to it); skipped")
            return
        }
        let names: [String]
        switch FileSystem.names(in: path) {
        case .success(let found): names = found
        case .failure(let error):
            try visit(
                FoundInput(
                    path: path, relativePath: relative.isEmpty ? Self.lastComponent(argument) : relative,
                    kind: .problem(reason: error.description)))
            return
        }
        var entries: [Entry] = []
        entries.reserveCapacity(names.count)
        for name in names {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            if filter.skips(childRelative) { continue }
            let kind = InputFile.kind(of: FileSystem.join(path, name))
            if case .directory = kind {
                entries.append(Entry(name: name, kind: kind, key: name + "/"))
            } else {
                entries.append(Entry(name: name, kind: kind, key: name))
            }
        }
        entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for entry in entries {
            let childPath = FileSystem.join(path, entry.name)
            let childRelative = relative.isEmpty ? entry.name : relative + "/" + entry.name
            let looksLikeDocument = filter.takes(file: childRelative)
            switch entry.kind {
            case .file(let size):
                if looksLikeDocument {
                    try visit(FoundInput(path: childPath, relativePath: childRelative, kind: .file(size: size)))
                }
            case .problem(let reason):
                if looksLikeDocument {
                    try visit(FoundInput(path: childPath, relativePath: childRelative, kind: .problem(reason: reason)))
                }
            case .directory(let childIdentity):
                try walkFolder(
                    childPath, relative: childRelative, identity: childIdentity, argument: argument,
                    visited: &visited, visit: visit, warn: warn)
            }
        }
    }

    /// The last component of a path, ignoring trailing slashes (`Corpus/` → `Corpus`).
    static func lastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return parts.last.map(String.init) ?? path
    }
}

/// Gives each input of a run its `documentId`, unique within the run.
///
/// The id is the input's path relative to the folder argument it was found in
/// (for a file argument, its name): `zhengce extract Corpus` gives
/// `000_3e4a7fe1f66d6319.txt`, `sub/a.txt`. Ids are stable across runs and
/// machines as long as the tree is the same, and the `json` output mirrors them
/// (`OUT/<documentId>.json`). When two arguments hold the same relative path,
/// the later input is named by its full path as given (`B/a.txt`); if that is
/// taken too (the same path given twice), `#2`, `#3`… is appended.
/// Streamed inputs use the `id` they carry (or their `path`).
struct DocumentIDs {
    private var used = Set<String>()

    /// A unique id for an input with this relative path and full path.
    mutating func assign(relativePath: String, path: String) -> String {
        for candidate in [relativePath, path] where used.insert(candidate).inserted {
            return candidate
        }
        var number = 2
        while !used.insert("\(path)#\(number)").inserted { number += 1 }
        return "\(path)#\(number)"
    }
}
