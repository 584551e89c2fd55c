import Foundation

/// File-system side of a store: checks before SQLite touches a path, and private modes.
enum StoreFiles {
    /// The first 16 bytes of every SQLite 3 database.
    private static let sqliteHeader = Array("SQLite format 3\0".utf8)

    static func prepare(path: String, mode: CustomerStore.OpenMode) throws(StoreError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreError.isDirectory(path: path) }
            try checkHeader(path: path)
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        switch mode {
        case .existingOnly:
            throw StoreError.cannotOpen(path: path, reason: "the file does not exist")
        case .createIfMissing(let createFolder):
            var folderIsDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: folder, isDirectory: &folderIsDirectory) {
                if !folderIsDirectory.boolValue { throw StoreError.folderMissing(path: folder) }
                return
            }
            guard createFolder else { throw StoreError.folderMissing(path: folder) }
            do {
                try fileManager.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotOpen(path: path, reason: "cannot create the folder \(folder)")
            }
        }
    }

    /// Refuses non-SQLite files before SQLite would (it only notices on first read).
    private static func checkHeader(path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "the file cannot be read (permission denied)")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)).map { Array($0) } ?? []
        if header.isEmpty { return }  // An empty file is an empty database to SQLite.
        if header != sqliteHeader { throw StoreError.notADatabase(path: path) }
    }

    /// Store, WAL and shared-memory files readable by the owner only, whatever the umask.
    static func makePrivate(path: String) {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            chmod(file, 0o600)
        }
    }

    static func fileSize(_ path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
