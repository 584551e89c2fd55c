import Dashboard
import Foundation

/// Ctrl-E in the log form's note: the note goes into a private temporary file (0600, made by
/// `mkstemp`), `$VISUAL`, else `$EDITOR`, else `vi` edits it with the terminal, and the text
/// comes back; the file is removed whatever happens.
enum NoteEditor {
    /// The editor command: `$VISUAL`, then `$EDITOR`, then `vi`. It may carry arguments
    /// ("code --wait"), so it runs through `/bin/sh -c '… "$1"'` with the file as `$1`.
    static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return value
            }
        }
        return "vi"
    }

    /// Edits `note`; `run` is where the editor runs (outside full-screen mode).
    static func edit(
        _ note: String, environment: [String: String],
        run: (() -> Result<String, EditorFailure>) ->
            Result<String, EditorFailure>
    ) -> Result<String, EditorFailure> {
        let folder = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        var template = Array(
            (folder as NSString).appendingPathComponent("clientele-note-XXXXXX.txt").utf8CString)
        let descriptor = mkstemps(&template, 4)
        guard descriptor >= 0 else { return .failure(.failed(String(cString: strerror(errno)))) }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        // mkstemp already made it 0600; say so in case of an unusual umask or file system.
        fchmod(descriptor, 0o600)
        let bytes = Array(note.utf8) + (note.isEmpty || note.hasSuffix("\n") ? [] : [UInt8(ascii: "\n")])
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { return .failure(.failed("could not write \(path)")) }
        let editor = command(environment: environment)
        return run {
            let status = spawnAndWait(
                ["/bin/sh", "-c", editor + " \"$1\"", "sh", path], environment: environment)
            guard status == 0 else { return .failure(.exitStatus(command: editor, status: status)) }
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(.failed("could not read \(path)"))
            }
            guard let text = String(validating: data, as: UTF8.self) else { return .failure(.notUTF8) }
            return .success(cleaned(text))
        }
    }

    /// Line ends as "\n", and the one final newline editors add taken off.
    static func cleaned(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Runs `arguments` with the terminal and waits; the exit status (128 + signal if killed).
    /// posix_spawn with an empty signal mask and default dispositions, so the editor gets
    /// Ctrl-C and resizes even while this process ignores them.
    static func spawnAndWait(_ arguments: [String], environment: [String: String]) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], nil, &attributes, argv, envp)
        guard spawned == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 127 }
        }
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }
}
