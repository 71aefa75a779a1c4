import FootScanImage

/// Places each vertex of a traced outline on the local edge along its normal.
///
/// The tracer cuts every edge at one grey level for the whole scan. Where the light changes along
/// the outline (a pale heel, an edge out of focus) that level sits higher or lower on the local step
/// than half-way, and the outline lies inside or outside the true edge by a fraction of the ramp's
/// width. Here each vertex looks along its outward normal, `reach` pixels either way: the mean grey
/// over the inner fifth of the profile is the foot's level there, over the outer fifth the bed's; the
/// vertex moves to where the profile crosses half-way between them, nearest where it was (at most half
/// the reach). A vertex is left where it is when the two levels differ by less than `minimumStep` (a
/// toe cleft, where the profile crosses into the next toe), when its profile leaves the visible area,
/// or when it lies on the visible area's edge (a foot cut by the border or a light band keeps that edge).
///
/// The levels beside the edge must be the foot's and the bed's: that holds in the skin-hue channel
/// (``SkinHue``), where haze, glare, shadow and cloth are all bed. On luma a halo or a glare strip
/// within the reach shifts the bed's level (tried: the soft-edge set's length P95 went from 0.32 to
/// 0.53 mm), so luma outlines keep the tracer's level.
struct LocalEdge {
    let image: ScanImage
    let footIsLighter: Bool
    let visible: VisibleArea
    /// How far along the normal to look, either way, in pixels.
    let reach: Double
    /// The smallest foot-to-bed step, in grey levels, worth refining on.
    let minimumStep: Double
    /// When set (a pressure map, pixels: two sensors), a vertex is first placed by the step's area
    /// (``edgeByArea``); where that does not apply, by the half-way level as above.
    var areaReach: Double? = nil
    /// The blur on the image's edges, pixels (a standard deviation σ: half a sensor on a pressure map),
    /// for ``areaReach``. The step's area along the normal puts a convex edge σ²κ/2 inside the true one
    /// (κ its curvature; a concave edge as far outside), as a blurred disc's half-way contour shrinks:
    /// on pressure maps lengths came out 0.5 mm short at the median, the heel's outline 0.4 mm inside its
    /// contact. So a vertex placed by the area moves out by that, the curvature read across
    /// ``curvatureSpan`` of σ either way, the move kept within σ/4; and the normals are read across σ.
    var areaBlur = 0.0

    /// How far either way along the outline the curvature for ``areaBlur`` is read, in units of the
    /// blur: four (two sensors), where the ripples a map's sensors leave along its edges even out (one
    /// sensor either way, with normals read across two vertices, left the heel widths' P95 at 1.02 mm,
    /// against 0.70).
    static let curvatureSpan = 4.0

    /// How far, in units of ``areaReach``, the step's area may put an edge from the profile's half-way
    /// crossing before the vertex is left to the half-way level: a fifth (two fifths of a sensor).
    /// Under a map drawn in blocks the two lie up to half a sensor apart wherever the edge's sensor is
    /// partly covered, and a tenth left most of a heel's faint last row of sensors to the half-way
    /// level, at the block's boundary (the heel's placement along the axis, pooled over 152 generated
    /// feet: SD 0.37 mm with a tenth, 0.31 with a fifth; a third changed nothing more).
    static let crossingTolerance = 0.2

    /// Where the band read by ``nearBandSlope(inside:near:deepSlope:stepSize:r:)`` ends, in units of
    /// ``areaReach`` along the normal (it spans a fifth of the reach, -0.7 to -0.5, as the inner band
    /// does): the level past it is held, not carried on.
    static let nearBandEnd = -0.5

