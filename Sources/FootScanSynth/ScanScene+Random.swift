#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScanScene {
    /// A random scene drawn from `conditions`.
    public static func random(seed: UInt64, conditions: SceneConditions = SceneConditions()) -> ScanScene {
        var random = SeededRandom(seed: seed)
        let dpi = conditions.dotsPerInch[Int.random(in: 0..<conditions.dotsPerInch.count, using: &random)]
        let count = conditions.footCount ?? (random.uniform(0...1) < 0.35 ? 2 : 1)
        let pairAngle = conditions.angle ?? random.uniform(0...(2 * Double.pi))

        // Lay the feet out toes up (angle -pi/2) as a person stands seen from below the glass: the right
        // foot on the viewer's left, medial sides (big toes) facing; then turn the lot. Touching feet still
        // stand crossed (left foot on the viewer's left, little toes facing): the touching-feet cut was
        // built on that stance and does not yet hold on the real one (balls and heels touching); see the
        // README.
        let crossed = conditions.touching
        var feet: [PlacedFoot] = []
        if count == 2 {
            let onLeft = FootShape.random(using: &random, side: crossed ? .left : .right, toe1MinusToe2MM: conditions.toe1MinusToe2MM)
            var onRight = FootShape.random(using: &random, side: crossed ? .right : .left, toe1MinusToe2MM: conditions.toe1MinusToe2MM)
            onRight.lengthMM = min(310, max(210, onLeft.lengthMM + random.uniform(-5...5)))
            let spread = random.uniform(0...0.15)
            feet.append(PlacedFoot(shape: onLeft, pternionMM: Point2(0, 0), angle: -Double.pi / 2 - spread))
            let gap = random.uniform(15...60)
            feet.append(PlacedFoot(shape: onRight, pternionMM: Point2(0, 0), angle: -Double.pi / 2 + spread))
            // Move the foot on the right clear of the one on the left.
            let leftBox = ScanScene.bounds(of: [feet[0]])
            let rightBox = ScanScene.bounds(of: [feet[1]])
            feet[1].pternionMM = Point2(leftBox.max.x - rightBox.min.x + gap, random.uniform(-15...15))
            if conditions.touching {
                // Standing side by side: heels level within 5 mm, feet nearly parallel, then moved together.
                feet[0].angle = -Double.pi / 2 - spread / 2
                feet[1].angle = -Double.pi / 2 + spread / 2
                feet[1].pternionMM.y = random.uniform(-5...5)
                if conditions.touchingStaggerMM.upperBound > 0 {
                    // A stream of its own, so that level stances stay as they were; either foot ahead.
                    var stance = SeededRandom(seed: seed ^ 0x57A6_6E2D)
                    let ahead = stance.uniform(conditions.touchingStaggerMM)
                    feet[1].pternionMM.y += stance.uniform(0...1) < 0.5 ? ahead : -ahead
                }
                feet[1].pternionMM.x -= ScanScene.horizontalGap(left: feet[0], right: feet[1]) + 1.0
            }
        } else {
            let shape = FootShape.random(using: &random, toe1MinusToe2MM: conditions.toe1MinusToe2MM)
            feet.append(PlacedFoot(shape: shape, pternionMM: Point2(0, 0), angle: -Double.pi / 2))
        }
        if conditions.toeRotationDeg.upperBound > 0 {
            // A stream of its own, so that scenes without turned toes stay as they were.
            var turns = SeededRandom(seed: seed ^ 0x5EED_7035)
            for index in feet.indices { feet[index].shape.toeRotationDeg = turns.uniform(conditions.toeRotationDeg) }
        }
        if conditions.footprints || conditions.device != nil {
            for index in feet.indices { feet[index].print = FootprintParameters.random(using: &random) }
            if conditions.splitPrints {
                for index in feet.indices { feet[index].print?.midfootBandMM = 0 }
            }
            if conditions.touchingToePads {
                // A stream of its own, so that other scenes stay as they were.
                var touching = SeededRandom(seed: seed ^ 0x70E_7A0C)
                for index in feet.indices {
                    let pick = touching.uniform(0...3)
                    feet[index].print?.touchingToePads = pick < 1 ? [0] : pick < 2 ? [4] : [0, 4]
                    feet[index].print?.irregularPads = true
                }
            }
            if conditions.roundedBallFronts {
                for index in feet.indices { feet[index].print?.roundedFront = true }
            }
            if conditions.padlessPrints {
                // A stream of its own, so that other scenes stay as they were.
                var toes = SeededRandom(seed: seed ^ 0x7_0E1E55)
                for index in feet.indices {
                    if toes.uniform(0...1) < 0.5 {
                        feet[index].print?.touchingToePads = Array(0..<5)
                        feet[index].print?.irregularPads = true
                    } else {
                        feet[index].print?.hiddenToes = true
                    }
                }
            }
            if conditions.partialPrints {
                var pads = SeededRandom(seed: seed ^ 0x9AD5_0FF5)
                for index in feet.indices { feet[index].print?.missingToePads = pads.uniform(0...1) < 0.5 ? 1 : 2 }
            }
        }
        let turn = pairAngle + Double.pi / 2
        for index in feet.indices {
            let p = feet[index].pternionMM
            feet[index].pternionMM = Point2(p.x * cos(turn) - p.y * sin(turn), p.x * sin(turn) + p.y * cos(turn))
            feet[index].angle += turn
        }
        let box = ScanScene.bounds(of: feet)
        var margins = (0..<4).map { _ in random.uniform(conditions.marginMM) }
        if conditions.device == .inkGrid {
            // A form around the prints: a header with text and a logo above, room for pencil marks below.
            var form = SeededRandom(seed: seed ^ 0xF0_4A11)
            margins = margins.map { $0 + 12 }
            margins[1] = form.uniform(55...70)
            margins[3] = form.uniform(30...45)
        }
        // A stream of its own, so that scenes without a touching band stay as they were.
        var band = SeededRandom(seed: seed ^ 0x1EA4_BA4D)
        let touchingBand = conditions.leakTouchesFoot ? (width: band.uniform(2...6), share: band.uniform(0.6...0.95)) : nil
        if let touchingBand { margins[0] = touchingBand.width + band.uniform(-0.2...0.1) }
        for index in feet.indices {
            feet[index].pternionMM = feet[index].pternionMM - box.min + Point2(margins[0], margins[1])
        }
        let width = box.max.x - box.min.x + margins[0] + margins[2]
        let height = box.max.y - box.min.y + margins[1] + margins[3]

        let lighter = conditions.footLighter ?? (random.uniform(0...1) < 0.5)
        var lighting: ScanLighting
        if lighter {
            lighting = ScanLighting(bedLevel: random.uniform(15...60), skinLevel: random.uniform(150...215))
        } else {
            lighting = ScanLighting(bedLevel: random.uniform(205...245), skinLevel: random.uniform(80...150))
        }
        lighting.noise = random.uniform(0.5...4)
        lighting.texture = random.uniform(0...5)
        if conditions.harsh {
            let contrast = abs(lighting.skinLevel - lighting.bedLevel)
            lighting.gradient = Point2(random.uniform(-0.25...0.25) * contrast, random.uniform(-0.2...0.2) * contrast)
            if random.uniform(0...1) < 0.3 {
                lighting.leakWidthMM = random.uniform(2...6)
                lighting.leakLevel = lighting.bedLevel + (lighting.skinLevel - lighting.bedLevel) * random.uniform(0.6...0.95)
            }
            if !lighter && random.uniform(0...1) < 0.5 {
                lighting.haloStrength = random.uniform(0.05...0.25)
                lighting.haloReachMM = random.uniform(2...8)
            }
            if random.uniform(0...1) < 0.4 { lighting.callus = random.uniform(0.1...0.35) }
            if lighter && random.uniform(0...1) < 0.3 {
                lighting.glare = random.uniform(0.15...0.4)
                lighting.glareWidthMM = random.uniform(3...10)
            }
            // Keep the step at every edge at least 45% of the foot-to-bed contrast: a halo or glare that
            // meets pale callus at the same grey leaves no edge for any method to find.
            let room = 0.55 - lighting.callus - lighting.glare
            if room < 0 { lighting.callus = max(0, lighting.callus + room) }
            let haloCap = max(0, 0.55 - lighting.callus) * contrast / lighting.bedLevel
            lighting.haloStrength = min(lighting.haloStrength, haloCap)
            if random.uniform(0...1) < 0.3 {
                lighting.skinTint = [1.0, random.uniform(0.75...0.9), random.uniform(0.6...0.8)]
                lighting.bedTint = [random.uniform(0.85...1), random.uniform(0.9...1), 1.0]
            }
        }
        if let touchingBand {
            lighting.leakWidthMM = touchingBand.width
            lighting.leakLevel = lighting.bedLevel + (lighting.skinLevel - lighting.bedLevel) * touchingBand.share
        }
        if conditions.edgeBlurMM.upperBound > 0 {
            var blur = SeededRandom(seed: seed ^ 0xB1_0B1E)
            lighting.edgeBlurMM = blur.uniform(conditions.edgeBlurMM)
        }
        if conditions.isoluminantBed {
            var hue = SeededRandom(seed: seed ^ 0x15_0C01_0B)
            func luma(_ tint: [Double]) -> Double { 0.299 * tint[0] + 0.587 * tint[1] + 0.114 * tint[2] }
            let skinTint = [1.0, hue.uniform(0.72...0.85), hue.uniform(0.55...0.7)]
            let bedTint = [hue.uniform(0.55...0.75), hue.uniform(0.9...1.0), 1.0]
            lighting.skinLevel = hue.uniform(130...175)
            lighting.bedLevel = lighting.skinLevel * luma(skinTint) / luma(bedTint) * (1 + hue.uniform(-0.03...0.03))
            lighting.skinTint = skinTint
            lighting.bedTint = bedTint
            lighting.leakWidthMM = 0
            let contrast = abs(lighting.skinLevel - lighting.bedLevel)
            lighting.gradient = Point2(hue.uniform(-0.25...0.25) * contrast, hue.uniform(-0.2...0.2) * contrast)
        }
        // Streams of their own, so that the feet and their places stay those of the plain scene.
        var real = SeededRandom(seed: seed ^ 0x4EA1_100C)
        if let look = conditions.look {
            lighting.realLook = RealLook.random(look, using: &real)
            lighting.noise = real.uniform(1...4)
            lighting.texture = real.uniform(1...4)
        }
        if let device = conditions.device {
            var look = SeededRandom(seed: seed ^ 0x9_41D7)
            lighting.printLook = PrintLook.random(device, using: &look)
            if conditions.trousers && device == .podoscope {
                // A stream of its own, so that other scenes stay as they were.
                var cloth = SeededRandom(seed: seed ^ 0x7_A05E)
                lighting.printLook?.trousers = Trousers.random(using: &cloth)
            }
            if let scale = conditions.pressureScale, device == .pressurePlate {
                lighting.printLook?.pressureScale = scale
                // The hot scale's peaks are white: plates draw it on black.
                if scale == .hot { lighting.printLook?.whiteBackground = false }
            }
            if conditions.greyPressureMap && device == .pressurePlate { lighting.printLook?.greyMap = true }
            if let grid = conditions.sensorGrid, device == .pressurePlate {
                lighting.printLook?.sensorGrid = grid
                lighting.printLook?.interpolated = false
            }
            if conditions.perspective && device == .inkGrid {
                // A stream of its own, so that the form and its prints stay those drawn square on.
                var camera = SeededRandom(seed: seed ^ 0xCA3E_7117)
                lighting.printLook?.tilt = CameraTilt.random(widthMM: width, heightMM: height, using: &camera)
            }
            lighting.noise = device == .pressurePlate ? 0 : look.uniform(device == .inkGrid ? 0.5...2 : 1...3)
        }
        if conditions.quirks {
            var quirks = ScannerQuirks()
            quirks.vignetting = real.uniform(0.1...0.25)
            quirks.specks = Int(real.uniform(5...30))
            quirks.hairs = Int(real.uniform(0...4.99))
            quirks.sixteenBit = real.uniform(0...1) < 0.5
            lighting.quirks = quirks
        }
        let format = conditions.formats[Int.random(in: 0..<conditions.formats.count, using: &random)]
        if conditions.offBed {
            // One edge cuts into the feet: the bed ends 5 to 20 mm inside their bounding box there.
            let edge = Int(real.uniform(0...3.999)), cut = real.uniform(5...20)
            let shift = [Point2(-(margins[0] + cut), 0), Point2(0, -(margins[1] + cut)), Point2(0, 0), Point2(0, 0)][edge]
            for index in feet.indices { feet[index].pternionMM = feet[index].pternionMM + shift }
            let bedWidth = width - [margins[0] + cut, 0, margins[2] + cut, 0][edge]
            let bedHeight = height - [0, margins[1] + cut, 0, margins[3] + cut][edge]
            var scene = ScanScene(dotsPerInch: dpi, bedWidthMM: bedWidth, bedHeightMM: bedHeight, feet: feet, lighting: lighting,
                                  format: format, writesDensity: true, seed: random.next())
            scene.addTouchingDust(hairs: conditions.touchingHairs, specks: conditions.touchingSpecks, seed: seed)
            return scene
        }
        var scene = ScanScene(dotsPerInch: dpi, bedWidthMM: width, bedHeightMM: height, feet: feet, lighting: lighting,
                              format: format, writesDensity: true, seed: random.next())
        scene.addTouchingDust(hairs: conditions.touchingHairs, specks: conditions.touchingSpecks, seed: seed)
        return scene
    }

    /// The narrowest horizontal gap between two feet's outlines on the bed, row by row (1 mm rows), mm.
    static func horizontalGap(left: PlacedFoot, right: PlacedFoot) -> Double {
        var leftMax: [Int: Double] = [:], rightMin: [Int: Double] = [:]
        for p in FootOutline(shape: left.shape).points.map(left.toBed) {
            let row = Int(p.y.rounded())
            leftMax[row] = max(leftMax[row] ?? -Double.infinity, p.x)
        }
        for p in FootOutline(shape: right.shape).points.map(right.toBed) {
            let row = Int(p.y.rounded())
            rightMin[row] = min(rightMin[row] ?? Double.infinity, p.x)
        }
        return leftMax.compactMap { row, x in rightMin[row].map { $0 - x } }.min() ?? 0
    }

    /// The bounding box of the feet's outlines on the bed, in millimetres.
    static func bounds(of feet: [PlacedFoot]) -> (min: Point2, max: Point2) {
        var low = Point2(Double.infinity, Double.infinity)
        var high = Point2(-Double.infinity, -Double.infinity)
        for foot in feet {
            for p in FootOutline(shape: foot.shape).points {
                let q = foot.toBed(p)
                low = Point2(min(low.x, q.x), min(low.y, q.y))
                high = Point2(max(high.x, q.x), max(high.y, q.y))
            }
        }
        return (low, high)
    }
}

extension ScanScene {
    /// Makes this a calibration scan: no feet, a bed of `bedMM` (width, height) with an ID-1 card alone on
    /// it at `centreMM`, turned by `angle` radians. The lighting, format and density stay the scene's.
    public mutating func placeCardAlone(centreMM: Point2, angle: Double, bedMM: (width: Double, height: Double)) {
        feet = []
        bedWidthMM = bedMM.width
        bedHeightMM = bedMM.height
        objects = [.card(centreMM: centreMM, angle: angle)]
    }
}

