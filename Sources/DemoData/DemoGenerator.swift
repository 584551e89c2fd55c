import CustomerStore
import Foundation
import Scoring

/// What a demo book looks like: its size, its seed and its reference date.
public struct DemoConfiguration: Sendable, Equatable {
    public var customers: Int
    public var seed: UInt64
    /// The "today" of the demo: the newest data is from the day before.
    public var asOf: CalendarDay
    /// How far back the oldest customers start.
    public var historyYears: Int

    public init(customers: Int = 10_000, seed: UInt64 = 42, asOf: CalendarDay, historyYears: Int = 3) {
        self.customers = customers
        self.seed = seed
        self.asOf = asOf
        self.historyYears = historyYears
    }
}

/// The population behind the demo purchases: a buy-till-you-die process (BG/NBD) with
/// Gamma-Gamma spend, so the model has a known truth to find. Rates are per day.
public enum DemoTruth {
    /// Purchase rate λ ~ Gamma(r, α): mean r/α = one purchase every ~13 days while active.
    public static let r = 1.5
    public static let alpha = 20.0
    /// Drop-out after each purchase p ~ Beta(a, b): mean ~3.8 %.
    public static let a = 1.0
    public static let b = 25.0
    /// Spend per purchase z ~ Gamma(p, ν), ν ~ Gamma(q, γ): mean pγ/(q−1) = 120 €.
    public static let p = 4.0
    public static let q = 3.0
    public static let gamma = 60.0
    /// Share of purchase days that bring a second order on the same day.
    public static let sameDayOrderShare = 0.05
}

/// Everything generated for one customer.
public struct DemoCustomer: Sendable {
    public var customer: CustomerRecord
    public var orders: [OrderRecord]
    public var contracts: [ContractRecord]
    public var interactions: [InteractionRecord]
    public var feedback: [FeedbackRecord]
    public var referral: ReferralRecord?
}

/// Generates customers one at a time. Each customer draws from its own random stream, so the
/// content of customer *i* depends only on the seed, *i* and the as-of date; record ids are
/// assigned in generation order, which makes the whole store a pure function of the configuration.
public struct DemoGenerator {
    public let configuration: DemoConfiguration
    private var nextOrderID: Int64 = 1
    private var nextContractID: Int64 = 1
    private var nextInteractionID: Int64 = 1
    private var nextFeedbackID: Int64 = 1
    private var nextReferralID: Int64 = 1

    public init(configuration: DemoConfiguration) {
        self.configuration = configuration
    }

    private var asOf: CalendarDay { configuration.asOf }
    private var historyDays: Int { max(30, configuration.historyYears * 365) }

    /// The day customer `index` became a customer: the first draw of its stream.
    private func birthDay(of index: Int) -> CalendarDay {
        var random = SeededRandom(seed: configuration.seed, stream: UInt64(index))
        return asOf.adding(days: -1 - Int(random.uniform() * Double(historyDays - 1)))
    }

    /// Customer `index` (1-based), with ids following on from the previous call.
    public mutating func customer(_ index: Int) -> DemoCustomer {
        var random = SeededRandom(seed: configuration.seed, stream: UInt64(index))
        let birth = asOf.adding(days: -1 - Int(random.uniform() * Double(historyDays - 1)))
        let id = Int64(index)

        let purchases = simulatePurchases(from: birth, random: &random)
        let died = purchases.died
        // Satisfaction correlates with what the customer did, not what the process decided.
        let satisfaction = died ? random.beta(2, 3) : random.beta(4, 2)
        var profile = makeProfile(id: id, birth: birth, satisfaction: satisfaction, random: &random)

        let orders = makeOrders(customerID: id, purchases: purchases, random: &random)
        let contracts = makeContracts(customerID: id, birth: birth, profile: &profile, random: &random)
        let activeUntil =
            died ? min(asOf.adding(days: -1), purchases.lastDay.adding(days: 120)) : asOf.adding(days: -1)
        let (interactions, feedback) = makeTouchpoints(
            customerID: id, birth: birth, activeUntil: activeUntil, profile: profile,
            satisfaction: satisfaction, random: &random)

        var referral: ReferralRecord?
        if index > 1 && random.chance(0.05) {
            let referrer = random.int(in: 1...(index - 1))
            let day = max(birth, birthDay(of: referrer))
            referral = ReferralRecord(
                id: nextReferralID, referrerID: Int64(referrer), referredID: id,
                referredAt: day.startUnixSeconds + 36_000)
            nextReferralID += 1
        }
        return DemoCustomer(
            customer: profile.record, orders: orders, contracts: contracts, interactions: interactions,
            feedback: feedback, referral: referral)
    }

