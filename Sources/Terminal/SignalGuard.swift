@preconcurrency import CNCursesW

#if canImport(Glibc)
    import Glibc
#endif

/// Gives the terminal back whatever ends the process: termination signals (SIGTERM, SIGHUP,
/// SIGINT, SIGQUIT) restore it and exit with 128 + signal; crash signals (SIGSEGV, SIGBUS,
/// SIGILL, SIGFPE, SIGABRT, SIGTRAP — Swift traps are SIGILL or SIGTRAP) restore it and re-raise
/// under the previous disposition, so the crash report or core dump still happens.
///
/// The handlers live in the C shim and only call async-signal-safe functions (`write`,
/// `tcsetattr`, `_exit`, `sigaction`, `raise`): the restore bytes are read from terminfo while
/// starting, not in the handler. The shim keeps its state `static`, so this is the only file that
/// may call the `clientele_restore_*` and signal-handler shim functions.
enum SignalGuard {
    /// Saves the shell's terminal modes of `fd` and installs the handlers. Call before `newterm`,
    /// so ncurses leaves SIGINT and SIGTERM to us instead of installing its own.
    static func install(terminal fd: Int32) {
        clientele_restore_prepare(fd)
        clientele_install_signal_handlers()
    }

    /// Reads the leave-full-screen sequence from the loaded terminfo entry and arms the handlers.
    static func arm() {
        clientele_restore_arm()
    }

    /// The terminal was given back normally: handlers stop touching it and the previous
    /// dispositions return.
    static func disarmAndUninstall() {
        clientele_restore_disarm()
        clientele_uninstall_signal_handlers()
    }

    /// Runs `body` with SIGINT and SIGQUIT ignored, then puts the previous handlers back.
    static func ignoringInterrupts<T>(_ body: () throws -> T) rethrows -> T {
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var previousInterrupt = sigaction()
        var previousQuit = sigaction()
        sigaction(SIGINT, &ignore, &previousInterrupt)
        sigaction(SIGQUIT, &ignore, &previousQuit)
        defer {
            sigaction(SIGINT, &previousInterrupt, nil)
            sigaction(SIGQUIT, &previousQuit, nil)
        }
        return try body()
    }

    /// Stops the process for job control (Ctrl-Z); returns `false` without stopping when the
    /// parent ignores SIGTSTP (no job control, so nobody could continue us).
    static func stopForJobControl() -> Bool {
        clientele_stop_for_job_control() != 0
    }
}
