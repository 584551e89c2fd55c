import Foundation

/// Errors of the store layer, each a sentence a person can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The folder that should hold the store does not exist and may not be created for the user.
    case folderMissing(path: String)
    /// The path names a folder, not a file.
    case isDirectory(path: String)
    /// The file exists but SQLite cannot read it as a database.
    case notADatabase(path: String)
    /// The file is a SQLite database, but not one of ours.
    case foreignDatabase(path: String)
    /// The file was written by a newer Clientele whose schema this version does not know.
    case newerSchema(path: String, found: Int, known: Int)
    /// The file could not be opened or created (permissions, disk full, ...).
    case cannotOpen(path: String, reason: String)
    /// The store's integrity check failed.
    case corrupt(path: String, detail: String)
    /// A write was refused by a constraint (a value out of range, a missing customer, ...).
    case constraint(String)
    /// A demo or other bulk job refused to overwrite a store that holds customers.
    case notEmpty(path: String, customers: Int)
    /// A customer id, external id or search did not match.
    case customerNotFound(String)
    /// Another program held the store's write lock for longer than the busy timeout.
    case busy(path: String)
    /// Any other failure of SQLite while working on an open store.
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .folderMissing(let path):
            "cannot create the store: the folder \(path) does not exist"
        case .isDirectory(let path):
            "cannot open the store: \(path) is a folder, not a store file"
        case .notADatabase(let path):
            "cannot open the store: \(path) is not an SQLite database"
        case .foreignDatabase(let path):
            "cannot open the store: \(path) is an SQLite database but not a Clientele store"
        case .newerSchema(let path, let found, let known):
            "cannot open the store: \(path) has schema version \(found), "
                + "but this Clientele knows only up to \(known); please update Clientele"
        case .cannotOpen(let path, let reason):
            "cannot open the store \(path): \(reason)"
        case .corrupt(let path, let detail):
            "the store \(path) is damaged (\(detail)); restore a backup made with `clientele backup` "
                + "using `clientele restore FILE`"
        case .constraint(let detail):
            "the store refused the change: \(detail)"
        case .notEmpty(let path, let customers):
            "the store \(path) already holds \(customers) customers; use --replace to overwrite it"
        case .customerNotFound(let query):
            "no customer matches \(query)"
        case .busy(let path):
            "the store \(path) is busy: another program kept it locked for more than "
                + "\(Int(CustomerStore.busyTimeout)) seconds; please try again"
        case .failed(let path, let reason):
            "the store \(path) could not complete the operation: \(reason)"
        }
    }
}
