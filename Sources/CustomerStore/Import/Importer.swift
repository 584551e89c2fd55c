import Foundation

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
        let checked = try validate(source, store: store, progress: progress)
        if checked.issues.total > 0 && !skipping {
            throw ImportError.invalidRows(issues: checked.issues.shown, total: checked.issues.total)
        }
        if let path = options.rejectsPath, !options.dryRun {
            // The rejects file is written whole (and synced) before the store is touched, so a
            // path that cannot be written or a full disk stops the import with nothing imported.
            var rejects: RejectsFile? = try RejectsFile(path: path)
            _ = try write(source, store: store, checked: checked, rejects: &rejects, progress: nil)
            try rejects?.finish()
        }
        var none: RejectsFile?
        return try write(source, store: store, checked: checked, rejects: &none, progress: progress)
    }

    struct Checked {
        var issues = IssueList()
        var rows = 0
        var headerLine = 1
        var style: ImportNumberStyle?
    }

    /// Pass 1: every row parsed and checked, customers looked up chunk by chunk.
    func validate(_ source: ImportSource, store: CustomerStore, progress: ((Int, Int) -> Void)?) throws
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
        while true {
            let batch: [CSVRecord]
            do {
                guard let next = try stream.next() else { break }
                batch = next
            } catch {
                checked.issues.add(
                    ImportIssue(
                        file: options.fileName, line: error.line, column: error.column, message: error.message
                    ))
                break
            }
            var references: [(customer: String, line: Int, column: Int)] = []
            for record in batch {
                guard let columns = mapping else {
                    mapping = try ColumnMapping(
                        kind: options.kind, header: record.fields, overrides: options.columnMap,
                        file: options.fileName)
                    checked.headerLine = record.line
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
                            message: ImportCell.ambiguityHint, value: pending.value))
                }
                if let row, checksCustomers, let column = columns["customer_id"] {
                    references.append((row.customer, record.line, column + 1))
                }
            }
            if !references.isEmpty {
                let known = try store.customerIDs(forExternalIDs: Set(references.map(\.customer)))
                for reference in references where known[reference.customer] == nil {
                    checked.issues.add(
                        missingCustomerIssue(reference.customer, reference.line, reference.column))
                }
            }
            progress?(stream.bytesRead, stream.totalBytes * 2)
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
        progress: ((Int, Int) -> Void)?
    )
        throws -> ImportSummary
    {
        var stream = try RecordStream(
            source: source, encoding: options.encoding, delimiter: options.delimiter)
        defer { stream.close() }
        var summary = ImportSummary()
        summary.rowsRead = checked.rows
        let rejectsOnly = rejects != nil
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
                try store.writeImportBatch(
                    good[start..<end], kind: options.kind, createMissing: options.createMissingCustomers,
                    createdAt: options.createdAt, rollback: options.dryRun, summary: &summary)
                start = end
                // A gap between two transactions, so a colleague's waiting write gets in first;
                // then their commit is checkpointed so the WAL can rewind (ImportWrites.swift).
                if !options.dryRun {
                    usleep(1_000)
                    store.checkpointBetweenBatches()
                }
            }
            progress?(stream.totalBytes + stream.bytesRead, stream.totalBytes * 2)
        }
        summary.issues = rejectedIssues.shown
        return summary
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

    private func issue(_ record: CSVRecord, _ problem: (column: Int, message: String, value: String?))
        -> ImportIssue
    {
        ImportIssue(
            file: options.fileName, line: record.line, column: problem.column + 1, message: problem.message,
            value: problem.value)
    }

    private func columnCountIssue(_ record: CSVRecord, expected: Int) -> ImportIssue {
        ImportIssue(
            file: options.fileName, line: record.line, column: 1,
            message: "expected \(expected) columns, found \(record.fields.count)")
    }

    private func missingCustomerIssue(_ customer: String, _ line: Int, _ column: Int) -> ImportIssue {
        ImportIssue(
            file: options.fileName, line: line, column: column,
            message: "no customer with this id (use --create-missing to create them)", value: customer)
    }
}
