/// The parting level one foot of a pressure map is measured at, chosen as the map is parted at each of
/// ``PressureMapSegmenter/partingLevels`` in turn (`MeasurementEngine.measurePressureMap`): what the
/// foot showed at each level goes in, from the lowest level up, and the choice stands when the levels
/// run out.
///
/// The rule:
/// - the lowest level that parts the most of its toes (five at most), without breaking the foot into
///   more parts than it stands in at any level (an arch band pressed lightly stays whole), or, with as
///   many toes, the level where it first stands in fewer parts;
/// - a foot with no toe apart yet (toes joined to the forefoot, or not pressed) moves on to each
///   higher level up to ``PressureMapSegmenter/lowestFootLevel`` where it stands so: at the lowest
///   level its outline runs along the map's faintest fringe;
/// - above that level, the first toes apart count only when there are at least
///   ``PressureMapSegmenter/fewestToesAboveFootLevel`` of them: one or two apart that high are the
///   hardest pressed, and the fainter toes are gone.
struct PressureLevelChoice: Equatable {
    /// The level chosen so far.
    private(set) var level: Int
    /// Toes apart at that level.
    private(set) var toes: Int
    /// Parts the foot stands in at that level.
    private(set) var parts: Int
    /// The fewest parts it has stood in at any level so far.
    private(set) var fewestParts: Int

    /// A foot first seen at `level`, with `toes` apart (five at most count) in `parts` parts.
    init(level: Int, toes: Int, parts: Int) {
        self.level = level
        self.toes = min(toes, 5)
        self.parts = parts
        fewestParts = parts
    }

    /// Takes in the foot as parted at `level`, a level above every one seen before.
    mutating func see(level: Int, toes seen: Int, parts: Int) {
        let toes = min(seen, 5)
        fewestParts = min(fewestParts, parts)
        guard parts <= fewestParts else { return }
        let belowFootLevel = level <= PressureMapSegmenter.lowestFootLevel
        let moreToes = toes > self.toes
            && (self.toes > 0 || belowFootLevel || toes >= PressureMapSegmenter.fewestToesAboveFootLevel)
        let stillToeless = toes == 0 && self.toes == 0 && parts == self.parts && belowFootLevel
        guard moreToes || parts < self.parts || stillToeless else { return }
        self.level = level
        self.toes = toes
        self.parts = parts
    }
}