    // MARK: - Purchases

    private struct Purchases {
        var days: [CalendarDay]
        var amountsMinor: [Int64]
        var died: Bool
        var lastDay: CalendarDay
    }

    /// One BG/NBD customer: first purchase at birth, then Poisson(λ) purchases, dropping out
    /// after any purchase with probability p. A small share of customers are leads who have
    /// not bought yet.
    private func simulatePurchases(from birth: CalendarDay, random: inout SeededRandom) -> Purchases {
        let lambda = random.gamma(shape: DemoTruth.r, rate: DemoTruth.alpha)
        let dropout = random.beta(DemoTruth.a, DemoTruth.b)
        let nu = random.gamma(shape: DemoTruth.q, rate: DemoTruth.gamma)
        if random.chance(0.02) {
            return Purchases(days: [], amountsMinor: [], died: false, lastDay: birth)
        }
        let horizon = Double(birth.days(until: asOf))
        var days = [birth]
        var t = 0.0
        var died = false
        while true {
            // BG/NBD: a customer may drop out after each *repeat* purchase, never right after
            // the first (the likelihood of x = 0 is e^(−λT), with no dropout term).
            if days.count > 1 && random.chance(dropout) {
                died = true
                break
            }
            t += random.exponential(rate: lambda)
            // Purchases happen before the as-of day, never on or after it.
            if t >= horizon - 1 { break }
            days.append(birth.adding(days: Int(t)))
        }
        let amounts = days.map { _ in
            max(100, Int64((random.gamma(shape: DemoTruth.p, rate: nu) * 100).rounded()))
        }
        return Purchases(days: days, amountsMinor: amounts, died: died, lastDay: days[days.count - 1])
    }

    private mutating func makeOrders(customerID: Int64, purchases: Purchases, random: inout SeededRandom)
        -> [OrderRecord]
    {
        var orders: [OrderRecord] = []
        orders.reserveCapacity(purchases.days.count + 2)
        for (day, amount) in zip(purchases.days, purchases.amountsMinor) {
            // A purchase day may arrive as two orders; together they carry the drawn spend.
            let split = amount > 2_000 && random.chance(DemoTruth.sameDayOrderShare)
            let parts = split ? [amount * 2 / 3, amount - amount * 2 / 3] : [amount]
            for part in parts {
                let seconds = Int64(6 * 3600 + random.int(in: 0...(12 * 3600)))
                orders.append(
                    OrderRecord(
                        id: nextOrderID, customerID: customerID, orderedAt: day.startUnixSeconds + seconds,
                        amountMinor: part, currency: "EUR", category: random.pick(DemoVocabulary.categories)))
                nextOrderID += 1
            }
        }
        return orders
    }

    // MARK: - Profile

    private struct Profile {
        var record: CustomerRecord
        var owner: String
    }

