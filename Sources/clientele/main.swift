import ArgumentParser
import Foundation

// Everything this process creates (store, WAL, backups, exports) is private to the user,
// whatever umask the shell had.
umask(0o077)

MemoryTuning.keepFreedMemory()

do {
    var command = try ClienteleCommand.parseAsRoot()
    try command.run()
} catch let refusal as Refusal {
    // The dashboard cannot run here: one sentence, exit code 2, nothing on standard output.
    FileHandle.standardError.write(Data("Error: \(refusal.description)\n".utf8))
    exit(2)
} catch {
    ClienteleCommand.exit(withError: error)
}
