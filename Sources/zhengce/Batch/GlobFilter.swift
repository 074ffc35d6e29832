#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses the files a folder walk takes, with shell globs (`fnmatch(3)`,
/// case-insensitive). A pattern with a `/` is matched against the path relative
/// to the folder given (`drafts/*`), one without against the name alone (`*.txt`).
struct GlobFilter {
    /// The patterns a walk takes by default: every file, so that none is left
    /// out in silence (a file zhengce does not read gets an error record that
    /// says why: `.doc`, `.wps`, images…).
    static let defaultIncludes = ["*"]

    var includes: [String]
    var excludes: [String]
    /// Also walk names starting with `.` (skipped by default, like `.git`).
    var hidden: Bool

    init(includes: [String] = [], excludes: [String] = [], hidden: Bool = false) {
        self.includes = includes.isEmpty ? Self.defaultIncludes : includes
        self.excludes = excludes
        self.hidden = hidden
    }

    /// Whether a file found in a walk is a document to read.
    func takes(file relativePath: String) -> Bool {
        Self.matchesAny(includes, relativePath) && !skips(relativePath)
    }

    /// Whether a folder or file is left out of the walk altogether.
    func skips(_ relativePath: String) -> Bool {
        if !hidden, Self.name(relativePath).hasPrefix(".") { return true }
        return Self.matchesAny(excludes, relativePath)
    }

    private static func matchesAny(_ patterns: [String], _ relativePath: String) -> Bool {
        let name = Self.name(relativePath)
        for pattern in patterns {
            let subject = pattern.contains("/") ? relativePath : String(name)
            if fnmatch(pattern, subject, caseFold) == 0 { return true }
        }
        return false
    }

    private static func name(_ relativePath: String) -> Substring {
        relativePath.split(separator: "/", omittingEmptySubsequences: true).last ?? Substring(relativePath)
    }

    #if canImport(Glibc) || canImport(Musl)
    private static let caseFold: Int32 = 1 << 4  // FNM_CASEFOLD
    #else
    private static let caseFold: Int32 = FNM_CASEFOLD
    #endif
}