    private func makeProfile(id: Int64, birth: CalendarDay, satisfaction: Double, random: inout SeededRandom)
        -> Profile
    {
        let isCompany = random.chance(0.4)
        let female = random.chance(0.5)
        let cjk = random.chance(0.01)
        let firstName = random.pick(female ? DemoVocabulary.femaleFirstNames : DemoVocabulary.maleFirstNames)
        let lastName = random.pick(DemoVocabulary.lastNames)
        let name = cjk ? random.pick(DemoVocabulary.cjkNames) : "\(firstName) \(lastName)"
        let place = random.pick(DemoVocabulary.places)
        let owner = random.pick(DemoVocabulary.owners)

        var company: String?
        if isCompany {
            if cjk && random.chance(0.5) {
                company = random.pick(DemoVocabulary.cjkCompanies)
            } else {
                let trade = random.pick(DemoVocabulary.trades)
                let form = random.pick(DemoVocabulary.legalForms)
                let family = random.pick(DemoVocabulary.lastNames)
                company = [trade, family, form].filter { !$0.isEmpty }.joined(separator: " ")
            }
        }

        let relationship: RelationshipType =
            random.chance(isCompany ? 0.55 : 0.2) ? .relationship : .transactional
        var tags: [String] = []
        var bindings = BindingSignals()
        if relationship == .transactional && random.chance(0.4) {
            tags.append("Bonusprogramm")
            bindings.economic = .medium
        } else if random.chance(0.1) {
            tags.append("Skonto")
            bindings.economic = .weak
        }
        if isCompany && random.chance(0.25) {
            tags.append("Schnittstelle")
            bindings.technical = random.chance(0.5) ? .strong : .medium
        }
        if random.chance(0.15) { bindings.situational = .weak }
        let emotionalBase = satisfaction + (relationship == .relationship ? 0.1 : -0.05)
        bindings.emotional =
            emotionalBase > 0.8
            ? .strong : emotionalBase > 0.6 ? .medium : emotionalBase > 0.4 ? .weak : .none
        if random.chance(0.15) { tags.append(random.pick(DemoVocabulary.tags)) }

        let birthday: CalendarDay? =
            random.chance(isCompany ? 0.5 : 0.9)
            ? CalendarDay(
                year: random.int(in: 1950...2004), month: random.int(in: 1...12), day: random.int(in: 1...28))
            : nil
        let email = makeEmail(
            id: id, firstName: cjk ? nil : firstName, lastName: cjk ? nil : lastName, company: company,
            random: &random)
        let phone = "\(place.dialCode) \(random.int(in: 100_000...9_999_999))"
        let street = "\(random.pick(DemoVocabulary.streets)) \(random.int(in: 1...180))"
        let created = birth.startUnixSeconds - Int64(random.int(in: 0...30) * 86_400) + 32_400

        let record = CustomerRecord(
            id: id, externalID: String(format: "K-%07d", id), name: name, company: company,
            kind: isCompany ? .company : .person, email: email, phone: phone, street: street,
            postalCode: place.postalCode, city: place.city, country: place.country, owner: owner,
            relationshipType: relationship, bindings: bindings, birthday: birthday, tags: tags,
            consentEmail: random.chance(0.7), consentPhone: random.chance(0.5),
            consentPost: random.chance(0.8),
            createdAt: created)
        return Profile(record: record, owner: owner)
    }

    private func makeEmail(
        id: Int64, firstName: String?, lastName: String?, company: String?, random: inout SeededRandom
    ) -> String {
        let local: String
        if let firstName, let lastName {
            local = "\(Self.ascii(firstName)).\(Self.ascii(lastName))"
        } else {
            local = "kunde\(id)"
        }
        if let company {
            let words = company.split(separator: " ").map { Self.ascii(String($0)) }.filter { $0.count > 2 }
            let domain = words.prefix(2).joined(separator: "-")
            return "\(local)@\(domain.isEmpty ? "firma\(id)" : domain).de"
        }
        return "\(local)@\(random.pick(DemoVocabulary.privateMailDomains))"
    }

