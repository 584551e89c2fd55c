import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// (scripts and logs get no carriage-return noise).
final class ProgressBar {
    private let label: String
    private let width = 30
    private var lastPercent = -1
    private let started = Clock.monotonicSeconds()

    private init(label: String) {
        self.label = label
    }

    /// A progress callback, or nil when standard error is not a terminal.
    static func forStandardError(label: String) -> ((Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let bar = ProgressBar(label: label)
        return { done, total in bar.update(done: done, total: total) }
    }

    func update(done: Int, total: Int) {
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = width * percent / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = Clock.monotonicSeconds() - started
        var line = "\r\(label) \(bar) \(String(format: "%3d", percent)) %  \(done)/\(total)"
        if percent > 0 && percent < 100 {
            let remaining = elapsed * Double(100 - percent) / Double(percent)
            line += String(format: "  ~%.0f s left ", remaining)
        } else {
            line += "               "
        }
        if percent == 100 { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
