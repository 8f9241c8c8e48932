namespace ReferralNet.Testing;

/// <summary>
/// The system clock moved forward by <see cref="Shift"/>: a test jumps days ahead (a read window, a deadline) while
/// timers and delays keep real time, so the service's background loops still run.
/// </summary>
public sealed class ShiftedTime : TimeProvider
{
    private long _shiftTicks;

    public TimeSpan Shift => TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
