import FootScanReports
import Metrics

/// The service's own counters, beside Hummingbird's request metrics; `/metrics` shows them in
/// Prometheus's text format.
enum ScanMetrics {

    /// A scan measured and stored.
    static func measured() { Counter(label: "footscan_scans_measured_total").increment() }

    /// An upload refused, by reason: a stage of ``ScanReport/Failure``, `not_an_image` or `queue_full`.
    static func failed(_ reason: String) {
        Counter(label: "footscan_scan_failures_total", dimensions: [("reason", reason)]).increment()
    }
}
