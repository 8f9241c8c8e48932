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

    /// <summary>The clock as it was when <see cref="Shift"/> was <paramref name="shift"/> (what a test moved, put back).</summary>
    public void BackTo(TimeSpan shift) => Interlocked.Exchange(ref _shiftTicks, shift.Ticks);

    /// <summary>The system clock again.</summary>
    public void Reset() => BackTo(TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
