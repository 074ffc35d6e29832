/// A document input found under the paths a user gave, for the commands that
/// walk files without the batch runner (`eval`, `check`, `review`, `residue`).
struct FoundFile: Sendable {
    /// The path as the user sees it.
    var path: String
    /// The path relative to the folder given (a file given: its name).
    var relativePath: String
}

/// Lists the inputs under the paths a user gave exactly as `extract` walks them
/// (``FileWalker`` with the default globs: sorted, symlink loops walked once).
/// Inputs that cannot be read (a broken link, a FIFO) are
/// listed too, so a command that reads them reports their failure.
enum DocumentWalker {
    /// Every input under `paths`, in walk order; inside folders, files whose
    /// names match one of `excluding` (glob patterns) are left out.
    static func files(in paths: [String], excluding: [String] = []) -> [FoundFile] {
        var found: [FoundFile] = []
        FileWalker(filter: GlobFilter(excludes: excluding)).walk(
            paths,
            visit: { input in
                found.append(FoundFile(path: input.path, relativePath: input.relativePath))
            }, warn: { _ in })
        return found
    }
}
