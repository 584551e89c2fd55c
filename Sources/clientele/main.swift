import ArgumentParser
import Foundation

// Everything this process creates (store, WAL, backups, exports) is private to the user,
// whatever umask the shell had.
umask(0o077)

MemoryTuning.keepFreedMemory()

do {
    var command = try ClienteleCommand.parseAsRoot(
        ClienteleCommand.storeOptionAfterSubcommand(Array(CommandLine.arguments.dropFirst())))
    try command.run()
} catch let refusal as Refusal {
    // The dashboard cannot run here: one sentence, exit code 2, nothing on standard output.
    FileHandle.standardError.write(Data("Error: \(refusal.description)\n".utf8))
    exit(2)
} catch {
    // A first word that is no command (`clientele bogus`) is reported as an unexpected argument
    // to the dashboard; say what it is and which commands there are instead.
    if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"),
        ClienteleCommand.message(for: error).hasPrefix("Unexpected argument '\(first)'")
    {
        let names = ClienteleCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        FileHandle.standardError.write(
            Data(
                "Error: unknown command '\(first)'. Commands: \(names.joined(separator: ", ")). See clientele --help.\n"
                    .utf8))
        exit(64)
    }
    ClienteleCommand.exit(withError: error)
}
