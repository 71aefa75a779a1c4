@testable import FootScanImage
import Testing

/// The fixed-point kernel a channel projection runs on a JPEG's planes.
@Suite("Projection kernel: a pure hue's levels in 16-bit and 32-bit lanes")
struct ProjectionKernelTests {
    /// Every pair of chroma samples, blue-major: 65,536 of each.
    static let pairs: (cb: [UInt8], cr: [UInt8]) = {
        var cb: [UInt8] = [], cr: [UInt8] = []
        for blue in 0...255 {
            for red in 0...255 {
                cb.append(UInt8(blue))
                cr.append(UInt8(red))
            }
        }
        return (cb, cr)
    }()

    /// A pure hue's levels of every (Cb, Cr) pair through both passes.
    static func levels(_ kernel: ProjectionKernel, narrow: Bool) -> [UInt16] {
        let (cb, cr) = pairs
        let count = cb.count
        let terms = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        defer { terms.deallocate() }
        return [UInt16](unsafeUninitializedCapacity: count) { levels, initialised in
            cb.withUnsafeBufferPointer { cb in
                cr.withUnsafeBufferPointer { cr in
                    guard let cb = cb.baseAddress, let cr = cr.baseAddress, let out = levels.baseAddress else { return }
                    kernel.hueLevels(cb: cb, cr: cr, count: count, into: out, terms: terms, narrow: narrow)
                }
            }
            initialised = count
        }
    }

    @Test("the 16-bit pass gives the 32-bit pass's levels for every chroma pair, clamped alike")
    func narrowIsExact() {
        // Skin hues as `SkinHue` makes them (strength 15 to 60; the strongest weights at the weakest
        // strength) and one on the edge of 16 bits.
        let projections = [
            ChannelProjection(weights: SIMD3(0.9, -0.2, -0.7), offset: 100, isSkinHue: true),
            ChannelProjection(weights: SIMD3(-0.5, 0.1, 0.4), offset: 160, isSkinHue: true),
            ChannelProjection(weights: SIMD3(4.2, -1.1, -3.1), offset: -300, isSkinHue: true),
            ChannelProjection(weights: SIMD3(52, -14, -38), offset: 3000, isSkinHue: true),
        ]
        for projection in projections {
            let kernel = ProjectionKernel(projection)
            #expect(kernel.hasNarrowChromaWeights, "weights \(projection.weights): \(kernel.blue), \(kernel.red)")
            let narrow = Self.levels(kernel, narrow: true), wide = Self.levels(kernel, narrow: false)
            let differing = zip(narrow, wide).filter { $0 != $1 }.count
            #expect(differing == 0, "weights \(projection.weights): \(differing) pairs differ")
            // Both ends of the range are reached, so the clamping is compared too.
            #expect(wide.contains(0) && wide.contains(4095), "weights \(projection.weights)")
        }
    }

    @Test("weights beyond 16 bits are told and take the 32-bit pass")
    func wideWeights() {
        let kernel = ProjectionKernel(ChannelProjection(weights: SIMD3(200, -50, -150), offset: 0, isSkinHue: true))
        #expect(!kernel.hasNarrowChromaWeights)
    }
}
