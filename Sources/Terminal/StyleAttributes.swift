@preconcurrency import CNCursesW
import Dashboard

/// The ncurses attribute bits for a resolved ``Style`` (colours are handled by colour pairs).
enum StyleAttributes {
    /// Bold, dim, italic, underline and reverse as `attr_t` bits.
    static func attributes(of style: Style) -> attr_t {
        var bits = clientele_attr_normal()
        if style.bold { bits |= clientele_attr_bold() }
        if style.dim { bits |= clientele_attr_dim() }
        if style.italic { bits |= clientele_attr_italic() }
        if style.underline { bits |= clientele_attr_underline() }
        if style.reverse { bits |= clientele_attr_reverse() }
        return bits
    }
}
