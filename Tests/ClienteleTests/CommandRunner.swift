import Foundation

/// Runs the real `clientele` binary that `swift build` put next to the test bundle.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

enum Clientele {
    /// `.build/<config>/clientele`, found from this test process's own executable.
    static var binary: String {
        let me =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var folder = (me as NSString).deletingLastPathComponent
        // On Linux the tests run from `.build/<config>/ClientelePackageTests.xctest`.
        if folder.hasSuffix(".xctest") { folder = (folder as NSString).deletingLastPathComponent }
        return (folder as NSString).appendingPathComponent("clientele")
    }

    /// Runs `clientele arguments...` with a controlled environment (no terminal, private HOME).
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var base = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        for (key, value) in environment { base[key] = value }
        process.environment = base
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child cannot block on a full pipe.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}

/// A fresh folder per test, removed afterwards.
final class Scratch {
    let path: String

    init() throws {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("clientele-cli-XXXXXX")
        var bytes = Array(template.utf8CString)
        guard let created = mkdtemp(&bytes) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: created)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// An environment whose home and data folder are inside this scratch folder.
    var environment: [String: String] { ["HOME": path, "XDG_DATA_HOME": file("data")] }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
