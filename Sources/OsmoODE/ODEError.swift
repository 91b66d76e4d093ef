/// A problem that makes an integration impossible to set up (not a failure during it:
/// those are ``SolverStatus`` values with the partial results kept).
public enum ODEError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidOptions([String])
    case invalidProblem(String)
    case allocationFailed

    public var description: String {
        switch self {
        case .invalidOptions(let problems): return "invalid solver options: " + problems.joined(separator: "; ")
        case .invalidProblem(let why): return "invalid ODE problem: \(why)"
        case .allocationFailed: return "GSL could not allocate the ODE driver"
        }
    }
}
