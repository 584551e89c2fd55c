/// Sentences about the customer list and the call list as a whole.
extension Catalog {
    /// An owner filter that matches nobody, with the owners there are.
    func ownerNotFound(_ owner: String, owners: [String]) -> String {
        let list = owners.joined(separator: ", ")
        return owners.isEmpty
            ? pick(
                "no customer has the owner \"\(owner)\" (no customer has an owner)",
                "kein Kunde hat den Betreuer „\(owner)“ (kein Kunde hat einen Betreuer)")
            : pick(
                "no customer has the owner \"\(owner)\" (owners match exactly): \(list)",
                "kein Kunde hat den Betreuer „\(owner)“ (genaue Schreibweise): \(list)")
    }
}
