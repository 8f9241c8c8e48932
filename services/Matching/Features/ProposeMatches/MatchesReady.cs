using System.Collections.Concurrent;

namespace ReferralNet.Matching.Features.ProposeMatches;

/// <summary>
/// Wakes the clients long-polling for a referral's matches the moment this instance commits them. Another instance's
/// commit is not seen here, so waiters also re-read the database every <see cref="RecheckEvery"/>.
/// </summary>
public sealed class MatchesReady
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();

    public Task Signal(Guid referralId) =>
        _waiting.GetOrAdd(referralId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Announce(Guid referralId)
    {
        if (_waiting.TryRemove(referralId, out var waiters))
        {
            waiters.TrySetResult();
        }
    }

    /// <summary>Drops the signal of a referral nobody announced (unknown id, or matched by another instance).</summary>
    public void Forget(Guid referralId, Task signal)
    {
        if (_waiting.TryGetValue(referralId, out var waiters) && waiters.Task == signal)
        {
            _waiting.TryRemove(new KeyValuePair<Guid, TaskCompletionSource>(referralId, waiters));
        }
    }
}