    /// The slope, levels per pixel outwards, at which the pressure falls towards an edge where the band
    /// just outside the inner one (-0.7 to -0.5 `r`, mean `near`) falls more gently than the line from
    /// the deep band (`deepSlope`), or nil where it does not. The deep band can lie in a harder pressed
    /// part behind a fainter, flat one: the ball behind a toe joined to it, whose line carried out to
    /// the toe's tip read the tip's level a quarter low and put the edge 1.2 mm out (a generated map
    /// without separate toes, `--padless` seed 9800: toe 1 1.4 mm long); or the fringe before a toeless
    /// print's front flattens after the ball's rise (seed 9788: 1.2 mm long). There the gentler slope is
    /// carried out to the near band's end (``nearBandEnd``) and the level held beyond it, where the band
    /// would read the edge's own ramp. A near band above the inner one (the profile dips between them, a
    /// toe's neck before its pad) or one that falls as fast or faster (on the edge's ramp, or a steady fall
    /// from a heel's centre) leaves the deep line. The caller asks only where the profile ends on empty
    /// bed (on a hot-scale map the band outside a forefoot's lateral edge lay on toe 5's pad, and the
    /// outline moved there set a bump that the toe finder took for a toe). Its limit: from an outline
    /// so near the edge that the near band lies on the edge's ramp, that ramp's fall is taken for the
    /// level's, gentler than a steeper deep line, and the edge lands up to a tenth of a sensor out.
    static func nearBandSlope(inside: Double, near: Double, deepSlope: Double, stepSize: Double, r: Double) -> Double? {
        guard near <= inside + 0.06 * stepSize else { return nil }
        let nearSlope = min((near - inside) / (0.3 * r), 0)
        return nearSlope > deepSlope ? nearSlope : nil
    }

    /// The outline's curvature at vertex `i`, 1/pixels, from the circle through the vertices `span`
    /// places either way and itself: positive where the outline bulges along `normal` (convex, with
    /// the outward normal), negative where it hollows.
    static func curvature(of outline: [SIMD2<Double>], at i: Int, span: Int, normal: SIMD2<Double>) -> Double {
        let n = outline.count
        guard n >= 3 else { return 0 }
        let m = min(max(span, 1), (n - 1) / 2)
        let a = outline[((i - m) % n + n) % n], c = outline[(i + m) % n]
        let chord = c - a
        let halfChordSquared = (chord * chord).sum() / 4
        guard halfChordSquared > 1e-9 else { return 0 }
        // The sagitta h over a half chord d: a circle's curvature is 2h / (d² + h²).
        let sagitta = ((outline[i] - (a + c) / 2) * normal).sum()
        return 2 * sagitta / (halfChordSquared + sagitta * sagitta)
    }

    /// The outline with each vertex on its local edge. `outline` is closed, in pixel coordinates with
    /// pixel centres at whole numbers. A vertex marked in `kept` is left where it is (it is placed
    /// another way, by the caller), and costs nothing.
    func refined(_ outline: [SIMD2<Double>], keeping kept: [Bool]? = nil) -> [SIMD2<Double>] {
        placed(outline, keeping: kept, byAreaOnly: false).enumerated().map { $1 ?? outline[$0] }
    }

    /// Each vertex of `outline` where the step's area (``areaReach``) places it, or nil where the area
    /// does not apply (or no ``areaReach`` is set).
    func placedByArea(_ outline: [SIMD2<Double>]) -> [SIMD2<Double>?] {
        placed(outline, keeping: nil, byAreaOnly: true)
    }

