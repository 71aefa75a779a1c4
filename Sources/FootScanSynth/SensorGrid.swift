/// How a pressure plate's software draws the boundaries between its sensors (``PrintLook/sensorGrid``),
/// where it draws them at all: the map is then one of blocks, a sensor a square.
public enum SensorGrid: String, Sendable, Codable, Hashable, CaseIterable {
    /// Each sensor a square tile, with a gap of the background's colour around it.
    case tiles
    /// Grid lines in grey over the whole plate, the map and the background alike (on a grey map, which
    /// would read a grey line as pressure, the gaps of ``tiles``).
    case lines

    /// The gap's or the line's width, mm (at least a pixel): a screen pixel or two of the plate's
    /// software at the scale of the export.
    public static let widthMM = 0.25

    /// The lines' grey on a black background and on a white one.
    static let lineLevel = (onBlack: 80.0, onWhite: 170.0)
}
