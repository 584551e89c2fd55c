import ArgumentParser
import CustomerStore
import Dashboard
import Foundation
import Scoring

/// `clientele bench ui`: runs the real dashboard loop headless against a store with a scripted
/// key session and prints timings as JSON — the UI's speed promises, measured.
struct BenchUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract:
            "Measure the dashboard headless: first frame, per-key time (p50/p99), peak memory; print JSON.",
        discussion: """
            Use a release build on a large scored store, e.g.
              clientele demo --db big.sqlite --customers 1000000
              clientele score --db big.sqlite
              swift run -c release clientele bench ui --db big.sqlite --keys 1000
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "How many keys the scripted session presses.")
    var keys = 1000

    @Option(help: "Screen width in columns.")
    var width = 200

    @Option(help: "Screen height in rows.")
    var height = 60

    @Option(help: "The start screen: overview, list, detail, logForm or calls.")
    var start: ScreenKind = .overview

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The dashboard's today, YYYY-MM-DD.", valueName: "date"))
    var asOf: String?

    func validate() throws {
        guard (1...1_000_000).contains(keys) else { throw ValidationError("--keys must be 1 to 1000000.") }
        guard width >= 20, height >= 5 else { throw ValidationError("--width and --height are too small.") }
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2025-03-14 (got \"\(asOf)\").")
        }
    }

    func run() throws {
        let started = Clock.monotonicSeconds()
        let customerStore = try store.open(createIfMissing: false)
        let screen = ScriptedScreen(
            size: ScreenSize(columns: width, rows: height),
            script: ScriptedScreen.navigationScript(count: keys))
        let state = AppState(
            size: screen.size, today: asOf.flatMap { CalendarDay(iso: $0) } ?? Clock.today(), language: .en,
            startScreen: start)
        let runtime = DashboardRuntime(
            state: state, screen: screen, store: customerStore,
            environment: ProcessInfo.processInfo.environment)
        var keyTimes: [Double] = []
        var slowest: [(key: String, seconds: Double)] = []
        var firstFrame: Double?
        var completeFrame: Double?
        runtime.onFirstFrame = { firstFrame = Clock.monotonicSeconds() - started }
        runtime.onFirstCompleteFrame = { completeFrame = Clock.monotonicSeconds() - started }
        runtime.onKeyHandled = { key, seconds in
            // The Esc and Q that end the session are not part of it: `keys` counts what was asked.
            guard !screen.finishing else { return }
            keyTimes.append(seconds)
            slowest = Array((slowest + [(key.name, seconds)]).sorted { $0.seconds > $1.seconds }.prefix(5))
        }
        screen.waitForCompleteFrame = { completeFrame != nil }
        _ = runtime.run()
        let sorted = keyTimes.sorted()
        func percentile(_ fraction: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
        }
        let figures: [(String, String)] = [
            ("keys", "\(keyTimes.count)"),
            ("firstFrameMilliseconds", String(format: "%.2f", (firstFrame ?? 0) * 1000)),
            ("firstCompleteFrameMilliseconds", String(format: "%.2f", (completeFrame ?? 0) * 1000)),
            ("keyMillisecondsP50", String(format: "%.3f", percentile(0.5) * 1000)),
            ("keyMillisecondsP99", String(format: "%.3f", percentile(0.99) * 1000)),
            ("keyMillisecondsMax", String(format: "%.3f", (sorted.last ?? 0) * 1000)),
            (
                "slowestKeys",
                "["
                    + slowest.map { "[\"\($0.key)\", " + String(format: "%.3f", $0.seconds * 1000) + "]" }
                    .joined(separator: ", ") + "]"
            ),
            ("peakRSSMegabytes", String(format: "%.1f", Double(Self.peakResidentKilobytes()) / 1024)),
            ("width", "\(width)"), ("height", "\(height)"), ("startScreen", "\"\(start.rawValue)\""),
        ]
        print("{" + figures.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }

    /// VmHWM from /proc/self/status: the most memory the process ever had resident.
    static func peakResidentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}

extension ScreenKind: ExpressibleByArgument {}

/// A screen without a terminal: a fixed size, keys from a script, frames diffed (as the real
/// renderer would) but written nowhere. Waits for the start screen before the first key, and
/// lets pending loads land between keys like a fast typist would.
final class ScriptedScreen: DashboardScreen {
    let size: ScreenSize
    private var script: [KeyEvent]
    private var previous: ScreenBuffer?
    /// Whether the start screen is complete; keys wait for it.
    var waitForCompleteFrame: () -> Bool = { true }
    private(set) var changedCells = 0
    /// Whether the script is done and the keys that leave the dashboard are being sent.
    private(set) var finishing = false
    private var quitNext = false

    init(size: ScreenSize, script: [KeyEvent]) {
        self.size = size
        self.script = script.reversed()
    }

    /// A session that opens the list and moves around it: lines, pages, half pages, both ends,
    /// sorts, a search, a detail and back.
    static func navigationScript(count: Int) -> [KeyEvent] {
        let round: [KeyEvent] =
            Array(repeating: .character("j"), count: 20) + [.pageDown, .pageDown, .control("d"), .pageDown]
            + Array(repeating: .character("k"), count: 5) + [.pageUp, .end, .character("k"), .pageUp, .home]
            + [.enter, .tab, .character("j"), .escape, .character("s"), .character("j"), .pageDown]
            + [
                .character("r"), .pageDown, .character("/"), .character("m"), .character("u"),
                .character("l"),
            ]
            + [.enter, .character("j"), .character("F"), .pageDown]
        var keys: [KeyEvent] = [.character("c")]
        while keys.count < count { keys += round }
        return Array(keys.prefix(count))
    }

    /// Stands in for the terminal's blocking read: where a real session would wait in
    /// `get_wch` for a key, this one waits a millisecond, so the loop takes in finished loads
    /// exactly as it would between a person's keystrokes. Key timings start when a key is
    /// returned, so these waits are not counted.
    func nextKey(timeoutMilliseconds: Int?) -> KeyEvent? {
        if !waitForCompleteFrame() {
            usleep(1_000)
            return nil
        }
        // Let the loop drain finished loads between keys when it is waiting on some.
        if let timeout = timeoutMilliseconds, timeout < 100, script.count % 4 == 0 {
            usleep(1_000)
        }
        if let key = script.popLast() { return key }
        // The script is done: Esc leaves any search or command line, then Q quits.
        finishing = true
        quitNext.toggle()
        return quitNext ? .escape : .character("Q")
    }

    func draw(_ buffer: ScreenBuffer) {
        changedCells += previous.map { buffer.changedRuns(from: $0).count } ?? buffer.width * buffer.height
        previous = buffer
    }

    func invalidate() { previous = nil }
    func apply(theme: Theme) { previous = nil }
    func suspend() {}
    func restore() {}
    func runOutside<T>(_ body: () -> T) -> T { body() }
}
