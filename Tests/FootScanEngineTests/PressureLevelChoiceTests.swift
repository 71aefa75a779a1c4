@testable import FootScanEngine
import Testing

/// The parting level a pressure map's foot is measured at, on hand-made sequences of what the foot
/// showed level by level (toes apart, parts).
@Suite("Pressure maps: the level each foot is measured at")
struct PressureLevelChoiceTests {
    /// The choice after the foot showed `seen` (level, toes, parts), from the lowest level up.
    static func choice(_ seen: [(level: Int, toes: Int, parts: Int)]) -> PressureLevelChoice? {
        guard let first = seen.first else { return nil }
        var choice = PressureLevelChoice(level: first.level, toes: first.toes, parts: first.parts)
        for level in seen.dropFirst() { choice.see(level: level.level, toes: level.toes, parts: level.parts) }
        return choice
    }

    /// What a foot shows at each of the parting levels: `toes(level)` apart, `parts(level)` parts.
    static func levels(toes: (Int) -> Int, parts: (Int) -> Int = { _ in 1 }) -> [(level: Int, toes: Int, parts: Int)] {
        PressureMapSegmenter.partingLevels.map { (level: $0, toes: toes($0), parts: parts($0)) }
    }

    @Test("the lowest level that parts the most toes, five at most")
    func mostToes() throws {
        let choice = try #require(Self.choice(Self.levels(toes: { $0 < 8 ? 0 : $0 < 15 ? 3 : $0 < 40 ? 5 : 6 })))
        #expect(choice.level == 15 && choice.toes == 5)
    }

    @Test("no level that breaks the foot into more parts than it stands in at another")
    func fewestParts() throws {
        // The arch band breaks at 22, where two more toes part; whole again nowhere above.
        let choice = try #require(Self.choice(Self.levels(toes: { $0 < 12 ? 3 : 5 }, parts: { $0 < 22 ? 1 : 2 })))
        #expect(choice.level == 12 && choice.toes == 5)
        // Two parts at the lowest levels (a faint band not yet pressed through), whole from 6 up: the level where it first stood whole.
        let whole = try #require(Self.choice(Self.levels(toes: { $0 < 10 ? 2 : 4 }, parts: { $0 < 6 ? 2 : 1 })))
        #expect(whole.level == 10 && whole.toes == 4)
    }

    @Test("a foot with no toe apart: the highest level up to the first-foot level where it stands so")
    func toeless() throws {
        let choice = try #require(Self.choice(Self.levels(toes: { _ in 0 }, parts: { $0 < 52 ? 1 : 2 })))
        #expect(choice.level == PressureMapSegmenter.lowestFootLevel && choice.toes == 0)
    }

    @Test("above the first-foot level, one or two toes apart are passed over; three or more are taken")
    func fewToesHigh() throws {
        // Toes joined to the forefoot: the big toe alone parts at 46, it and toe 2 at 52.
        let joined = try #require(Self.choice(Self.levels(toes: { $0 < 46 ? 0 : $0 < 52 ? 1 : 2 })))
        #expect(joined.level == PressureMapSegmenter.lowestFootLevel && joined.toes == 0)
        // Three part at 40: taken.
        let three = try #require(Self.choice(Self.levels(toes: { $0 < 40 ? 0 : 3 })))
        #expect(three.level == 40 && three.toes == 3)
        // A foot with toes apart below the first-foot level keeps the rule of the most toes above it too.
        let parted = try #require(Self.choice(Self.levels(toes: { $0 < 12 ? 0 : $0 < 46 ? 1 : 2 })))
        #expect(parted.level == 46 && parted.toes == 2)
        // Below the first-foot level, one toe apart is taken.
        let low = try #require(Self.choice(Self.levels(toes: { $0 < 26 ? 0 : 1 })))
        #expect(low.level == 26 && low.toes == 1)
    }
}
