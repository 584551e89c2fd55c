import Foundation

/// Finds executables that `swift build` put next to the test bundle.
public enum TestBinary {
    /// `.build/<config>/<name>`, found from this test process's own executable: on Linux the
    /// tests run as `.build/<config>/<Package>PackageTests.xctest`.
    public static func path(_ name: String) -> String {
        let me =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var folder = (me as NSString).deletingLastPathComponent
        if folder.hasSuffix(".xctest") { folder = (folder as NSString).deletingLastPathComponent }
        return (folder as NSString).appendingPathComponent(name)
    }
}
