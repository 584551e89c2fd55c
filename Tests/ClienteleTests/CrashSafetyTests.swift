import Foundation
import GRDB
import Testing

/// Kills a writing `clientele log` with SIGKILL at random moments and checks the store after
/// every kill: it must pass `integrity_check`, no touchpoint may be half written (its NPS answer
/// is in the same transaction), and every write the program reported as saved must be there.
/// `CLIENTELE_CRASH_KILLS` raises the count (default 300).
@Suite("Crash safety under SIGKILL", .serialized)
struct CrashSafetyTests {
    @Test("Hundreds of kills mid-write: the store stays sound and loses nothing acknowledged")
    func killsWhileLogging() throws {
        let scratch = try Scratch()
        let path = scratch.file("crash.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "50", "--as-of", "2025-06-30"]).status
                == 0)
        #expect(try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30", "-q"]).status == 0)

        let kills = Int(ProcessInfo.processInfo.environment["CLIENTELE_CRASH_KILLS"] ?? "") ?? 300
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [String] = []
        var killed = 0
        var integrityFailures = 0
        for attempt in 0..<kills {
            let marker = "crash-\(attempt)-\(UInt32.random(in: 0...UInt32.max, using: &generator))"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Clientele.binary)
            process.arguments = [
                "log", "K-00000\(String(format: "%02d", 1 + attempt % 50))", "--db", path, "--channel",
                "call",
                "--kind", "sales", "--note", marker, "--nps", "9",
            ]
            process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": scratch.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Somewhere between start-up and well after the commit.
            usleep(UInt32.random(in: 0...60_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal {
                killed += 1
            } else if process.terminationStatus == 0 {
                acknowledged.append(marker)
            }
            if try !integrityOK(path) { integrityFailures += 1 }
        }

        let queue = try DatabaseQueue(path: path)
        let (notes, halfWritten) = try queue.read { db in
            (
                Set(try String.fetchAll(db, sql: "SELECT note FROM interactions WHERE note LIKE 'crash-%'")),
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM interactions i WHERE note LIKE 'crash-%'
                        AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.interaction_id = i.id)
                        """) ?? -1
            )
        }
        let lost = acknowledged.filter { !notes.contains($0) }
        print(
            "crash safety: \(kills) runs, \(killed) killed mid-run, \(acknowledged.count) acknowledged, "
                + "\(lost.count) acknowledged writes lost, \(halfWritten) half-written, "
                + "\(integrityFailures) integrity failures")
        #expect(killed >= kills / 4, "too few kills landed mid-run to prove anything")
        #expect(integrityFailures == 0)
        #expect(lost.isEmpty)
        #expect(halfWritten == 0)
    }

    private func integrityOK(_ path: String) throws -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"]
    }
}
