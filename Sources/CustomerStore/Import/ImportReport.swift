import Foundation
import Scoring

/// A located problem in an imported file, printed as `FILE:LINE:COLUMN: what is wrong ("value")`.
/// One type with the dashboard's: the problem is a value (`ImportProblem`, in Scoring) so the
/// dashboard can word it in German; `description` is its English rendering, the command line's.
public typealias ImportIssue = LocatedImportProblem

extension LocatedImportProblem {
    /// An issue with a sentence of its own (shown as it is in every language).
    public init(file: String, line: Int, column: Int, message: String, value: String? = nil) {
        self.init(file: file, line: line, column: column, problem: .text(message), value: value)
    }

    /// The English sentence (the rejects file's reason column).
    public var message: String { problem.english }
}

/// Why an import wrote nothing: the refusal the dashboard words too, thrown by the importer.
public typealias ImportError = ImportRefusal

extension ImportRefusal {
    /// How many of a file's problems are kept to show; all are counted.
    public static let shownIssues = 50
}

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable, Equatable {
    public var rowsRead = 0
    public var inserted = 0
    /// Existing records that the file changed (customers and contracts).
    public var updated = 0
    /// Rows already in the store, unchanged (same natural key, same values).
    public var duplicates = 0
    /// Rows left out with `--skip-bad-rows` (written to the rejects file).
    public var rejected = 0
    public var customersCreated = 0
    /// Rows whose order number or reference is stored with other values (the stored record
    /// was kept): all counted, the first `ImportConflict.shownCount` by line kept to show.
    /// Not counted in `duplicates`, which are rows stored exactly so.
    public var conflictCount = 0
    public var conflicts: [ImportConflict] = []
    /// The first problems of rejected rows, to show.
    public var issues: [ImportIssue] = []
    public var timings = ImportTimings()

    public init() {}

    /// Counts a conflict and keeps it if it is among the first by line (the sorted write pass
    /// meets rows by customer, not by line).
    mutating func add(_ conflict: ImportConflict) {
        conflictCount += 1
        let shown = ImportConflict.shownCount
        if conflicts.count == shown, let last = conflicts.last, last.line <= conflict.line { return }
        let at = conflicts.firstIndex { $0.line > conflict.line } ?? conflicts.count
        conflicts.insert(conflict, at: at)
        if conflicts.count > shown { conflicts.removeLast() }
    }
}

/// Where an import's time went, in seconds: printed to stderr by `clientele import` when
/// CLIENTELE_IMPORT_TIMINGS=1 (the benchmark sets it), so a slow import can be explained.
public struct ImportTimings: Sendable, Equatable {
    /// Pass 1: reading, checking and keeping the rows.
    public var validate = 0.0
    /// The `--skip-bad-rows` pass (rejects file and counts).
    public var rejects = 0.0
    /// Sorting the kept rows by customer (until the first sorted row).
    public var sort = 0.0
    /// Pass 2 after the sort: parsing again and writing.
    public var write = 0.0
    /// Write transactions, and the longest one (what another writer may have to wait).
    public var batches = 0
    public var longestBatch = 0.0
    /// Transactions that took more than 0.25 s.
    public var slowBatches = 0
    /// Size of the temporary database that sorted the rows.
    public var scratchBytes = 0

    public init() {}

    public var description: String {
        String(
            format:
                "timings: validate %.2f s, rejects %.2f s, sort %.2f s, write %.2f s (%d batches, longest %.3f s, %d over 0.25 s), "
                + "temporary database %.1f MB",
            validate, rejects, sort, write, batches, longestBatch, slowBatches, Double(scratchBytes) / 1e6)
    }
}

/// Seconds on a monotonic clock, for `ImportTimings`.
func importClock() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// Counts the first `shownIssues` problems and all of them.
struct IssueList {
    var shown: [ImportIssue] = []
    var total = 0

    mutating func add(_ issue: ImportIssue) {
        total += 1
        if shown.count < ImportError.shownIssues { shown.append(issue) }
    }

    /// Merges another list, keeping the first by position.
    mutating func merge(_ other: IssueList) {
        shown = Array(
            (shown + other.shown).sorted { ($0.line, $0.column) < ($1.line, $1.column) }.prefix(
                ImportError.shownIssues))
        total += other.total
    }
}
