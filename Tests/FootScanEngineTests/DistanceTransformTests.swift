@testable import FootScanEngine
import Testing

/// Exact Euclidean distances to seed pixels (``DistanceTransform``), against a search of every seed.
@Suite("Distance transform: exact distances to the nearest seed")
struct DistanceTransformTests {
    @Test("every pixel's squared distance is the nearest seed's, on scattered seeds and a filled shape")
    func againstSearch() {
        let width = 37, height = 23
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var scattered = [Bool](repeating: false, count: width * height)
        for _ in 0..<9 { scattered[Int(next() % UInt64(width * height))] = true }
        var shape = [Bool](repeating: false, count: width * height)
        for y in 0..<height { for x in 0..<width where (x - 20) * (x - 20) + 4 * (y - 11) * (y - 11) < 60 { shape[y * width + x] = true } }
        for seeds in [scattered, shape] {
            let distances = DistanceTransform.squaredDistances(seeds: seeds, width: width, height: height)
            var wrong = 0
            for y in 0..<height {
                for x in 0..<width {
                    var nearest = Int.max
                    for sy in 0..<height { for sx in 0..<width where seeds[sy * width + sx] { nearest = min(nearest, (sx - x) * (sx - x) + (sy - y) * (sy - y)) } }
                    if distances[y * width + x] != Float(nearest) { wrong += 1 }
                }
            }
            #expect(wrong == 0)
        }
    }

    @Test("no seed leaves every distance infinite; one seed gives the squared distance to it")
    func edges() {
        #expect(DistanceTransform.squaredDistances(seeds: [Bool](repeating: false, count: 12), width: 4, height: 3).allSatisfy { $0 == .infinity })
        var one = [Bool](repeating: false, count: 12)
        one[1 * 4 + 3] = true
        let distances = DistanceTransform.squaredDistances(seeds: one, width: 4, height: 3)
        #expect(distances[0] == 10 && distances[2 * 4 + 0] == 10 && distances[1 * 4 + 3] == 0 && distances[2 * 4 + 3] == 1)
    }
}
