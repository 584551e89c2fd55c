import Dashboard
import Scoring
import Testing

/// The catalogue: every text in both languages, numbers, dates, money, and the model's reasons
/// and actions as sentences.
@Suite("Catalog")
struct CatalogTests {
    let en = Catalog(language: .en)
    let de = Catalog(language: .de)

    @Test("German when LC_ALL, LC_MESSAGES or LANG (in that order) starts with de")
    func languageFromLocale() {
        #expect(Language.from(environment: ["LANG": "de_DE.UTF-8"]) == .de)
        #expect(Language.from(environment: ["LANG": "de_CH"]) == .de)
        #expect(Language.from(environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.from(environment: ["LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"]) == .en)
        #expect(Language.from(environment: ["LC_MESSAGES": "de_AT.UTF-8", "LANG": "en_GB"]) == .de)
        #expect(Language.from(environment: ["LC_ALL": "", "LANG": "de_DE"]) == .de)
        #expect(Language.from(environment: [:]) == .en)
    }

    @Test("Every fixed text exists in both languages")
    func everyTextTranslated() {
        for key in UIText.allCases {
            #expect(!en.text(key).isEmpty, "\(key)")
            #expect(!de.text(key).isEmpty, "\(key)")
        }
    }

    @Test("Numbers, percentages, dates and amounts per language")
    func formatting() {
        #expect(en.number(1_234_567) == "1,234,567")
        #expect(de.number(1_234_567) == "1.234.567")
        #expect(en.number(-1_000) == "-1,000")
        #expect(en.decimal(4.05, digits: 1) == "4.1")
        #expect(de.decimal(4.05, digits: 1) == "4,1")
        #expect(en.percent(0.25) == "25%")
        #expect(de.percent(0.255, digits: 1) == "25,5 %")
        let day = CalendarDay(year: 2025, month: 3, day: 14) ?? CalendarDay(daysSinceEpoch: 0)
        #expect(en.date(day) == "2025-03-14")
        #expect(de.date(day) == "14.03.2025")
        #expect(en.amount(minor: 123_456) == "€1,234.56")
        #expect(de.amount(minor: 123_456) == "1.234,56 €")
        #expect(en.amount(minor: -5) == "-€0.05")
        #expect(de.amount(minor: 123_456, currency: "CHF") == "1.234,56 CHF")
        #expect(en.amount(minor: 123_456, currency: "CHF") == "CHF 1,234.56")
        #expect(en.amount(minor: 123_456, cents: false) == "€1,235")
        #expect(en.compactAmount(minor: 1_234_500) == "€12.3k")
        #expect(de.compactAmount(minor: 1_234_500) == "12,3 T€")
        #expect(en.compactAmount(minor: 345_000_000) == "€3.5M")
        #expect(de.compactAmount(minor: 98_000) == "980 €")
    }

    @Test("Ages and due dates are short and relative")
    func relativeTimes() {
        #expect(en.age(days: 0) == "today")
        #expect(en.age(days: 3) == "3 d")
        #expect(en.age(days: 35) == "5 w")
        #expect(en.age(days: 125) == "4 mo")
        #expect(en.age(days: 800) == "2 y")
        #expect(de.age(days: 3) == "3 T")
        #expect(de.age(days: 800) == "2 J")
        #expect(en.due(inDays: 2) == "in 2 d")
        #expect(en.due(inDays: -3) == "3 d late")
        #expect(de.due(inDays: 0) == "heute")
    }

