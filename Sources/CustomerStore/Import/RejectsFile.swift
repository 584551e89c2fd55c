import Foundation

/// The rows `--skip-bad-rows` left out: their original columns, then `line` and `reason`, as
/// CSV a person can fix and import again. Created private (0600): it holds customer data.
struct RejectsFile {
    private let descriptor: Int32
    private let writer = CSVWriter()

    init(path: String, header: [String]) throws(ImportError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ImportError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        fchmod(descriptor, 0o600)
        write(writer.line(header + ["line", "reason"]))
    }

    func add(_ fields: [String], line: Int, reason: String) {
        write(writer.line(fields + [String(line), reason]))
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.write(descriptor, $0.baseAddress?.advanced(by: offset), $0.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }

    func close() {
        Glibc.close(descriptor)
    }
}
