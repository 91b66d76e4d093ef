/// The GSL `odeiv2` steppers, selected by their GSL names.
///
/// Explicit: `rk2`, `rk4`, `rkf45`, `rkck`, `rk8pd`. Implicit (need a Jacobian, which
/// osmo supplies by finite differences when the system has none): `rk1imp`, `rk2imp`,
/// `rk4imp`, `bsimp`, `msbdf`. Multistep: `msadams` (non-stiff), `msbdf` (stiff, the default).
public enum Stepper: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case rk2, rk4, rkf45, rkck, rk8pd
    case rk1imp, rk2imp, rk4imp, bsimp
    case msadams, msbdf

    /// The GSL name, e.g. `"msbdf"`.
    public var name: String { rawValue }
    public var description: String { rawValue }

    /// Steppers that call the Jacobian (GSL calls it unconditionally for these).
    public var usesJacobian: Bool {
        switch self {
        case .rk1imp, .rk2imp, .rk4imp, .bsimp, .msbdf: return true
        default: return false
        }
    }

    /// Multistep methods (msadams, msbdf): they keep a history, so a reset restarts them at order 1.
    public var isMultistep: Bool { self == .msadams || self == .msbdf }

    /// Steppers suited to stiff problems.
    public var isStiff: Bool {
        switch self {
        case .rk1imp, .rk2imp, .rk4imp, .bsimp, .msbdf: return true
        default: return false
        }
    }

    /// Looks a stepper up by its GSL name; `nil` if there is none.
    public init?(gslName: String) { self.init(rawValue: gslName) }
}
