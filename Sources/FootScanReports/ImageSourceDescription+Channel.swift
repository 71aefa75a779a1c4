import FootScanImage

extension ImageSourceDescription {
    /// The reports' `channel` value: `luma`, or `colour` when the grey measured was projected from the
    /// file's colours (the skin's hue, a separating projection or a pressure scale).
    package var channelName: String { projection == nil ? "luma" : "colour" }
}