    /// Lower-case ASCII for email addresses: ä → ae, ß → ss, accents dropped, others removed.
    static func ascii(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                if (97...122).contains(scalar.value) || (48...57).contains(scalar.value) || scalar == "-" {
                    out.unicodeScalars.append(scalar)
                }
            } else if let replacement = DemoVocabulary.emailTransliteration[scalar] {
                out += replacement
            }
        }
        return out
    }

    // MARK: - Contracts

    private mutating func makeContracts(
        customerID: Int64, birth: CalendarDay, profile: inout Profile, random: inout SeededRandom
    ) -> [ContractRecord] {
        let relationship = profile.record.relationshipType == .relationship
        guard random.chance(relationship ? 0.45 : 0.1) else { return [] }
        let (product, baseMinor) = random.pick(DemoVocabulary.contractProducts)
        let starts = birth.adding(days: random.int(in: 0...60))
        let status: ContractStatus = random.pick([(.active, 0.85), (.cancelled, 0.1), (.expired, 0.05)])
        var ends: CalendarDay
        switch status {
        case .active, .pending: ends = asOf.adding(days: random.int(in: 5...365))
        case .cancelled: ends = asOf.adding(days: random.int(in: 5...120))
        case .expired: ends = asOf.adding(days: -random.int(in: 1...400))
        }
        if ends < starts { ends = starts.adding(days: 365) }
        let recurring = Int64(Double(baseMinor) * (0.7 + 0.6 * random.uniform()))
        profile.record.bindings.contractual =
            status == .active
            ? (random.chance(0.7) ? .strong : .medium) : status == .cancelled ? .weak : .none
        let contract = ContractRecord(
            id: nextContractID, customerID: customerID, product: product, startsOn: starts, endsOn: ends,
            autoRenews: status == .active, noticeDays: random.pick([30, 60, 90]), recurringMinor: recurring,
            billingPeriod: random.pick([(.monthly, 0.7), (.quarterly, 0.1), (.yearly, 0.2)]), status: status,
            externalRef: "V-\(nextContractID)")
        nextContractID += 1
        return [contract]
    }

    // MARK: - Touchpoints and feedback

    private mutating func makeTouchpoints(
        customerID: Int64, birth: CalendarDay, activeUntil: CalendarDay, profile: Profile,
        satisfaction: Double, random: inout SeededRandom
    ) -> ([InteractionRecord], [FeedbackRecord]) {
        let relationship = profile.record.relationshipType == .relationship
        let span = max(1, birth.days(until: activeUntil))
        let count = random.poisson(mean: relationship ? 7.5 : 3.5)
        var times: [Int64] = (0..<count).map { _ in
            let day = birth.adding(days: Int(random.uniform() * Double(span)))
            return day.startUnixSeconds + Int64(7 * 3600 + random.int(in: 0...(11 * 3600)))
        }
        times.sort()

        let complaintWeight = 0.03 + 0.12 * (1 - satisfaction)
        let kinds: [(InteractionKind, Double)] = [
            (.sales, 0.30), (.service, 0.22), (.complaint, complaintWeight), (.feedback, 0.07),
            (.greeting, 0.07),
            (.survey, 0.04), (.onboarding, 0.03), (.renewal, 0.04), (.referral, 0.02), (.other, 0.05),
        ]
        let channels: [(Channel, Double)] = [
            (.call, 0.30), (.email, 0.30), (.meeting, 0.08), (.visit, 0.05), (.chat, 0.12), (.letter, 0.05),
            (.note, 0.10),
        ]
        let recentDay = asOf.adding(days: -45)
        // The kinds first: a greeting moves to the customer's greeting day nearest the drawn
        // one (a birthday card on a random day in March read as a mistake), at most once a day,
        // and only inside the time the customer was active.
        let greeting = Self.greetingDay(birthday: profile.record.birthday, customerSince: birth)
        var greeted: Set<CalendarDay> = []
        var planned: [(time: Int64, kind: InteractionKind)] = []
        for time in times {
            let kind = random.pick(kinds)
            guard kind == .greeting else {
                planned.append((time, kind))
                continue
            }
            let drawn = CalendarDay(unixSeconds: time)
            guard
                let day = Self.nearestOccurrence(
                    of: greeting, to: drawn, within: birth...max(birth, activeUntil)),
                greeted.insert(day).inserted
            else { continue }
            planned.append((day.startUnixSeconds + (time - drawn.startUnixSeconds), kind))
        }
        planned.sort { ($0.time, $0.kind.rawValue) < ($1.time, $1.kind.rawValue) }
        var interactions: [InteractionRecord] = []
        var feedback: [FeedbackRecord] = []
        for (time, kind) in planned {
            let day = CalendarDay(unixSeconds: time)
            let channel: Channel =
                kind == .greeting ? random.pick([(.letter, 0.6), (.email, 0.4)]) : random.pick(channels)
            let direction: Direction =
                kind == .complaint || kind == .feedback
                ? .inbound : random.chance(0.35) ? .inbound : .outbound
            let outcome = Self.outcome(channel: channel, direction: direction, random: &random)
            let sentiment: Sentiment =
                kind == .complaint
                ? .negative
                : random.chance(satisfaction * 0.6)
                    ? .positive : random.chance(0.15 * (1 - satisfaction)) ? .negative : .neutral
            var complaintStatus: ComplaintStatus?
            var resolvedAt: Int64?
            if kind == .complaint {
                let open = day >= recentDay ? random.chance(0.6) : random.chance(0.04)
                complaintStatus = open ? .open : .resolved
                if !open {
                    resolvedAt = min(
                        time + Int64(random.int(in: 1...10) * 86_400), asOf.startUnixSeconds - 3600)
                }
            }
            // Follow-ups from long ago were done; recent ones may still be pending or overdue.
            let followUp: CalendarDay? =
                day.days(until: asOf) <= 30 && random.chance(0.3)
                ? day.adding(days: random.int(in: 2...21)) : nil
            let templates = DemoVocabulary.noteTemplates[kind] ?? []
            let template =
                kind == .greeting && templates.count == 2
                ? templates[profile.record.birthday == nil ? 1 : 0] : random.pick(templates)
            let note = DemoVocabulary.note(
                template, product: random.pick(DemoVocabulary.categories), owner: profile.owner)
            let interaction = InteractionRecord(
                id: nextInteractionID, customerID: customerID, occurredAt: time, channel: channel,
                direction: direction, kind: kind, outcome: outcome, sentiment: sentiment, note: note,
                author: random.chance(0.8) ? profile.owner : "Service-Team", followUpOn: followUp,
                complaintStatus: complaintStatus, resolvedAt: resolvedAt,
                externalRef: "I-\(nextInteractionID)")
            interactions.append(interaction)
            nextInteractionID += 1

            let answeredAt = time + 7_200
            if [.sales, .service, .complaint].contains(kind) && random.chance(0.25) {
                let mean = 10 * satisfaction + 0.5 - (kind == .complaint ? 3 : 0)
                feedback.append(
                    newFeedback(
                        customerID, interaction.id, answeredAt, .nps, .transactional,
                        Self.score(mean: mean, spread: 1.5, in: 0...10, random: &random)))
            }
            if [.service, .complaint].contains(kind) && random.chance(0.3) {
                feedback.append(
                    newFeedback(
                        customerID, interaction.id, answeredAt + 60, .csat, nil,
                        Self.score(mean: 1 + 4 * satisfaction, spread: 0.8, in: 1...5, random: &random)))
            }
            if kind == .service && random.chance(0.2) {
                feedback.append(
                    newFeedback(
                        customerID, interaction.id, answeredAt + 120, .ces, nil,
                        Self.score(mean: 1 + 6 * satisfaction, spread: 1.0, in: 1...7, random: &random)))
            }
        }

        // Relational NPS: relationship customers are asked about once a year, never more than twice.
        if relationship {
            var askDay = birth.adding(days: 300 + random.int(in: 0...60))
            while askDay < activeUntil {
                if random.chance(0.6) {
                    feedback.append(
                        newFeedback(
                            customerID, nil, askDay.startUnixSeconds + 39_600, .nps, .relational,
                            Self.score(
                                mean: 10 * satisfaction + 0.5, spread: 1.2, in: 0...10, random: &random)))
                }
                askDay = askDay.adding(days: 365)
            }
        }
        feedback.sort { $0.givenAt < $1.givenAt }
        for index in feedback.indices {
            feedback[index].id = nextFeedbackID
            nextFeedbackID += 1
        }
        return (interactions, feedback)
    }

    /// The month and day a customer is greeted every year: their birthday, or for a customer
    /// without one the day they became a customer (29 February as 28 February).
    static func greetingDay(birthday: CalendarDay?, customerSince: CalendarDay) -> (month: Int, day: Int) {
        let date = (birthday ?? customerSince).components
        return (date.month, date.month == 2 ? min(date.day, 28) : date.day)
    }

    /// The date with `greeting`'s month and day nearest to `day` (a year either side) that lies
    /// in `range`; nil when none does.
    static func nearestOccurrence(
        of greeting: (month: Int, day: Int), to day: CalendarDay, within range: ClosedRange<CalendarDay>
    ) -> CalendarDay? {
        let year = day.components.year
        return [year - 1, year, year + 1]
            .compactMap { CalendarDay(year: $0, month: greeting.month, day: greeting.day) }
            .filter { range.contains($0) }
            .min { abs($0.days(until: day)) < abs($1.days(until: day)) }
    }

    private func newFeedback(
        _ customerID: Int64, _ interactionID: Int64?, _ at: Int64, _ metric: FeedbackMetric, _ type: NPSType?,
        _ score: Int
    ) -> FeedbackRecord {
        FeedbackRecord(
            id: 0, customerID: customerID, interactionID: interactionID, givenAt: at, metric: metric,
            npsType: type, score: score)
    }

    private static func score(
        mean: Double, spread: Double, in range: ClosedRange<Int>, random: inout SeededRandom
    )
        -> Int
    {
        let value = Int((mean + spread * random.standardNormal()).rounded())
        return min(range.upperBound, max(range.lowerBound, value))
    }

    private static func outcome(channel: Channel, direction: Direction, random: inout SeededRandom)
        -> InteractionOutcome?
    {
        switch channel {
        case .call:
            direction == .inbound
                ? .reached
                : random.pick([
                    (.reached, 0.6), (.voicemail, 0.15), (.noAnswer, 0.12), (.callBack, 0.08),
                    (.notInterested, 0.05),
                ])
        case .email, .letter: direction == .inbound ? .received : .sent
        case .meeting, .visit, .chat: .completed
        case .note: nil
        }
    }
}
