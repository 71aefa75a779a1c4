@testable import FootScanEngine
import Foundation
import Testing

/// Cutting dust specks that touch the foot off hand-made outlines: a toe 10 mm in radius with a round speck
/// on its tip, a vertex every half pixel or a little less, as the tracer leaves them; 150 dpi.
@Suite("Touching specks")
struct TouchingSpecksTests {
    /// 150 dpi.
    static let mmPerPixel = 25.4 / 150

    /// The outline of a disc of radius `radius` about the origin with a disc of radius `speck` whose
    /// centre lies `beyond` pixels past the first one's top (y down): the big disc's arc from one place
    /// where they meet round to the other, then the speck's arc outside it, points half a pixel apart or a
    /// little less; the first at the speck's top when `startAtSpeck`.
    static func toe(radius: Double = 60, speck: Double, beyond: Double, startAtSpeck: Bool = false) -> [SIMD2<Double>] {
        let distance = radius + beyond
        // The speck's angle from its top, and the toe's, where the two circles meet.
        let speckAngle = acos(max(-1, min(1, (radius * radius - speck * speck - distance * distance) / (2 * distance * speck))))
        let meeting = SIMD2(speck * sin(speckAngle), -distance - speck * cos(speckAngle))
        let toeAngle = atan2(meeting.x, -meeting.y)
        func arc(_ from: Double, _ to: Double, radius: Double, centre: SIMD2<Double>) -> [SIMD2<Double>] {
            let steps = max(1, Int(((to - from) * radius / 0.5).rounded(.up)))
            return (0..<steps).map { k in
                let angle = from + (to - from) * Double(k) / Double(steps)
                return centre + SIMD2(sin(angle), -cos(angle)) * radius
            }
        }
        let toe = arc(toeAngle, 2 * .pi - toeAngle, radius: radius, centre: .zero)
        let top = arc(-speckAngle, speckAngle, radius: speck, centre: SIMD2(0, -distance))
        guard startAtSpeck else { return toe + top }
        return Array(top[(top.count / 2)...] + toe + top[..<(top.count / 2)])
    }

    /// A speck's size (mm) and how far its centre lies past the toe's edge, in its radii: half sunk, half
    /// out, barely touching. A quarter-millimetre speck half sunk stands out 0.13 mm, under the shortest
    /// bump found, and stays.
    static let specks: [(sizeMM: Double, beyond: Double)] = [(0.25, 0.5), (0.25, 0.8), (0.5, 0), (0.5, 0.5), (0.5, 0.8), (1, 0), (1, 0.5), (1, 0.8)]

    @Test("a speck half sunk, half out or barely touching is cut off; the toe's top comes back", arguments: Self.specks)
    func speckCut(_ sizeMM: Double, _ beyondRadii: Double) {
        let speck = sizeMM / 2 / Self.mmPerPixel, beyond = beyondRadii * speck
        for outline in [Self.toe(speck: speck, beyond: beyond), Array(Self.toe(speck: speck, beyond: beyond).reversed())] {
            let top = outline.map(\.y).min() ?? 0
            #expect(top < -60 - beyond - 0.95 * speck, "the speck is not on the outline")
            let (cut, cuts) = TouchingSpecks.cut(outline, mmPerPixel: Self.mmPerPixel)
            #expect(cuts == 1, "\(sizeMM) mm speck \(beyond) px beyond")
            let highest = cut.map(\.y).min() ?? 0
            #expect(highest >= -60.3, "\(sizeMM) mm speck \(beyond) px beyond: a vertex \(-highest - 60) px out of the toe")
            // Only the speck goes: the toe's vertices more than a speck away from it all stay.
            let toe = outline.filter { $0.y > -60 + 2 * speck + 2 }
            let toeKept = toe.allSatisfy { p in cut.contains(p) }
            #expect(toeKept, "\(sizeMM) mm speck \(beyond) px beyond: the toe cut")
        }
    }

    @Test("a speck across the outline's first vertex is cut too")
    func speckAcrossTheStart() {
        let speck = 0.5 / Self.mmPerPixel
        let (cut, cuts) = TouchingSpecks.cut(Self.toe(speck: speck, beyond: 0.5 * speck, startAtSpeck: true), mmPerPixel: Self.mmPerPixel)
        #expect(cuts == 1)
        #expect((cut.map(\.y).min() ?? 0) >= -60.3)
    }

    @Test("a toe alone, a small toe of 2 mm radius on it and a cleft stay as they are")
    func kept() {
        let plain = Self.toe(speck: 0, beyond: 0)
        #expect(TouchingSpecks.cut(plain, mmPerPixel: Self.mmPerPixel).cuts == 0)
        let smallToe = Self.toe(speck: 2 / Self.mmPerPixel, beyond: 0)
        let smallToeKept = TouchingSpecks.cut(smallToe, mmPerPixel: Self.mmPerPixel).outline == smallToe
        #expect(smallToeKept)
        // A slot 1 px wide and 0.8 mm deep into a square: a cleft between toes encloses bed.
        let cleft = [SIMD2<Double>](polygonThrough: [SIMD2(0, 0), SIMD2(60, 0), SIMD2(60, 5), SIMD2(61, 5), SIMD2(61, 0), SIMD2(120, 0),
                                                     SIMD2(120, 120), SIMD2(0, 120)])
        let cleftKept = TouchingSpecks.cut(cleft, mmPerPixel: Self.mmPerPixel).outline == cleft
        #expect(cleftKept, "the cleft's sides or mouth cut")
    }

    /// A square 600 px (100 mm) across, y down, with square teeth 3 px wide and high (0.5 mm: bumps with
    /// two corners, as a speck makes) on its top edge at `top` (their left sides' x) and on its bottom edge
    /// at `bottom`.
    static func teeth(top: [Double], bottom: [Double]) -> [SIMD2<Double>] {
        var corners = [SIMD2<Double>(0, 0)]
        for x in top.sorted() { corners += [SIMD2(x, 0), SIMD2(x, -3), SIMD2(x + 3, -3), SIMD2(x + 3, 0)] }
        corners += [SIMD2(600, 0), SIMD2(600, 600)]
        for x in bottom.sorted(by: >) { corners += [SIMD2(x + 3, 600), SIMD2(x + 3, 603), SIMD2(x, 603), SIMD2(x, 600)] }
        corners.append(SIMD2(0, 600))
        return [SIMD2<Double>](polygonThrough: corners)
    }

    @Test("a lone bump is cut; bumps every few millimetres along an edge are the edge's own, and stay")
    func raggedEdges() {
        let lone = TouchingSpecks.cut(Self.teeth(top: [300], bottom: []), mmPerPixel: Self.mmPerPixel)
        #expect(lone.cuts == 1)
        #expect((lone.outline.map(\.y).min() ?? 0) >= -0.01)
        // Three within 7 mm on the top edge: a frayed stretch; the lone one on the bottom edge is still cut.
        let frayed = TouchingSpecks.cut(Self.teeth(top: [100, 120, 140], bottom: [300]), mmPerPixel: Self.mmPerPixel)
        #expect(frayed.cuts == 1)
        #expect((frayed.outline.map(\.y).min() ?? 0) <= -2.99 && (frayed.outline.map(\.y).max() ?? 0) <= 600.01)
        // A bump every 5 mm along two edges (40 on 400 mm of outline): ragged all along, nothing cut.
        let everywhere = stride(from: 15.0, to: 590, by: 30).map { $0 }
        #expect(TouchingSpecks.cut(Self.teeth(top: everywhere, bottom: everywhere), mmPerPixel: Self.mmPerPixel).cuts == 0)
    }
}
