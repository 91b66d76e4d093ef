/// The GSL `odeiv2` steppers, selected by their GSL names, and `auto`, which switches between two of them.
///
/// Explicit: `rk2`, `rk4`, `rkf45`, `rkck`, `rk8pd`. Implicit (need a Jacobian, which
/// osmo supplies by finite differences when the system has none): `rk1imp`, `rk2imp`,
/// `rk4imp`, `bsimp`, `msbdf`. Multistep: `msadams` (non-stiff), `msbdf` (stiff, the default).
///
/// `auto` (stiffness switching, the idea of LSODA on GSL's steppers): every segment starts on
/// `rkck` — a one-step method, so a segment boundary costs it nothing — and moves to `msbdf`
/// once the explicit steps are held down by stability rather than accuracy (``Integrator``
/// watches h·ρ, with ρ the spectral radius of the Jacobian estimated by a few directional
/// differences) and enough of the segment is left to repay msbdf's restart; it moves back when
/// msbdf's steps are no longer than rkck's stable one. Problems that are stiff only in stretches, with many dose
/// boundaries, run several times faster than on msbdf alone; steadily stiff ones cost a few
/// explicit steps per segment more.
public enum Stepper: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case rk2, rk4, rkf45, rkck, rk8pd
    case rk1imp, rk2imp, rk4imp, bsimp
    case msadams, msbdf
    case auto

    /// The GSL name, e.g. `"msbdf"` (`"auto"` for the switching stepper).
    public var name: String { rawValue }
    public var description: String { rawValue }

    /// Steppers that call the Jacobian (GSL calls it unconditionally for these). `auto` calls it
    /// only in the stretches it hands to msbdf.
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
        case .rk1imp, .rk2imp, .rk4imp, .bsimp, .msbdf, .auto: return true
        default: return false
        }
    }

    /// Looks a stepper up by its GSL name; `nil` if there is none.
    public init?(gslName: String) { self.init(rawValue: gslName) }
}
