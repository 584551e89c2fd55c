import Foundation
import Scoring

/// What to import and how; the command line's flags.
public struct ImportOptions: Sendable {
    public var kind: ImportKind
    /// The name shown in messages (`FILE:LINE:COLUMN`).
    public var fileName: String
    public var dryRun = false
    public var createMissingCustomers = false
    /// `--map COLUMN=FIELD`: header name → field name.
    public var columnMap: [String: String] = [:]
    /// `--skip-bad-rows REJECTS.csv`: import the good rows, write the bad ones here.
    public var rejectsPath: String?
    public var encoding: ImportEncoding?
    public var delimiter: UInt8?
    /// Rows per write transaction: small enough that another writer waits well under 0.5 s.
    public var batchSize = 10_000
    /// Rows sorted in memory at a time before they go to the temporary database as one run
    /// (ImportScratch): about 30 MB of order rows.
    public var sortRunRows = 250_000
    public var createdAt: Int64

    public init(kind: ImportKind, fileName: String, createdAt: Int64) {
        self.kind = kind
        self.fileName = fileName
        self.createdAt = createdAt
    }
}

/// The streaming importer: pass 1 reads the whole file and validates every row (memory stays
/// flat: only the first problems, counters and one chunk of rows are held); pass 2 reads it again
/// and writes it in transactions of `batchSize` rows. Without `--skip-bad-rows` any problem stops
/// the import before pass 2, so nothing is written. See docs/IMPORT.md.
public struct Importer: Sendable {
    public let options: ImportOptions

    public init(options: ImportOptions) {
        self.options = options
    }

    private var skipping: Bool { options.rejectsPath != nil }
    private var checksCustomers: Bool { options.kind != .customers && !options.createMissingCustomers }

    /// Runs both passes; `progress(done, total)` is called per chunk.
    public func run(_ source: ImportSource, into store: CustomerStore, progress: ((Int, Int) -> Void)? = nil)
        throws -> ImportSummary
    {
        // A file that is not CSV text is named for what it is before the reader trips on it.
        if let kind = FileSniffer.kind(of: source, encoding: options.encoding) {
            throw ImportError.notCSV(file: options.fileName, kind: kind)
        }
        // Customers are upserted in the file's order (the last row wins), so they are not sorted.
        let sorts = options.kind != .customers
        var scratch: ImportScratch?
        defer { scratch?.close() }
        var timings = ImportTimings()
        var started = importClock()
        let checked = try validate(source, store: store, progress: progress) { mapping in
            if sorts {
                scratch = try ImportScratch(
                    columns: mapping.header.count, kept: Set(mapping.index.values),
                    runRows: options.sortRunRows)
            }
            return scratch
        }
        if checked.issues.total > 0 && !skipping {
            throw ImportError.invalidRows(issues: checked.issues.shown, total: checked.issues.total)
        }
        timings.validate = importClock() - started
        started = importClock()
        var rejected: ImportSummary?
        if let path = options.rejectsPath, !options.dryRun || scratch != nil {
            // The rejects file is written whole (and synced) before the store is touched, so a
            // path that cannot be written or a full disk stops the import with nothing imported.
            // The same pass counts the rejected rows and their problems in the file's order.
            var rejects: RejectsFile? = options.dryRun ? nil : try RejectsFile(path: path)
            rejected = try write(
                source, store: store, checked: checked, rejects: &rejects, rejectsOnly: true, progress: nil)
            try rejects?.finish()
        }
        timings.rejects = importClock() - started
        guard let scratch, let mapping = checked.mapping else {
            var none: RejectsFile?
            started = importClock()
            var summary = try write(
                source, store: store, checked: checked, rejects: &none, rejectsOnly: false, progress: progress
            )
            timings.write = importClock() - started
            summary.timings = timings
            return summary
        }
        var summary = try writeSorted(scratch, mapping: mapping, store: store, checked: checked) { done in
            progress?(checked.bytes + checked.bytes * done / max(1, scratch.count), checked.bytes * 2)
        }
        summary.timings.validate = timings.validate
        summary.timings.rejects = timings.rejects
        if let rejected {
            summary.rejected += rejected.rejected
            summary.issues = Array((rejected.issues + summary.issues).prefix(ImportError.shownIssues))
        }
        return summary
    }

