import Foundation

/// A one-line progress bar on standard error: files done, rate and time left.
struct ProgressBar {
    let total: Int
    let start = Date()
    var lastDrawn = Date.distantPast

    mutating func update(done: Int, force: Bool = false) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(start), 1e-3)
        let rate = Double(done) / elapsed
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let left = rate > 0 ? Double(total - done) / rate : 0
        let eta = String(format: "%d:%02d", Int(left) / 60, Int(left) % 60)
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        StandardStream.write("\r[\(bar)] \(done)/\(total) files, \(String(format: "%.1f", rate)) files/s, ETA \(eta) ", to: 2)
    }

    func finish() { StandardStream.write("\n", to: 2) }
}
