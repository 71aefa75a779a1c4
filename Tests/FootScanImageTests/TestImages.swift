import FootScanImage

/// A small deterministic generator for test data (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builders of small test images with known pixels.
enum TestImages {
    /// A grey ramp with a bright square, `width` x `height`, packed.
    static func grey(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                var value = (x * 255) / max(width - 1, 1)
                if x >= width / 4 && x < width / 2 && y >= height / 4 && y < height / 2 { value = 250 - value / 2 }
                pixels[y * width + x] = UInt8(value)
            }
        }
        return pixels
    }

    /// An RGB pattern, packed (3 bytes a pixel).
    static func rgb(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                pixels[i] = UInt8((x * 37 + y * 11) % 256)
                pixels[i + 1] = UInt8((x * 5 + y * 53) % 256)
                pixels[i + 2] = UInt8((x * 91 + y * 7) % 256)
            }
        }
        return pixels
    }

    /// Rec. 601 luma of an RGB triple.
    static func luma(_ r: Int, _ g: Int, _ b: Int) -> Double {
        0.299 * Double(r) + 0.587 * Double(g) + 0.114 * Double(b)
    }

    /// Packs 8-bit samples `values` (each < 2^depth) into PNG rows of `depth` bits per sample.
    static func pack(_ values: [Int], width: Int, height: Int, depth: Int, channels: Int = 1) -> [UInt8] {
        let rowBytes = (width * channels * depth + 7) / 8
        var rows = [UInt8](repeating: 0, count: rowBytes * height)
        for y in 0..<height {
            for s in 0..<(width * channels) {
                let value = values[y * width * channels + s]
                switch depth {
                case 16:
                    rows[y * rowBytes + 2 * s] = UInt8(value >> 8)
                    rows[y * rowBytes + 2 * s + 1] = UInt8(value & 0xFF)
                case 8:
                    rows[y * rowBytes + s] = UInt8(value)
                default:
                    let bit = s * depth
                    let shift = 8 - depth - (bit % 8)
                    rows[y * rowBytes + bit / 8] |= UInt8(value << shift)
                }
            }
        }
        return rows
    }
}