    struct Checked {
        var issues = IssueList()
        var rows = 0
        var headerLine = 1
        var style: ImportNumberStyle?
        var mapping: ColumnMapping?
        /// The source's size, for progress.
        var bytes = 0
    }

    /// Pass 1: every row parsed and checked, customers looked up chunk by chunk. Rows that may be
    /// written are kept in the scratch `makeScratch` returns for the header (if any) while the
    /// import can still go ahead (no problem yet, or `--skip-bad-rows`).
    func validate(
        _ source: ImportSource, store: CustomerStore, progress: ((Int, Int) -> Void)?,
        makeScratch: (ColumnMapping) throws -> ImportScratch? = { _ in nil }
    ) throws
        -> Checked
    {
        var stream = try RecordStream(
            source: source, encoding: options.encoding, delimiter: options.delimiter)
        defer { stream.close() }
        var checked = Checked()
        var mapping: ColumnMapping?
        var commaEvidence = false
        var pointEvidence = false
        var ambiguous: [ImportNumberStyle?: IssueList] = [:]
        var scratch: ImportScratch?
        checked.bytes = stream.totalBytes
        var unreadable = false
        while true {
            let batch: [CSVRecord]
            do {
                guard let next = try stream.next() else { break }
                batch = next
            } catch {
                checked.issues.add(
                    ImportIssue(
                        file: options.fileName, line: error.line, column: error.column, problem: error.problem
                    ))
                unreadable = true
                break
            }
            var references: [(customer: String, line: Int, column: Int)] = []
            var keep: [(customer: String, record: CSVRecord)] = []
            for record in batch {
                guard let columns = mapping else {
                    let header = try ColumnMapping(
                        kind: options.kind, header: record.fields, overrides: options.columnMap,
                        file: options.fileName)
                    mapping = header
                    checked.mapping = header
                    checked.headerLine = record.line
                    scratch = try makeScratch(header)
                    continue
                }
                checked.rows += 1
                guard record.fields.count == columns.header.count else {
                    checked.issues.add(columnCountIssue(record, expected: columns.header.count))
                    continue
                }
                for field in ["amount", "recurring_amount"] {
                    if let column = columns[field], let style = Amount.evidence(record.fields[column]) {
                        if style == .decimalComma { commaEvidence = true } else { pointEvidence = true }
                    }
                }
                var cell = ImportCell(record: record, mapping: columns)
                let row = ImportRows.parse(
                    &cell, kind: options.kind, style: nil, createdAt: options.createdAt)
                for problem in cell.problems { checked.issues.add(issue(record, problem)) }
                for pending in cell.ambiguous {
                    // What the cell is wrong under: its reading is missing for one of the styles.
                    guard case .ambiguous(let ifComma, _) = pending.reading else { continue }
                    let wrongUnder: ImportNumberStyle = ifComma == nil ? .decimalComma : .decimalPoint
                    ambiguous[wrongUnder, default: IssueList()].add(
                        ImportIssue(
                            file: options.fileName, line: record.line, column: pending.column + 1,
                            problem: .ambiguousAmount, value: pending.value))
                }
                if let row, checksCustomers, let column = columns["customer_id"] {
                    references.append((row.customer, record.line, column + 1))
                }
                if let row, scratch != nil { keep.append((row.customer, record)) }
            }
            var known: [String: Int64] = [:]
            if !references.isEmpty {
                known = try store.customerIDs(forExternalIDs: Set(references.map(\.customer)))
                for reference in references where known[reference.customer] == nil {
                    checked.issues.add(
                        missingCustomerIssue(reference.customer, reference.line, reference.column))
                }
            }
            // Once a problem has been found without --skip-bad-rows nothing will be written, so
            // the rest of the rows need not be kept.
            if let keeping = scratch, skipping || checked.issues.total == 0 {
                for (customer, record) in keep {
                    let id = known[customer]
                    if checksCustomers && id == nil { continue }
                    try keeping.append(customerKey: id, customer: customer, record: record)
                }
            }
            progress?(stream.bytesRead, stream.totalBytes * 2)
        }
        // A malformed record stops the reading; when that happened before the header or the first
        // row came through, its line and column are the news, not an empty-looking file.
        if unreadable && (mapping == nil || checked.rows == 0) {
            throw ImportError.invalidRows(issues: checked.issues.shown, total: checked.issues.total)
        }
        guard mapping != nil else { throw ImportError.emptyFile(file: options.fileName) }
        guard checked.rows > 0 else {
            throw ImportError.noRows(file: options.fileName, line: checked.headerLine + 1)
        }
        checked.style =
            stream.delimiter == UInt8(ascii: ";") || commaEvidence
            ? .decimalComma : pointEvidence ? .decimalPoint : nil
        // Ambiguous amounts are wrong under the file's style, or when the file has no style.
        for (wrongUnder, list) in ambiguous where checked.style == nil || checked.style == wrongUnder {
            checked.issues.merge(list)
        }
        return checked
    }

