import ArgumentParser
import CustomerStore
import Dashboard
import Foundation
import Scoring

/// `clientele show CUSTOMER`: one customer as text for people, or JSON for scripts.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one customer: profile, scores with reasons, bindings, actions, touchpoints.")

    @Argument(help: "Customer number (external id), id:N (the store's id), or a search.")
    var customer: String

    @OptionGroup var store: StoreOptions

    @Option(help: "en or de (default: from the locale).")
    var lang: Language?

    @Option(help: "How many touchpoints to list.")
    var touchpoints = 10

    func run() throws {
        let customerStore = try store.open(createIfMissing: false)
        let hit = try CustomerArgument.resolve(customer, in: customerStore)
        let today = Clock.today()
        guard let detail = try customerStore.customerDetail(id: hit.id, today: today) else {
            throw CommandError("no customer with id \(hit.id)")
        }
        let catalog = Catalog(
            language: lang ?? Language.from(environment: ProcessInfo.processInfo.environment))
        print(Self.text(detail, catalog: catalog, touchpoints: max(0, touchpoints), today: today))
    }

    /// Every text from data passes the sanitiser: a name with escape codes must not steer the terminal.
    static func text(_ detail: CustomerDetail, catalog: Catalog, touchpoints limit: Int, today: CalendarDay)
        -> String
    {
        func clean(_ text: String?) -> String { text.map { sanitizedForTerminal($0) } ?? "—" }
        // Labels padded to one column; German when the catalogue speaks German.
        let german = catalog.language == .de
        func label(_ english: String, _ deutsch: String) -> String {
            let text = german ? deutsch : english
            return text + String(repeating: " ", count: max(1, 13 - text.count))
        }
        var lines = [
            "\(clean(detail.name))\(detail.company.map { " · " + clean($0) } ?? "")  (id \(detail.id))"
        ]
        lines.append("  \(label("external id", "externe ID"))\(clean(detail.externalID))")
        lines.append("  \(label("owner", "Betreuer"))\(clean(detail.owner))")
        lines.append("  \(label("relationship", "Beziehung"))\(catalog.relationship(detail.relationship))")
        lines.append("  \(label("email", "E-Mail"))\(clean(detail.email))")
        lines.append("  \(label("phone", "Telefon"))\(clean(detail.phone))")
        lines.append(
            "  \(label("city", "Ort"))\(clean(detail.city))\(detail.country.map { ", " + clean($0) } ?? "")")
        // What was bought so far, next to the forward-looking value (docs/MODEL.md).
        // `show` writes its English labels in lower case; German nouns keep their capital.
        let revenueLabel = german ? catalog.text(.labelRevenue) : catalog.text(.labelRevenue).lowercased()
        let revenueLine =
            "  " + label(revenueLabel, revenueLabel)
            + catalog.revenueToDate(minor: detail.revenueToDateMinor, orders: detail.ordersToDate)
        if let risk = detail.churnRisk, let band = detail.band {
            lines.append("")
            lines.append("  \(label("segment", "Segment"))\(detail.segment.map(catalog.segment) ?? "—")")
            lines.append(
                "  \(label("churn risk", "Abwanderung"))\(catalog.percent(risk)) \(catalog.band(band))")
            if let value = detail.valueMinor {
                lines.append(
                    "  \(label("value", "Wert"))\(detail.tier?.rawValue ?? "—") · \(catalog.amount(minor: value))"
                )
            }
            lines.append(revenueLine)
            for reason in detail.reasons { lines.append("  • \(catalog.reason(reason))") }
        } else {
            lines.append("")
            lines.append(
                german
                    ? "  noch nicht bewertet (`clientele score` ausführen)"
                    : "  not scored yet (run `clientele score`)")
            lines.append(revenueLine)
        }
        lines.append("")
        lines.append(
            "  " + label("bindings", "Bindungen")
                + Binding.allCases.map { "\(catalog.binding($0)) \(catalog.strength(detail.bindings[$0]))" }
                .joined(separator: ", "))
        if !detail.actions.isEmpty {
            lines.append("")
            for action in detail.actions {
                lines.append(
                    "  → \(catalog.action(action, today: today)) · \(catalog.date(action.due))")
            }
        }
        if !detail.touchpoints.isEmpty && limit > 0 {
            lines.append("")
            for entry in detail.touchpoints.prefix(limit) {
                let day = catalog.date(CalendarDay(unixSeconds: entry.occurredAt))
                let note = sanitizedForTerminal(entry.note)
                lines.append(
                    "  \(day)  \(catalog.channel(entry.channel)) · \(catalog.interactionKind(entry.kind))"
                        + (note.isEmpty ? "" : " — \(note)"))
            }
        }
        return lines.joined(separator: "\n")
    }
}