    /// Each vertex on its local edge, nil where it stays: marked in `kept`, or not placed (by the area
    /// alone when `byAreaOnly`).
    private func placed(_ outline: [SIMD2<Double>], keeping kept: [Bool]?, byAreaOnly: Bool) -> [SIMD2<Double>?] {
        let n = outline.count
        precondition(kept.map { $0.count == n } ?? true, "the vertices kept are another outline's")
        guard n >= 16, reach >= 2 else { return Array(repeating: nil, count: n) }
        // With a positive shoelace sum the right-hand normal (t.y, -t.x) points out of the foot.
        let orientation: Double = outline.signedTwiceArea >= 0 ? 1 : -1
        let step = 0.5
        let samples = Int((reach / step).rounded())
        let span = Double(samples) * step
        let band = max(1, samples / 5)
        // The vertices either way across which the normal is read: two; under a blur, as many as lie
        // within σ of outline (an outline traced through a map's blocks zigzags pixel by pixel, and
        // normals read across two vertices scattered the moves: with the curvature's move, the pressure
        // set's widths' P95 was 2.77 mm, against 1.76).
        var k = 2
        // The vertices across which the curvature for the blur's move is read.
        var curvatureSpan = 0
        if areaBlur > 0 {
            var perimeter = 0.0
            for i in 0..<n {
                let d = outline[(i + 1) % n] - outline[i]
                perimeter += (d * d).sum().squareRoot()
            }
            let perVertex = Double(n) / max(perimeter, 1e-9)
            curvatureSpan = max(2, Int((Self.curvatureSpan * areaBlur * perVertex).rounded()))
            k = min(max(2, Int((areaBlur * perVertex).rounded())), max(2, (n - 1) / 4))
        }
        // No mutable state is captured by the nested functions below: the profile's buffers are
        // pointers, each vertex's generation a constant, and the crossings counted by the caller. A
        // captured variable is checked for exclusive access at every read and write, and those checks
        // cost more than the reading itself (half of this function's time on a 300 dpi colour scan).
        let profile = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * samples + 1)
        let seen = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * samples + 1)
        seen.initialize(repeating: 0)
        let crossings = UnsafeMutableBufferPointer<Double>.allocate(capacity: Int(((areaReach ?? 0) * 2.4 / step).rounded(.up)) + 2)
        defer {
            profile.deallocate()
            seen.deallocate()
            crossings.deallocate()
        }
        return image.pixels.withUnsafeBufferPointer { pixels in
            var result = [SIMD2<Double>?](repeating: nil, count: n)
            var generation = 0
            let stride = image.stride
            let maxX = Double(visible.maxX - 1), maxY = Double(visible.maxY - 1)
            let minX = Double(visible.minX), minY = Double(visible.minY)
            @inline(__always) func grey(_ p: SIMD2<Double>) -> Double {
                let x0 = Int(p.x), y0 = Int(p.y)
                let fx = p.x - Double(x0), fy = p.y - Double(y0)
                let i = y0 * stride + x0
                let top = Double(pixels[i]) * (1 - fx) + Double(pixels[i + 1]) * fx
                let bottom = Double(pixels[i + stride]) * (1 - fx) + Double(pixels[i + stride + 1]) * fx
                return top * (1 - fy) + bottom * fy
            }
            /// The profile's level, the foot's side up.
            @inline(__always) func level(_ p: SIMD2<Double>) -> Double {
                let value = grey(p)
                return footIsLighter ? value : 255 - value
            }
            /// The mean level from `a` to `b` pixels along `normal` from `p`.
            func mean(_ p: SIMD2<Double>, _ normal: SIMD2<Double>, from a: Double, to b: Double) -> Double {
                var sum = 0.0, count = 0.0
                var t = a
                while t <= b {
                    sum += level(p + normal * t)
                    count += 1
                    t += step
                }
                return sum / max(count, 1)
            }
            /// Where the step's area puts the edge along `normal`, as an offset from `p`, or nil. The foot's
            /// level is read `r` inside (off the step: a map interpolated between sensor centres ramps over
            /// two sensors), the bed's `r` outside; the edge lies as far beyond the inner band as the
            /// profile's area between the bands over that step. In an interpolated map that is exact
            /// whatever share of the edge's sensor the foot covers, where the half-way level is off by up
            /// to a twelfth of a sensor and ripples along a straight edge (a maximum breadth taken over the
            /// ripples came out 1 mm wide). A level rising inwards (the heel's pressure towards its
            /// centre) is carried out to the edge along the line through a band deeper inside, or, where the
            /// profile flattens before the edge, along the gentler slope of a band nearer it
            /// (``nearBandSlope(inside:near:deepSlope:stepSize:r:)``); a profile
            /// that falls inwards (a narrow part: a toe's pad, the arch band) is placed by
            /// ``edgeOfNarrowPart``. A profile that rises by more than half the step is left to the
            /// half-way level, as is an edge that would move more than `r / 2` or lies more than
            /// ``crossingTolerance`` `r` from the profile's half-way crossing: there the profile crosses a
            /// corner or a second edge (where the arch band meets the heel, a concave corner bulged out
            /// 3-6 mm and the arch index rose by 0.004 at the median).
            func edgeByArea(_ p: SIMD2<Double>, _ normal: SIMD2<Double>, _ r: Double) -> Double? {
                let first = p - normal * (1.5 * r), last = p + normal * r
                guard min(first.x, last.x) >= minX, min(first.y, last.y) >= minY,
                      max(first.x, last.x) < maxX, max(first.y, last.y) < maxY else { return nil }
                let inside = mean(p, normal, from: -r, to: -0.8 * r), outside = mean(p, normal, from: 0.8 * r, to: r)
                let deep = mean(p, normal, from: -1.5 * r, to: -1.3 * r)
                let stepSize = inside - outside
                guard stepSize >= minimumStep, deep - inside <= 0.5 * stepSize else { return nil }
                if inside - deep > 0.06 * stepSize { return edgeOfNarrowPart(p, normal, r, outside: outside) }
                var slope = 0.0, slopeUntil = Double.infinity
                if deep > inside + 0.06 * stepSize {
                    // The level falls outwards: along the line through the deep band, unless the band just
                    // outside the inner one falls more gently (``nearBandSlope(inside:near:deepSlope:stepSize:r:)``).
                    let deepSlope = (inside - deep) / (0.5 * r)
                    if outside < minimumStep,
                       let gentler = Self.nearBandSlope(inside: inside,
                                                        near: mean(p, normal, from: (Self.nearBandEnd - 0.2) * r, to: Self.nearBandEnd * r),
                                                        deepSlope: deepSlope, stepSize: stepSize, r: r) {
                        (slope, slopeUntil) = (gentler, Self.nearBandEnd * r)
                    } else {
                        slope = deepSlope
                    }
                }
                return areaAndCrossing(p, normal, r, from: -0.8 * r, outside: outside, stepSize: stepSize, slope: slope,
                                       slopeUntil: slopeUntil)?.edge
            }
            /// Where the step's area puts the edge of a narrow part along `normal` (a toe's pad no longer
            /// than two sensors, where the band `r` inside lies behind the pad, in the gap before the
            /// ball), as an offset from `p`, or nil. The profile's highest level within `1.5 r` inside is
            /// the part's, and the edge is first placed by the area from there over the step from that
            /// level to the bed's. A pad's pressure falls towards its rim (the soft tissue), so its peak
            /// overstates the pressure at the edge's sensor and that edge lies inside (the toe's end
            /// 0.27 mm at the mean over 152 generated feet). The level read one sensor (`r / 2`) inside
            /// the half-way crossing, the neighbour of the edge's own sensor, stands for the rim's: the
            /// edge is the area from there over the step from that level. On a pad of even pressure that
            /// is exact where the edge's sensor is at most half covered (the level read lies on the
            /// plateau) and up to a tenth of a sensor out where it is more; the half-way level is off by
            /// up to a twelfth, and a faint pad's tip lay 1.3 mm inside by it. Nil where the first edge lies
            /// more than ``crossingTolerance`` `r` from the half-way crossing, or an edge would move the
            /// vertex more than `r / 2`.
            func edgeOfNarrowPart(_ p: SIMD2<Double>, _ normal: SIMD2<Double>, _ r: Double, outside: Double) -> Double? {
                var peak = -Double.infinity, peakAt = 0.0
                var t = -1.5 * r
                while t <= 0 {
                    let value = level(p + normal * t)
                    if value > peak { (peak, peakAt) = (value, t) }
                    t += step
                }
                guard peak - outside >= minimumStep,
                      let (_, crossing) = areaAndCrossing(p, normal, r, from: peakAt, outside: outside, stepSize: peak - outside, slope: 0,
                                                            slopeUntil: .infinity)
                else { return nil }
                let start = max(crossing - 0.5 * r, peakAt)
                let rim = level(p + normal * start) - outside
                guard rim >= minimumStep else { return nil }
                t = start + step
                var sum = 0.0
                while t < 0.8 * r {
                    sum += min((level(p + normal * t) - outside) / rim, 1)
                    t += step
                }
                let edge = start + step / 2 + sum * step
                return abs(edge) <= 0.5 * r ? edge : nil
            }
            /// The edge `start` plus the profile's area from `start` out to `0.8 r`, over `stepSize` (less
            /// `slope` per pixel outwards of `-0.9 r` up to `slopeUntil`, a level rising inwards, held
            /// beyond it), as an offset from `p`, with
            /// the profile's half-way crossing nearest it; nil where that crossing lies more than
            /// ``crossingTolerance`` `r` away (a corner or a second edge) or the edge would move the vertex
            /// more than `r / 2`.
            func areaAndCrossing(_ p: SIMD2<Double>, _ normal: SIMD2<Double>, _ r: Double, from start: Double, outside: Double,
                                 stepSize: Double, slope: Double, slopeUntil: Double) -> (edge: Double, crossing: Double)?
            {
                // One pass over the profile: its area, and where it crosses half-way (usually once).
                let middle = outside + stepSize / 2
                var count = 0
                var t = start + step, sum = 0.0, previous = level(p + normal * start) - middle
                while t < 0.8 * r {
                    let value = level(p + normal * t)
                    sum += (value - outside) / max(stepSize + slope * (min(t, slopeUntil) + 0.9 * r), 0.3 * stepSize)
                    if (previous >= 0) != (value - middle >= 0), count < crossings.count {
                        crossings[count] = t - step + step * previous / (previous - value + middle)
                        count += 1
                    }
                    previous = value - middle
                    t += step
                }
                let edge = start + step / 2 + sum * step
                // The half-way crossing nearest the area's edge: on a straight edge of an interpolated map
                // the two lie within a tenth of a sensor or so, under blocks up to half a sensor (the edge's
                // sensor partly covered); further apart, the profile crosses a corner or a second edge.
                let crossing = crossings[..<count].min { abs($0 - edge) < abs($1 - edge) }
                guard let crossing, abs(crossing - edge) <= Self.crossingTolerance * r, abs(edge) <= 0.5 * r else { return nil }
                return (edge, crossing)
            }
            for i in 0..<n {
                let tangent = outline[(i + k) % n] - outline[(i - k + n) % n]
                let length = (tangent * tangent).sum().squareRoot()
                guard length > 1e-9 else { continue }
                let normal = SIMD2(tangent.y, -tangent.x) * (orientation / length)
                let p = outline[i]
                guard kept?[i] != true, !visible.isOnEdge(p) else { continue }
                if let areaReach, let t = edgeByArea(p, normal, areaReach) {
                    var move = 0.0
                    if areaBlur > 0 {
                        let curvature = Self.curvature(of: outline, at: i, span: curvatureSpan, normal: normal)
                        move = min(max(areaBlur * areaBlur * curvature / 2, -areaBlur / 4), areaBlur / 4)
                    }
                    result[i] = p + normal * (t + move)
                    continue
                }
                if byAreaOnly { continue }
                // The samples reach `samples * step`, up to a quarter pixel past `reach` (found by
                // AddressSanitizer: a read one row past the image's last).
                let first = p - normal * span, last = p + normal * span
                guard min(first.x, last.x) >= minX, min(first.y, last.y) >= minY,
                      max(first.x, last.x) < maxX, max(first.y, last.y) < maxY else { continue }
                // The profile is read lazily: the two bands, then outward from the vertex until the
                // crossing, which usually lies within a pixel or two.
                generation += 1
                let current = generation
                func sample(_ s: Int) -> Double {
                    if seen[s] == current { return profile[s] }
                    let value = grey(p + normal * (Double(s - samples) * step))
                    profile[s] = footIsLighter ? value : 255 - value
                    seen[s] = current
                    return profile[s]
                }
                var inside = 0.0, outside = 0.0
                for s in 0..<band {
                    inside += sample(s)
                    outside += sample(2 * samples - s)
                }
                inside /= Double(band)
                outside /= Double(band)
                guard inside - outside >= minimumStep else { continue }
                let middle = (inside + outside) / 2
                // The crossing of the middle level nearest the vertex, outward or inward.
                /// Where the profile crosses the middle level between samples `s` and `s + 1`, if it does.
                func crossing(_ s: Int) -> Double? {
                    guard s >= 0 && s + 1 <= 2 * samples else { return nil }
                    let a = sample(s) - middle, b = sample(s + 1) - middle
                    return (a >= 0) != (b >= 0) ? (Double(s - samples) + a / (a - b)) * step : nil
                }
                var best: Double?
                for d in 0..<(samples / 2) {
                    if let t = crossing(samples + d), best.map({ abs(t) < abs($0) }) ?? true { best = t }
                    if let t = crossing(samples - d - 1), best.map({ abs(t) < abs($0) }) ?? true { best = t }
                    if best != nil { break }
                }
                if let t = best { result[i] = p + normal * t }
            }
            return result
        }
    }
}
