import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program as a separate process (posix_spawn) and collects what it
/// prints. The program gets no standard input, and is killed if it runs past
/// its time.
enum Subprocess {
    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var timedOut: Bool
    }

    enum Failure: Error {
        /// The program could not be started (`errno`).
        case cannotStart(Int32)
    }

    /// The first executable called `name` on `PATH` (or `name` itself when it has a `/`).
    static func find(_ name: String, path: String?) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = folder + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`; `outputLimit` bounds what is kept of stdout.
    static func run(_ executable: String, _ arguments: [String], timeoutSeconds: Int, outputLimit: Int) throws(Failure) -> Output {
        // Pipes are made close-on-exec and the program spawned under one lock,
        // so a worker spawning at the same time never inherits these pipes
        // (which would hold them open past this program's end).
        let (pid, outRead, errRead) = try spawnLock.withLock { _ throws(Failure) in
            try spawn(executable, arguments)
        }
        var output = Output(status: -1, stdout: [], stderr: [], timedOut: false)
        var open = [outRead, errRead]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let deadline = now() + timeoutSeconds * 1000
        while open.contains(where: { $0 >= 0 }), now() < deadline {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(max(0, min(deadline - now(), 1000))))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 { continue }
            for (slot, entry) in fds.enumerated() where entry.fd >= 0 && entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if slot == 0 {
                        if output.stdout.count < outputLimit { output.stdout += buffer[0..<count] }
                    } else if output.stderr.count < 1 << 16 {
                        output.stderr += buffer[0..<count]
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(entry.fd)
                    open[slot] = -1
                }
            }
        }
        if open.contains(where: { $0 >= 0 }) {
            output.timedOut = true
            kill(pid, SIGKILL)
            for fd in open where fd >= 0 { close(fd) }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out (the macros are not imported).
        output.status = status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
        return output
    }

    private static let spawnLock = Mutex(())

    /// Starts `executable` with stdin from /dev/null and stdout, stderr into
    /// new pipes; returns the process and the read ends.
    private static func spawn(_ executable: String, _ arguments: [String]) throws(Failure) -> (pid_t, Int32, Int32) {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe) else { throw .cannotStart(errno) }
        guard makePipe(&errPipe) else {
            let code = errno
            close(outPipe[0]); close(outPipe[1])
            throw .cannotStart(code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(outPipe[1]); close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw .cannotStart(spawned)
        }
        return (pid, outPipe[0], errPipe[0])
    }

    /// A pipe whose two ends close on exec.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Milliseconds on the monotonic clock.
    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int(time.tv_sec) * 1000 + Int(time.tv_nsec) / 1_000_000
    }
}
