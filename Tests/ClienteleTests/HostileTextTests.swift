import CustomerStore
import Foundation
import Scoring
import Testing

/// Text from data must never steer the terminal, in any command's output.
@Suite("Hostile text in command output", .serialized)
struct HostileTextTests {
    static let evilName = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\r\u{08}\u{202E}Name\u{9B}31m"

    /// Bytes a terminal would act on: C0 controls other than line feed, DEL, C1 controls (as
    /// UTF-8), and bidi overrides or isolates.
    static func steeringCharacters(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }

    @Test("show, calllist, privacy export and error messages carry no steering characters")
    func everyOutputIsSafe() throws {
        let scratch = try Scratch()
        let path = scratch.file("evil.sqlite")
        #expect(
            try Clientele.run(["demo", "--db", path, "--customers", "120", "--as-of", "2025-06-30"]).status
                == 0)
        let store = try CustomerStore.open(path: path)
        try store.insert(
            CustomerRecord(
                id: 500, externalID: "EVIL-1", name: Self.evilName, company: "=cmd|' /C calc'!A0\u{1B}[31m",
                email: "evil\u{1B}[5m@example.de", phone: "+49\r\n30", createdAt: 0))
        try store.logInteraction(
            InteractionRecord(
                id: 0, customerID: 500, occurredAt: 1_750_000_000, channel: .call, direction: .inbound,
                kind: .complaint,
                note: "Ärger\u{1B}[2J\u{202E}txet\r\nzweite Zeile\u{08}", complaintStatus: .open),
            feedback: [])
        try store.close()
        #expect(try Clientele.run(["score", "--db", path, "--as-of", "2025-06-30", "-q"]).status == 0)

        let runs: [[String]] = [
            ["show", "EVIL-1", "--db", path],
            ["calllist", "--db", path, "--as-of", "2025-06-30"],
            ["calllist", "--db", path, "--as-of", "2025-06-30", "--format", "json"],
            ["privacy", "export", "EVIL-1", "--db", path, "--format", "csv"],
            ["log", "Evil", "--db", path, "--channel", "call", "--kind", "sales", "--note", "x"],
            ["log", "nobody\u{1B}[31m", "--db", path, "--channel", "call", "--kind", "sales"],
        ]
        for arguments in runs {
            let result = try Clientele.run(arguments)
            // CSV lines end in CRLF by the standard; that CR is the format, not data.
            let output =
                result.standardOutput.replacingOccurrences(of: "\r\n", with: "\n") + result.standardError
            #expect(
                Self.steeringCharacters(in: output).isEmpty,
                "\(arguments[0]): \(Self.steeringCharacters(in: output))")
        }
        let show = try Clientele.run(["show", "EVIL-1", "--db", path])
        #expect(show.standardOutput.contains("Evil"))
        #expect(show.standardOutput.contains("Ärger"))
    }
}
