import Foundation

/// What a finished child process left behind.
public struct SpawnResult: Sendable {
    public var status: Int32
    public var output: String
    public var errors: String

    public init(status: Int32, output: String, errors: String) {
        self.status = status
        self.output = output
        self.errors = errors
    }
}

/// Errors starting a child process.
public struct SpawnError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// Runs a program to completion with `posix_spawn`, for the tmux tests.
///
/// Not `Foundation.Process`: the tmux server it starts would inherit Process's exit-detection
/// pipe and waiting would hang forever. Not a plain `posix_spawn` either: Swift Testing's threads
/// block nearly every signal and a child inherits that mask (then no SIGWINCH, no SIGCHLD, no
/// SIGTERM reaches the program under test). So the child gets an empty signal mask and default
/// dispositions, and our pipe ends are close-on-exec so no grandchild keeps them open.
public enum Spawn {
    public static func run(_ arguments: [String], environment: [String: String]) throws -> SpawnResult {
        guard let program = arguments.first else { throw SpawnError(description: "no program given") }
        let output = try makePipe()
        let errors = try makePipe()
        defer {
            for fd in [output.read, errors.read] { close(fd) }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let started = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        close(output.write)
        close(errors.write)
        guard started == 0 else {
            throw SpawnError(description: "cannot start \(program): \(String(cString: strerror(started)))")
        }
        let (outputData, errorData) = readBoth(output.read, errors.read)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return SpawnResult(
            status: exitCode(status), output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    /// The exit status, or 128 + signal for a killed child, as a shell reports it.
    private static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw SpawnError(description: "pipe failed: \(errno)") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// Reads both pipes to their end together, so a chatty child cannot block on a full pipe.
    private static func readBoth(_ first: Int32, _ second: Int32) -> (Data, Data) {
        var data = [Data(), Data()]
        var open = [true, true]
        let fds = [first, second]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while open.contains(true) {
            var polled = fds.enumerated().map { index, fd in
                pollfd(fd: open[index] ? fd : -1, events: Int16(POLLIN), revents: 0)
            }
            let ready = poll(&polled, nfds_t(polled.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in 0..<2 where open[index] && polled[index].revents != 0 {
                let count = read(fds[index], &buffer, buffer.count)
                if count > 0 {
                    data[index].append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    open[index] = false
                }
            }
        }
        return (data[0], data[1])
    }
}
