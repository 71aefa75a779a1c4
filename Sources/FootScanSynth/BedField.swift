/// Slowly varying fields over the bed on a 1 mm grid, sampled bilinearly per pixel: the halo (a soft
/// shadow around the feet), the glare strip along their lateral sides and the callus weight of the sole.
struct BedField {
    let columns: Int
    let rows: Int
    var values: [Double]

    init(columns: Int, rows: Int, values: [Double]) {
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    /// The value at millimetre position (x, y).
    func sample(_ x: Double, _ y: Double) -> Double {
        let gx = min(max(x - 0.5, 0), Double(columns - 1)), gy = min(max(y - 0.5, 0), Double(rows - 1))
        let ix = min(Int(gx), columns - 2 < 0 ? 0 : columns - 2), iy = min(Int(gy), rows - 2 < 0 ? 0 : rows - 2)
        let fx = gx - Double(ix), fy = gy - Double(iy)
        let x1 = min(ix + 1, columns - 1), y1 = min(iy + 1, rows - 1)
        let top = values[iy * columns + ix] * (1 - fx) + values[iy * columns + x1] * fx
        let bottom = values[y1 * columns + ix] * (1 - fx) + values[y1 * columns + x1] * fx
        return top * (1 - fy) + bottom * fy
    }

    /// A box blur of radius `radius` cells, three times (close to a Gaussian).
    func blurred(radius: Int) -> BedField {
        guard radius > 0 else { return self }
        var current = values
        var scratch = values
        for _ in 0..<3 {
            for y in 0..<rows { // horizontal
                var sum = 0.0
                for x in -radius...radius { sum += current[y * columns + min(max(x, 0), columns - 1)] }
                for x in 0..<columns {
                    scratch[y * columns + x] = sum / Double(2 * radius + 1)
                    sum += current[y * columns + min(x + radius + 1, columns - 1)] - current[y * columns + max(x - radius, 0)]
                }
            }
            for x in 0..<columns { // vertical
                var sum = 0.0
                for y in -radius...radius { sum += scratch[min(max(y, 0), rows - 1) * columns + x] }
                for y in 0..<rows {
                    current[y * columns + x] = sum / Double(2 * radius + 1)
                    sum += scratch[min(y + radius + 1, rows - 1) * columns + x] - scratch[max(y - radius, 0) * columns + x]
                }
            }
        }
        return BedField(columns: columns, rows: rows, values: current)
    }
}