    /// Pass 2: the same rows again, now written (or, in a dry run, counted) chunk by chunk.
    /// With a rejects file, only the bad rows are written (to it) and the store is not touched.
    func write(
        _ source: ImportSource, store: CustomerStore, checked: Checked, rejects: inout RejectsFile?,
        rejectsOnly: Bool, progress: ((Int, Int) -> Void)?
    )
        throws -> ImportSummary
    {
        var stream = try RecordStream(
            source: source, encoding: options.encoding, delimiter: options.delimiter)
        defer { stream.close() }
        var summary = ImportSummary()
        summary.rowsRead = checked.rows
        var mapping: ColumnMapping?
        var rejectedIssues = IssueList()
        while let batch = try stream.next() {
            var good: [ImportRow] = []
            good.reserveCapacity(batch.count)
            for record in batch {
                guard let columns = mapping else {
                    let header = try ColumnMapping(
                        kind: options.kind, header: record.fields, overrides: options.columnMap,
                        file: options.fileName)
                    mapping = header
                    rejects?.add(record.fields + ["line", "reason"])
                    continue
                }
                var problems: [ImportIssue] = []
                if record.fields.count != columns.header.count {
                    problems.append(columnCountIssue(record, expected: columns.header.count))
                } else {
                    var cell = ImportCell(record: record, mapping: columns)
                    let row = ImportRows.parse(
                        &cell, kind: options.kind, style: .some(checked.style), createdAt: options.createdAt)
                    problems = cell.problems.map { issue(record, $0) }
                    if let row, problems.isEmpty { good.append(row) }
                }
                if !problems.isEmpty { reject(record, problems, into: &rejects, &summary, &rejectedIssues) }
            }
            if checksCustomers && !good.isEmpty {
                let known = try store.customerIDs(forExternalIDs: Set(good.map(\.customer)))
                var kept: [ImportRow] = []
                for row in good {
                    if known[row.customer] != nil {
                        kept.append(row)
                        continue
                    }
                    guard skipping else {
                        throw ImportError.customerVanished(
                            file: options.fileName, line: row.line, customer: row.customer)
                    }
                    let column = (mapping?["customer_id"] ?? 0) + 1
                    let record = batch.first { $0.line == row.line }
                    if let record {
                        reject(
                            record, [missingCustomerIssue(row.customer, row.line, column)], into: &rejects,
                            &summary, &rejectedIssues)
                    }
                }
                good = kept
            }
            var start = 0
            while start < good.count && !rejectsOnly {
                let end = min(good.count, start + options.batchSize)
                try commit(good[start..<end], to: store, summary: &summary)
                start = end
            }
            progress?(stream.totalBytes + stream.bytesRead, stream.totalBytes * 2)
        }
        summary.issues = rejectedIssues.shown
        return summary
    }

