/// The spec's keys for one measured foot (`MEASUREMENT.md`), in the order FootScan writes them: the one
/// list the command's JSON, its batch CSV columns and the generator's truth files all follow.
public enum FootKey: String, CaseIterable, Sendable {
    case side
    case sideConfidence = "side_confidence"
    case centrePixel = "centre_px"
    case length = "length_mm"
    case width = "width_mm"
    case ballWidth = "ball_width_mm"
    case heelWidth = "heel_width_mm"
    case toeTips = "toe_tips_mm"
    case toe1MinusToe2 = "toe1_minus_toe2_mm"
    case toeShape = "toe_shape"
    case archIndex = "arch_index"
    case archType = "arch_type"
    case chippauxSmirakIndex = "chippaux_smirak_index"
    case staheliIndex = "staheli_index"
    case heelToBall = "heel_to_ball_mm"
    case heelToOutsideBall = "heel_to_outside_ball_mm"
    case ballAngle = "ball_angle_deg"
    case halluxAngle = "hallux_angle_deg"
    case toe5Angle = "toe5_angle_deg"
    case ballGirth = "ball_girth_mm"
    case ballGirthSD = "ball_girth_sd_mm"
    case widthClass = "width_class"
    case uncertainty = "uncertainty_mm"
    case warnings
}