    @Test("The model's reasons read as sentences in English and German")
    func reasons() {
        let overdue = RiskReason.orderOverdue(daysSinceLastOrder: 94, usualGapDays: 30)
        #expect(en.reason(overdue) == "no order for 94 days; usually orders every 30 days")
        #expect(de.reason(overdue) == "seit 94 Tagen keine Bestellung; bestellt sonst alle 30 Tage")
        let daily = RiskReason.orderOverdue(daysSinceLastOrder: 5, usualGapDays: 1)
        #expect(en.reason(daily) == "no order for 5 days; usually orders every day")
        #expect(de.reason(daily) == "seit 5 Tagen keine Bestellung; bestellt sonst täglich")
        let quiet = RiskReason.contactGap(daysSinceTouch: 80, usualGapDays: 21)
        #expect(en.reason(quiet) == "no contact for 80 days; usually every 21 days")
        #expect(de.reason(quiet) == "seit 80 Tagen kein Kontakt; sonst alle 21 Tage")
        let detractor = RiskReason.detractor(score: 4, daysAgo: 12, type: .transactional)
        #expect(en.reason(detractor) == "detractor, NPS 4, 12 days ago")
        #expect(de.reason(detractor) == "Kritiker, NPS 4, vor 12 Tagen")
        let ending = RiskReason.contractEnding(
            daysToEnd: 41, daysToNoticeDeadline: 11, emotionalBinding: .none)
        #expect(
            en.reason(ending)
                == "contract ends in 41 days, notice deadline in 11 days, no emotional binding signals")
        #expect(de.reason(.openComplaints(count: 1, oldestDays: 1)) == "eine offene Beschwerde, seit 1 Tag")
        // Edge days read as words, never "0 days old" or "in -75 days".
        #expect(en.reason(.openComplaints(count: 1, oldestDays: 0)) == "an open complaint, opened today")
        #expect(
            de.reason(.openComplaints(count: 2, oldestDays: 0))
                == "2 offene Beschwerden, die älteste seit heute")
        let lapsed = RiskReason.contractEnding(
            daysToEnd: 15, daysToNoticeDeadline: -75, emotionalBinding: .strong)
        #expect(en.reason(lapsed) == "contract ends in 15 days, notice deadline passed 75 days ago")
        #expect(de.reason(lapsed) == "Vertrag endet in 15 Tagen, Kündigungsfrist seit 75 Tagen verstrichen")
        #expect(en.action(.prepareRenewal, detail: 0).hasSuffix("(notice deadline today)"))
        #expect(en.action(.prepareRenewal, detail: -2).hasSuffix("(notice deadline passed 2 days ago)"))
        #expect(de.action(.resolveComplaint, detail: 0).hasSuffix("(seit heute offen)"))
        let all: [RiskReason] = [
            overdue, .noRecentOrder(daysSinceLastOrder: 200), .likelyInactive(percentAlive: 12), detractor,
            .passive(score: 7, daysAgo: 3, type: .relational), .openComplaints(count: 2, oldestDays: 15),
            .contractCancelled(daysToEnd: 20), ending, .lockInOnly(strongest: .contractual),
            .contactGap(daysSinceTouch: 90, usualGapDays: 30), .negativeSentiment(negative: 2, of: 3),
            .lowSatisfaction(score: 2, daysAgo: 10), .highEffort(score: 2, daysAgo: 10),
        ]
        for reason in all {
            #expect(!en.reason(reason).isEmpty && !de.reason(reason).isEmpty)
            #expect(en.reason(reason) != de.reason(reason), "\(reason) not translated")
        }
    }

    @Test("Actions read as sentences with their figure, in both languages")
    func actions() {
        #expect(
            en.action(.callBackDetractor, detail: 4) == "call back the detractor and close the loop (NPS 4)")
        #expect(
            de.action(.prepareRenewal, detail: 11)
                == "Verlängerungsgespräch vorbereiten (Kündigungsfrist in 11 Tagen)")
        #expect(en.action(.followUp, detail: -3) == "follow up as agreed (3 days overdue)")
        for kind in ActionKind.allCases {
            #expect(en.action(kind, detail: 5) != de.action(kind, detail: 5), "\(kind)")
            #expect(!en.actionLabel(kind).isEmpty && !de.actionLabel(kind).isEmpty)
        }
    }

    @Test("Vocabulary labels exist in both languages")
    func vocabulary() {
        for segment in Segment.allCases { #expect(!de.segment(segment).isEmpty) }
        #expect(de.band(.high) == "hoch")
        #expect(en.band(.medium) == "medium")
        #expect(de.binding(.economic) == "wirtschaftlich")
        #expect(de.channel(.call) == "Anruf")
    }
}

@Suite("German words where German is shown")
struct GermanWordingTests {
    @Test("The import panel names the kind in German; a contract's notice period reads as German")
    func importKindAndNotice() {
        let de = Catalog(language: .de)
        let en = Catalog(language: .en)
        #expect(de.importKindName("orders") == "Bestellungen")
        #expect(en.importKindName("orders") == "orders")
        #expect(de.noticePeriod(days: 90) == "Frist 90 Tage")
        #expect(en.noticePeriod(days: 1) == "notice 1 day")
    }
}
