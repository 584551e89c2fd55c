import Foundation

/// The rows `--skip-bad-rows` left out: their original columns, then `line` and `reason`, as
/// CSV a person can fix and import again. Created private (0600): it holds customer data. A
/// failed write (disk full) is remembered and reported by `finish`, which also syncs the file,
/// so the importer can stop before writing the store.
struct RejectsFile {
    let path: String
    private let descriptor: Int32
    private let writer = CSVWriter()
    private var failure: Int32?

    init(path: String) throws(ImportError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ImportError.rejectsUnwritable(file: path, reason: String(cString: strerror(errno)))
        }
        fchmod(descriptor, 0o600)
    }

    /// Appends one CSV line; the first failure is kept for `finish`.
    mutating func add(_ fields: [String]) {
        guard failure == nil else { return }
        let bytes = Array(writer.line(fields).utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress?.advanced(by: offset), $0.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 {
                failure = written < 0 ? errno : ENOSPC
                return
            }
            offset += written
        }
    }

    /// Syncs and closes the file; throws if any write, the sync or the close failed.
    func finish() throws(ImportError) {
        var error = failure
        if error == nil && fsync(descriptor) != 0 && errno != EINVAL { error = errno }
        if Glibc.close(descriptor) != 0 && error == nil { error = errno }
        if let error {
            throw ImportError.rejectsUnwritable(file: path, reason: String(cString: strerror(error)))
        }
    }
}
