import ArgumentParser
import CustomerStore
import Foundation
import Scoring

/// `--db PATH`, shared by every command that opens the customer store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The store file (default: $CLIENTELE_DB, else $XDG_DATA_HOME/clientele/clientele.sqlite).",
            valueName: "path"))
    var path: String?

    var location: StoreLocation {
        StoreLocation.resolve(explicitPath: path, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store; only the default location may create its folder.
    func open(createIfMissing: Bool) throws -> CustomerStore {
        let location = self.location
        if !createIfMissing && !FileManager.default.fileExists(atPath: location.path) {
            throw CommandError(
                "there is no store at \(location.path) yet; create an empty one for your customers with "
                    + "`clientele init`, or try Clientele on generated customers with `clientele --demo`")
        }
        let mode: CustomerStore.OpenMode =
            createIfMissing ? .createIfMissing(createFolder: location.source == .dataFolder) : .existingOnly
        return try CustomerStore.open(path: location.path, mode: mode)
    }
}

/// A user-facing failure: one sentence, exit code 1.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The clock lives here, in the executable; the model and the store take dates as parameters.
enum Clock {
    static func today() -> CalendarDay { CalendarDay(unixSeconds: Int64(time(nil))) }

    /// Seconds on a monotonic clock, for timing benchmarks.
    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
