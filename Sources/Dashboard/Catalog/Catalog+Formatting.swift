import Scoring

/// Numbers, dates and money as the language writes them: 1,234.56 / 1.234,56, 2025-03-14 /
/// 14.03.2025, €1,234.56 / 1.234,56 €. Pure integer arithmetic, no locale database, so the
/// output is the same on every machine (and in snapshot tests).
extension Catalog {
    private var groupSeparator: String { pick(",", ".") }
    private var decimalSeparator: String { pick(".", ",") }

    /// A whole number with thousands separators: 1,234,567 / 1.234.567.
    public func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += groupSeparator }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A decimal number with `digits` fraction digits, rounded half away from zero.
    public func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "–" }
        let scale = (0..<max(0, digits)).reduce(1) { result, _ in result * 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 9e15 else { return "–" }
        let whole = Int(scaled) / scale
        let fraction = Int(scaled) % scale
        var text = number(whole)
        if digits > 0 {
            let fractionText = String(fraction)
            text +=
                decimalSeparator + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return (value < 0 && scaled > 0 ? "-" : "") + text
    }

    /// A share 0–1 as a percentage: "12%" / "12 %" (German puts a space before the sign).
    public func percent(_ fraction: Double, digits: Int = 0) -> String {
        decimal(fraction * 100, digits: digits) + pick("%", " %")
    }

    /// A calendar date: 2025-03-14 / 14.03.2025.
    public func date(_ day: CalendarDay) -> String {
        let (year, month, dayOfMonth) = day.components
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return language == .de ? "\(two(dayOfMonth)).\(two(month)).\(year)" : day.iso
    }

    /// The calendar day of a unix time in the user's time zone (`utcOffsetSeconds` east of UTC).
    public static func localDay(unixSeconds: Int64, utcOffsetSeconds: Int) -> CalendarDay {
        CalendarDay(unixSeconds: unixSeconds + Int64(utcOffsetSeconds))
    }

    /// Money from integer minor units (cents): €1,234.56 / 1.234,56 €. With `cents: false`,
    /// rounded to whole units (€1,235), for narrow table columns.
    public func amount(minor: Int64, currency: String = "EUR", cents: Bool = true) -> String {
        let negative = minor < 0
        let magnitude = minor.magnitude
        var text: String
        if cents {
            let fraction = Int(magnitude % 100)
            text =
                number(Int(magnitude / 100)) + decimalSeparator + (fraction < 10 ? "0" : "")
                + String(fraction)
        } else {
            text = number(Int((magnitude + 50) / 100))
        }
        let symbol = Self.currencySymbols[currency] ?? currency
        let isWordSymbol = symbol.count > 1
        if language == .de {
            text = text + " " + symbol
        } else {
            text = isWordSymbol ? symbol + " " + text : symbol + text
        }
        return (negative ? "-" : "") + text
    }

    /// Money in a compact form for tight columns: €12.3k, €3.4M / 12,3 T€, 3,4 Mio €.
    public func compactAmount(minor: Int64, currency: String = "EUR") -> String {
        let units = Double(minor) / 100
        let magnitude = abs(units)
        let symbol = Self.currencySymbols[currency] ?? currency
        let (scaled, suffix): (Double, String) =
            magnitude >= 1_000_000
            ? (units / 1_000_000, pick("M", " Mio"))
            : magnitude >= 10_000 ? (units / 1_000, pick("k", " T")) : (units, "")
        let digits = suffix.isEmpty || abs(scaled) >= 100 ? 0 : 1
        let value = decimal(scaled, digits: digits) + suffix
        if language == .de { return value + (suffix == " T" ? "" : " ") + symbol }
        return value.hasPrefix("-") ? "-" + symbol + value.dropFirst() : symbol + value
    }

    private static let currencySymbols = ["EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"]

    /// Days ago as a short age for a table cell: "today", "3 d", "5 w", "4 mo", "2 y"
    /// (German "heute", "3 T", "5 W", "4 Mon", "2 J").
    public func age(days: Int) -> String {
        if days <= 0 { return text(.today) }
        if days < 14 { return "\(days) " + pick("d", "T") }
        if days < 60 { return "\(days / 7) " + pick("w", "W") }
        if days < 730 { return "\(days / 30) " + pick("mo", "Mon") }
        return "\(days / 365) " + pick("y", "J")
    }

    /// "scores of 2026-11-22 · 28 days old — run clientele score" (the advice only with
    /// `advice` and when older than today); just the day when the scores are today's or from a
    /// later day than the one shown (`--as-of` in the past).
    public func scoresOf(_ day: CalendarDay, daysOld: Int, advice: Bool) -> String {
        var text = pick("scores of ", "Bewertung vom ") + date(day)
        guard daysOld > 0 else { return text }
        text +=
            " · "
            + pick(
                daysOld == 1 ? "1 day old" : "\(daysOld) days old",
                daysOld == 1 ? "1 Tag alt" : "\(daysOld) Tage alt")
        if advice { text += pick(" — run clientele score", " — clientele score ausführen") }
        return text
    }

    /// When something is due, relative to today: "today", "in 3 d", "3 d late".
    public func due(inDays days: Int) -> String {
        if days == 0 { return text(.today) }
        if days > 0 { return pick("in \(days) d", "in \(days) T") }
        return pick("\(-days) d late", "\(-days) T überfällig")
    }

    /// "1 day" / "12 days" (German "1 Tag" / "12 Tagen" after "seit"/"vor"/"in").
    func days(_ count: Int) -> String {
        pick(count == 1 ? "1 day" : "\(count) days", count == 1 ? "1 Tag" : "\(count) Tagen")
    }

    /// After a reload: the selected customer no longer matches the list (filtered out, erased).
    /// What a customer has bought so far: "€13,385.82 from 85 orders to date".
    public func revenueToDate(minor: Int64, orders: Int) -> String {
        let money = amount(minor: minor)
        let count = number(orders)
        return orders == 1
            ? pick("\(money) from 1 order to date", "\(money) aus 1 Bestellung bis heute")
            : pick("\(money) from \(count) orders to date", "\(money) aus \(count) Bestellungen bis heute")
    }

    public func leftList(name: String) -> String {
        pick("\(name) is no longer in the list", "\(name) ist nicht mehr in der Liste")
    }

    /// A contract's notice period: "notice 30 days" / "Frist 30 Tage".
    public func noticePeriod(days: Int) -> String {
        pick(
            days == 1 ? "notice 1 day" : "notice \(days) days",
            days == 1 ? "Frist 1 Tag" : "Frist \(days) Tage")
    }
}

extension Catalog {
    /// A key as help shows it: the key map's own name in English ("pgdown", "ctrl-d"), the
    /// names on a German keyboard in German ("Bild↓", "Strg-d"). Key map files keep the
    /// English names (``KeyEvent/name``).
    public func keyName(_ key: KeyEvent) -> String {
        guard language == .de else { return key.name }
        switch key {
        case .character(" "): return "Leertaste"
        case .enter: return "Eingabe"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .shiftTab: return "Umschalt-Tab"
        case .backspace: return "Rück"
        case .delete: return "Entf"
        case .insert: return "Einfg"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Pos1"
        case .end: return "Ende"
        case .pageUp: return "Bild↑"
        case .pageDown: return "Bild↓"
        case .function(let number): return "F\(number)"
        case .control(" "): return "Strg-Leertaste"
        case .control(let character): return "Strg-" + String(character)
        case .alt(" "): return "Alt-Leertaste"
        case .alt(let character): return "Alt-" + String(character)
        case .character, .resize, .unknown: return key.name
        }
    }
}
