extension Unicode.Scalar {
    /// C0 controls, DEL and C1 controls: what stored text must not hold beyond line breaks and
    /// tabs (the importer and `clientele log` refuse them; escape codes would reach every tool
    /// that reads the store).
    public var isControlCharacter: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}

extension String {
    /// Whether the text holds a control character other than those `allowed`.
    public func containsControlCharacters(allowing allowed: Set<Unicode.Scalar> = []) -> Bool {
        unicodeScalars.contains { $0.isControlCharacter && !allowed.contains($0) }
    }
}
