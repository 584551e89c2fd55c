/// Hands out ncurses colour pairs lazily, one per foreground/background combination used.
///
/// Pure bookkeeping (the renderer calls `init_extended_pair` for new pairs), so the limits are
/// tested without a terminal. Pair 0 is the terminal's default colours and is never handed out.
/// When `COLOR_PAIRS` runs out, further combinations get pair 0: the text stays readable in the
/// default colours and keeps its attributes (bold, reverse, …), which themes rely on anyway.
public struct ColorPairAllocator: Sendable {
    /// What ``pair(foreground:background:)`` decided.
    public enum Assignment: Hashable, Sendable {
        /// A pair already set up for this combination.
        case existing(Int32)
        /// A new pair: the caller must initialise it with the combination's colours.
        case new(Int32)
        /// No pair left (or none needed): use pair 0.
        case fallback
    }

    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Pairs that may be handed out: 1 through `limit`.
    public let limit: Int
    private var pairs: [Key: Int32] = [:]

    public init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// How many pairs have been handed out.
    public var count: Int { pairs.count }

    /// The pair for this combination (colour numbers as ncurses takes them, -1 for default).
    public mutating func pair(foreground: Int32, background: Int32) -> Assignment {
        if foreground == -1 && background == -1 { return .fallback }
        let key = Key(foreground: foreground, background: background)
        if let existing = pairs[key] { return .existing(existing) }
        guard pairs.count < limit else { return .fallback }
        let number = Int32(pairs.count + 1)
        pairs[key] = number
        return .new(number)
    }

    /// Forgets every pair (after the colour setup was lost, e.g. a new theme).
    public mutating func reset() {
        pairs.removeAll()
    }
}
