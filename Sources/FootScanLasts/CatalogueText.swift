/// Numbers as a catalogue writes them.
enum CatalogueText {
    /// A millimetre value as a catalogue writes it: whole numbers bare, others to a tenth.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }
}
