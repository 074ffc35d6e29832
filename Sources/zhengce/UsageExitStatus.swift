import ArgumentParser
import Foundation

extension Zhengce {
    /// Runs the command like ArgumentParser's own `main()`, except that a usage
    /// error (unknown option, bad value, failed validation) exits with status 2,
    /// the shell convention every subcommand's `--help` promises, instead of
    /// ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
