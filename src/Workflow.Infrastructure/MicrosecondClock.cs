namespace Workflow.Infrastructure;

/// <summary>
/// The servers' clock, read to the whole microsecond. PostgreSQL keeps moments no finer, and journal and ledger entries
/// are sealed over their time as they are saved: the moment sealed must be the moment stored, or a full verification
/// reads every entry as edited. SQLite would keep .NET's 100 ns ticks; both engines get the same clock so that an entry
/// means the same on either.
/// </summary>
public sealed class MicrosecondClock(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