    /// Pass 2 from the scratch: the rows by customer, parsed again under the file's number style
    /// and written (or, in a dry run, counted) in transactions of about `batchSize` rows. A batch
    /// ends between two customers (unless one customer alone has four batches' worth), so a dry
    /// run, whose batches are rolled back, still sees a customer's rows together and counts a
    /// repeated row once. Rows that fail here were rejected by the `--skip-bad-rows` pass.
    func writeSorted(
        _ scratch: ImportScratch, mapping: ColumnMapping, store: CustomerStore, checked: Checked,
        progress: (Int) -> Void
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        summary.rowsRead = checked.rows
        var rejectedIssues = IssueList()
        var written = false
        func nextRecord() throws -> CSVRecord? {
            do {
                return try scratch.next()
            } catch ImportError.scratchFailed(let reason, _) {
                throw ImportError.scratchFailed(reason: reason, written: written)
            }
        }
        let sortStarted = importClock()
        try scratch.startSortedRead()
        var first = try nextRecord()
        let writeStarted = importClock()
        summary.timings.sort = writeStarted - sortStarted
        summary.timings.scratchBytes = scratch.bytes
        var done = 0
        var carried: ImportRow?
        var finished = false
        while !finished {
            var batch: [ImportRow] = []
            batch.reserveCapacity(options.batchSize + 1)
            if let row = carried { batch.append(row) }
            carried = nil
            while true {
                let next = try first ?? nextRecord()
                first = nil
                guard let record = next else {
                    finished = true
                    break
                }
                done += 1
                var cell = ImportCell(record: record, mapping: mapping)
                guard
                    let row = ImportRows.parse(
                        &cell, kind: options.kind, style: .some(checked.style), createdAt: options.createdAt),
                    cell.problems.isEmpty
                else { continue }
                if batch.count >= options.batchSize, let last = batch.last,
                    last.customer != row.customer || batch.count >= 4 * options.batchSize
                {
                    carried = row
                    break
                }
                batch.append(row)
            }
            if checksCustomers && !batch.isEmpty {
                let known = try store.customerIDs(forExternalIDs: Set(batch.map(\.customer)))
                var kept: [ImportRow] = []
                kept.reserveCapacity(batch.count)
                for row in batch {
                    if known[row.customer] != nil {
                        kept.append(row)
                        continue
                    }
                    guard skipping else {
                        throw ImportError.customerVanished(
                            file: options.fileName, line: row.line, customer: row.customer)
                    }
                    summary.rejected += 1
                    rejectedIssues.add(
                        missingCustomerIssue(row.customer, row.line, (mapping["customer_id"] ?? 0) + 1))
                }
                batch = kept
            }
            guard !batch.isEmpty else { continue }
            try commit(batch[...], to: store, summary: &summary)
            if !options.dryRun { written = true }
            progress(done)
        }
        summary.issues = rejectedIssues.shown
        summary.timings.write = importClock() - writeStarted
        return summary
    }

    /// Writes (or, in a dry run, counts) one batch in its own transaction and times it. After
    /// a real write: a gap so a colleague's waiting write gets in first, then their commit is
    /// checkpointed so the WAL can rewind (ImportWrites.swift).
    private func commit(_ rows: ArraySlice<ImportRow>, to store: CustomerStore, summary: inout ImportSummary)
        throws
    {
        let started = importClock()
        do {
            try store.writeImportBatch(
                rows, kind: options.kind, createMissing: options.createMissingCustomers,
                createdAt: options.createdAt,
                rollback: options.dryRun, summary: &summary)
        } catch ImportError.customerVanished(_, let line, let customer) {
            throw ImportError.customerVanished(file: options.fileName, line: line, customer: customer)
        }
        let seconds = importClock() - started
        summary.timings.batches += 1
        summary.timings.longestBatch = max(summary.timings.longestBatch, seconds)
        if seconds > 0.25 { summary.timings.slowBatches += 1 }
        if !options.dryRun {
            usleep(1_000)
            store.checkpointBetweenBatches()
        }
    }

    private func reject(
        _ record: CSVRecord, _ problems: [ImportIssue], into rejects: inout RejectsFile?,
        _ summary: inout ImportSummary, _ list: inout IssueList
    ) {
        summary.rejected += 1
        for problem in problems { list.add(problem) }
        let reason = problems.map { problem in
            "column \(problem.column): \(problem.message)"
        }.joined(separator: "; ")
        rejects?.add(record.fields + [String(record.line), reason])
    }

    private func issue(_ record: CSVRecord, _ problem: ImportCell.Problem) -> ImportIssue {
        ImportIssue(
            file: options.fileName, line: record.line, column: problem.column + 1, problem: problem.problem,
            value: problem.value)
    }

    private func columnCountIssue(_ record: CSVRecord, expected: Int) -> ImportIssue {
        ImportIssue(
            file: options.fileName, line: record.line, column: 1,
            problem: .columnCount(expected: expected, found: record.fields.count))
    }

    private func missingCustomerIssue(_ customer: String, _ line: Int, _ column: Int) -> ImportIssue {
        ImportIssue(
            file: options.fileName, line: line, column: column,
            problem: .unknownCustomer, value: customer)
    }
}
