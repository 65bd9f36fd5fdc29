namespace Icp.TestSupport;

/// <summary>A clock that moves only when a test says so: TTLs and expiry without sleeping.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
