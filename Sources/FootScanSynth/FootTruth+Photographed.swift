import FootScanEngine

extension FootTruth {
    /// A contact print's truth as a tilted camera photographs it: the print's polygons where the
    /// photograph draws them, measured at the file's density (`mmPerPixel`, the sheet's). What a tape
    /// on the sheet would measure differs from it by the keystone's share along the foot.
    init(print: FootprintOutline, side: FootSide, foot: PlacedFoot, tilt: CameraTilt, mmPerPixel: Double) {
        let seen = { (p: Point2) in foot.fromBed(tilt.photographed(foot.toBed(p))) }
        let parts = print.print.map { $0.map(seen) }, pads = print.toePads.map { $0.map(seen) }
        self.init(polygons: parts + pads, toes: pads, print: parts, side: side, placement: { foot.toBed($0) * (1 / mmPerPixel) },
                  axisToes: print.axisPads.map { $0.map(seen) })
    }
}
