/// Finds the toe tips of an outline: the distal extremes between the inter-toe clefts, as the peaks of
/// x (along the axis) over the front arc of the contour, with a hysteresis so that pixel noise makes no
/// peak and every cleft at least `prominence` deep does. A peak must also be as wide as a toe: a thin
/// spur (a filament of noisy pixels left in a narrow cleft) is not a toe.
enum ToeTipFinder {
    /// Peaks (tips) and valleys (clefts) as contour indices in order along the front arc; there is one
    /// valley between each two neighbouring tips.
    struct Result {
        var tips: [Int]
        var clefts: [Int]
    }

    /// `xs` and `ys` hold each contour vertex's position along and across the axis; the front arc is the
    /// stretch around the farthest vertex where x stays above `cut`. A peak counts as a tip when the
    /// outline within `prominence` of its x spans at least `minimumWidth` across the axis; a narrower peak
    /// is dropped together with the shallower of the clefts beside it.
    static func find(xs: [Double], ys: [Double], cut: Double, prominence: Double, minimumWidth: Double) -> Result {
        var result = find(xs: xs, cut: cut, prominence: prominence)
        var n = 0
        while n < result.tips.count {
            guard result.tips.count > 1, peakWidth(at: result.tips[n], xs: xs, ys: ys, depth: prominence) < minimumWidth else {
                n += 1
                continue
            }
            result.tips.remove(at: n)
            // Clefts n - 1 and n lie on either side of tip n; keep the deeper one.
            let before = n - 1, after = n
            if before < 0 {
                result.clefts.remove(at: 0)
            } else if after >= result.clefts.count {
                result.clefts.remove(at: before)
            } else {
                result.clefts.remove(at: xs[result.clefts[before]] <= xs[result.clefts[after]] ? after : before)
            }
        }
        return result
    }

    /// The span across the axis of the outline around vertex `peak` while x stays within `depth` of its x.
    static func peakWidth(at peak: Int, xs: [Double], ys: [Double], depth: Double) -> Double {
        let count = xs.count
        let floor = xs[peak] - depth
        var low = ys[peak], high = ys[peak]
        for direction in [1, -1] {
            var step = 1
            while step < count {
                let index = ((peak + direction * step) % count + count) % count
                guard xs[index] >= floor else { break }
                low = min(low, ys[index])
                high = max(high, ys[index])
                step += 1
            }
        }
        return high - low
    }

    /// The peaks and valleys of `xs` over the front arc, by hysteresis alone.
    static func find(xs: [Double], cut: Double, prominence: Double) -> Result {
        let count = xs.count
        guard count > 2, let farthest = xs.indices.max(by: { xs[$0] < xs[$1] }) else { return Result(tips: [], clefts: []) }
        var back = 0
        while back < count && xs[(farthest - back - 1 + count) % count] > cut { back += 1 }
        var ahead = 0
        while ahead < count && xs[(farthest + ahead + 1) % count] > cut { ahead += 1 }
        let first = farthest - back
        let length = min(back + ahead + 1, count)

        var tips: [Int] = []
        var clefts: [Int] = []
        var seekingPeak = true
        var best = (first + count) % count
        for step in 0..<length {
            let index = (first + step + count) % count
            let x = xs[index]
            if seekingPeak {
                if x > xs[best] { best = index }
                if x < xs[best] - prominence {
                    tips.append(best)
                    seekingPeak = false
                    best = index
                }
            } else {
                if x < xs[best] { best = index }
                if x > xs[best] + prominence {
                    clefts.append(best)
                    seekingPeak = true
                    best = index
                }
            }
        }
        if seekingPeak, let lastCleft = clefts.last, xs[best] > xs[lastCleft] + prominence { tips.append(best) }
        if clefts.count >= tips.count { clefts.removeLast(clefts.count - max(tips.count - 1, 0)) }
        return Result(tips: tips, clefts: clefts)
    }
}
