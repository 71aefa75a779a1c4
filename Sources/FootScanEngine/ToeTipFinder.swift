/// Finds the toe tips of an outline: the distal extremes between the inter-toe clefts, as the peaks of
/// x (along the axis) over the front arc of the contour, with a hysteresis so that pixel noise makes no
/// peak and every cleft at least `prominence` deep does.
enum ToeTipFinder {
    /// Peaks (tips) and valleys (clefts) as contour indices in order along the front arc; there is one
    /// valley between each two neighbouring tips.
    struct Result {
        var tips: [Int]
        var clefts: [Int]
    }

    /// `xs` holds each contour vertex's x along the axis; the front arc is the stretch around the
    /// farthest vertex where x stays above `cut`.
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
