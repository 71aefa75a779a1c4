/// The few EXIF fields FootScan uses, read from a TIFF structure (the payload of a JPEG APP1 "Exif"
/// segment or of a PNG `eXIf` chunk). Every read is bounds-checked: a damaged EXIF block yields
/// fewer fields, never a crash.
public struct ExifMetadata: Sendable, Equatable {
    /// Tag 0x0112, when present and valid.
    public var orientation: ExifOrientation?
    /// Tag 0x011A.
    public var xResolution: Double?
    /// Tag 0x011B.
    public var yResolution: Double?
    /// Tag 0x0128: 1 none, 2 inch, 3 centimetre (2 when absent, as EXIF defines).
    public var resolutionUnit: Int?

    /// Creates metadata from its fields.
    public init(orientation: ExifOrientation? = nil, xResolution: Double? = nil, yResolution: Double? = nil, resolutionUnit: Int? = nil) {
        self.orientation = orientation
        self.xResolution = xResolution
        self.yResolution = yResolution
        self.resolutionUnit = resolutionUnit
    }

    /// The density the resolution tags give, or nil when they are absent, unit-less or implausible.
    public var density: ScanDensity? {
        guard let xResolution, let yResolution else { return nil }
        let unit = resolutionUnit ?? 2
        let perInch: Double
        switch unit {
        case 2: perInch = 1
        case 3: perInch = 2.54
        default: return nil
        }
        let density = ScanDensity(dotsPerInchX: xResolution * perInch, dotsPerInchY: yResolution * perInch, source: .exif)
        return density.isPlausible ? density : nil
    }

    /// Parses a TIFF structure's first image directory.
    public init(tiff bytes: [UInt8]) {
        self.init()
        guard bytes.count >= 8 else { return }
        let little: Bool
        switch (bytes[0], bytes[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= bytes.count else { return nil }
            let a = Int(bytes[at]), b = Int(bytes[at + 1])
            return little ? a | b << 8 : a << 8 | b
        }
        func u32(_ at: Int) -> Int? {
            guard let low = u16(little ? at : at + 2), let high = u16(little ? at + 2 : at) else { return nil }
            return low | high << 16
        }
        guard u16(2) == 42, let directory = u32(4), let count = u16(directory), count < 1000 else { return }
        for entry in 0..<count {
            let at = directory + 2 + entry * 12
            guard let tag = u16(at), let type = u16(at + 2), let valueCount = u32(at + 4) else { return }
            switch (tag, type) {
            case (0x0112, 3):
                orientation = u16(at + 8).flatMap(ExifOrientation.init(rawValue:))
            case (0x0128, 3):
                resolutionUnit = u16(at + 8)
            case (0x011A, 5), (0x011B, 5):
                guard valueCount >= 1, let offset = u32(at + 8), let numerator = u32(offset),
                      let denominator = u32(offset + 4), denominator != 0 else { continue }
                let value = Double(numerator) / Double(denominator)
                if tag == 0x011A { xResolution = value } else { yResolution = value }
            default:
                continue
            }
        }
    }

    /// A little-endian TIFF structure holding the present fields (for the encoders and the generator).
    public var tiffBytes: [UInt8] {
        var entries: [(tag: UInt16, type: UInt16, value: UInt32)] = []
        var rationals: [(UInt32, UInt32)] = []
        if let orientation { entries.append((0x0112, 3, UInt32(orientation.rawValue))) }
        func rational(_ value: Double) -> (UInt32, UInt32) {
            (UInt32((value * 1000).rounded()), 1000)
        }
        if let xResolution { entries.append((0x011A, 5, 0)); rationals.append(rational(xResolution)) }
        if let yResolution { entries.append((0x011B, 5, 0)); rationals.append(rational(yResolution)) }
        if let resolutionUnit { entries.append((0x0128, 3, UInt32(resolutionUnit))) }
        var bytes: [UInt8] = [0x49, 0x49, 42, 0, 8, 0, 0, 0]
        func put16(_ value: UInt16) { bytes.append(UInt8(value & 0xFF)); bytes.append(UInt8(value >> 8)) }
        func put32(_ value: UInt32) { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) } }
        put16(UInt16(entries.count))
        var rationalOffset = UInt32(8 + 2 + entries.count * 12 + 4)
        for entry in entries {
            put16(entry.tag)
            put16(entry.type)
            put32(1)
            if entry.type == 5 {
                put32(rationalOffset)
                rationalOffset += 8
            } else {
                put16(UInt16(entry.value))
                put16(0)
            }
        }
        put32(0)
        for (numerator, denominator) in rationals {
            put32(numerator)
            put32(denominator)
        }
        return bytes
    }
}
