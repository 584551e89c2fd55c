import Foundation

/// Where a store file lives, and how that was decided.
///
/// Precedence: an explicit `--db PATH`, then `CLIENTELE_DB`, then
/// `$XDG_DATA_HOME/clientele/clientele.sqlite`, then `~/.local/share/clientele/clientele.sqlite`.
public struct StoreLocation: Sendable, Equatable {
    /// Why this path was chosen; shown by `clientele stats`.
    public enum Source: String, Sendable {
        case commandLine = "--db"
        case environment = "CLIENTELE_DB"
        case dataFolder = "data folder"
    }

    public let path: String
    public let source: Source

    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// The data folder: `$XDG_DATA_HOME/clientele`, or `~/.local/share/clientele`.
    public static func dataFolder(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("clientele")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/clientele")
    }

    /// The customer store to open, following the documented precedence.
    public static func resolve(explicitPath: String?, environment: [String: String]) -> StoreLocation {
        if let explicitPath, !explicitPath.isEmpty {
            return StoreLocation(path: expand(explicitPath, environment), source: .commandLine)
        }
        if let fromEnvironment = environment["CLIENTELE_DB"], !fromEnvironment.isEmpty {
            return StoreLocation(path: expand(fromEnvironment, environment), source: .environment)
        }
        let folder = dataFolder(environment: environment)
        return StoreLocation(
            path: (folder as NSString).appendingPathComponent("clientele.sqlite"), source: .dataFolder)
    }

    /// The demo store opened by `clientele --demo`: `demo.sqlite` in the data folder.
    public static func demo(environment: [String: String]) -> StoreLocation {
        let folder = dataFolder(environment: environment)
        return StoreLocation(
            path: (folder as NSString).appendingPathComponent("demo.sqlite"), source: .dataFolder)
    }

    /// `~` expansion and an absolute path, so messages name the real file.
    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        var expanded = path
        if expanded == "~" || expanded.hasPrefix("~/") {
            let home = environment["HOME"] ?? NSHomeDirectory()
            expanded = home + expanded.dropFirst()
        }
        if !expanded.hasPrefix("/") {
            expanded = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded)
        }
        return (expanded as NSString).standardizingPath
    }
}
