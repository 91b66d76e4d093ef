import Foundation

/// The limits and address of `osmo serve`: everything a classroom server must bound, in one place.
public struct ServeSettings: Sendable {
    /// Address to bind; 127.0.0.1 unless the teacher asks for the network.
    public var host = "127.0.0.1"
    public var port = 8080
    /// Largest request body, bytes (a scenario is a few kB): 256 KB; more is answered 413.
    public var maxBodyBytes = 256 * 1024
    /// Runs at once. Default: the number of cores.
    public var maxConcurrentRuns = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Requests that may wait for a slot (first come, first served) when all are busy, and for how
    /// long; the rest, and any that wait longer, are answered 503 with `Retry-After`. A flagship run
    /// takes tens of ms, so a short queue lets a classroom of pages share two cores without errors.
    public var maxWaitingRuns = 32
    public var maxWaitS = 2.0
    /// Longest a request waits for its run, seconds; then 504 (the run finishes in the background,
    /// still holding its slot, so the limit on runs at once stays true).
    public var runTimeLimitS = 10.0
    /// Most output samples summed over the arms of one request (`osmo check`'s limits apply too;
    /// this one keeps a request's memory and drawing small): 3 arms × 72 h at 15 min is 867.
    public var maxSampleRows = 60_000
    /// Seconds before an idle connection is closed.
    public var idleTimeoutS = 60
    /// Seconds a client is told to wait after a 503.
    public var retryAfterS = 1

    public init() {}

    /// True when `host` is reachable from other machines.
    public var isNetworkReachable: Bool { !["127.0.0.1", "localhost", "::1"].contains(host) }
}
