import CustomerStore
import Dashboard
import Foundation
import Scoring

/// The dashboard's writing actions — GDPR export and erasure from the detail screen, and
/// `:import` — run on their own queue, one at a time, with the same code as the commands
/// (`clientele privacy export|erase`, `clientele import`).
extension StoreWorker {
    private static let actions = DispatchQueue(label: "clientele.dashboard.actions")

    func performAction(_ effect: Effect) {
        switch effect {
        case .exportPersonalData(let id, let path):
            run(on: Self.actions) { [store] in
                let absolute = TypedPath.absolute(path)
                let export = try store.exportPersonalData(customerID: id)
                try OutputFile.write(PrivacyExportCommand.json(export), to: absolute)
                return [.personalDataExported(customerID: id, path: absolute)]
            }
        case .eraseCustomer(let id):
            run(on: Self.actions) { [store] in
                let report = try store.erase(customerID: id, at: Int64(time(nil)))
                let outcome = ErasureOutcome(
                    touchpointsDeleted: report.interactionsDeleted, feedbackDeleted: report.feedbackDeleted,
                    ordersKept: report.ordersKeptPseudonymised,
                    contractsKept: report.contractsKeptPseudonymised)
                return [.customerErased(customerID: id, outcome)]
            }
        case .importFile(let kind, let path, let createMissing):
            run(on: Self.actions) { [self] in
                [
                    .importFinished(
                        importFile(kind: kind, path: TypedPath.absolute(path), createMissing: createMissing))
                ]
            }
        default:
            break
        }
    }

    /// Both passes of the importer with progress into the inbox; all or nothing, as the CLI.
    private func importFile(kind: String, path: String, createMissing: Bool) -> ImportResult {
        let name = (path as NSString).lastPathComponent
        var result = ImportResult(file: name, kind: kind, succeeded: false)
        guard let importKind = ImportKind(rawValue: kind) else {
            result.problems = ["\(kind): not an import kind"]
            result.problemCount = 1
            return result
        }
        let started = Clock.monotonicSeconds()
        var options = ImportOptions(kind: importKind, fileName: name, createdAt: Int64(time(nil)))
        options.createMissingCustomers = createMissing
        do {
            let summary = try Importer(options: options).run(.file(path), into: store) {
                [inbox] done, total in
                inbox.post([.importProgress(done: done, total: total)])
            }
            result.succeeded = true
            result.rowsRead = summary.rowsRead
            result.inserted = summary.inserted
            result.updated = summary.updated
            result.duplicates = summary.duplicates
            result.conflictCount = summary.conflictCount
            result.conflicts = summary.conflicts
            result.rejected = summary.rejected
            result.customersCreated = summary.customersCreated
            if summary.inserted + summary.updated > 0 {
                result.rescored = try Rescoring.afterImport(store, today: today)
            }
        } catch let error as ImportError {
            result.refusal = error
            result.problemCount = error.problemCount
        } catch {
            result.problems = [String(describing: error)]
            result.problemCount = 1
        }
        result.seconds = Clock.monotonicSeconds() - started
        return result
    }
}

extension Rescoring {
    /// After an import that changed anything: a scored store is rescored with its stored
    /// model's settings (as `clientele score` would); returns whether it was.
    static func afterImport(_ store: CustomerStore, today: CalendarDay) throws -> Bool {
        guard let model = try store.latestPopulationModel() else { return false }
        let request = ScoringRequest(
            asOf: today, timeUnit: model.timeUnit, settings: model.settings,
            rules: try RulesFile.load(explicitPath: nil))
        _ = try Rescoring.all(store, request: request, progress: nil)
        return true
    }
}
