namespace Stytch.Fake.Core;

/// <summary>One subject's run of failures: how many in a row, and until when it is locked (null: not locked).</summary>
/// <param name="Failures">Consecutive failed attempts since the last success or the last lock.</param>
/// <param name="LockedUntil">When the lock ends, on the project clock.</param>
internal sealed record LockoutState(int Failures, DateTimeOffset? LockedUntil)
{
    /// <summary>When the lock started (Stytch's <c>lock_created_at</c>), or null when not locked.</summary>
    public DateTimeOffset? LockedAt { get; init; }
}

/// <summary>
/// Stytch's user locks (stytch.com/docs/resources/platform/user-locks): after <see cref="PasswordPolicy.LockThreshold"/>
/// consecutive failed attempts a user (or member) is locked for <see cref="PasswordPolicy.LockDuration"/>, and every
/// attempt meanwhile, right or wrong, is refused with <c>user_lock_limit_reached</c>. Outside a lock a success resets the
/// count; a lock that has run out (on the project clock) starts the count afresh. Keyed by user or member id. Only touch
/// under the store's lock.
/// </summary>
internal sealed class PasswordLockouts : IStorePart
{
    private readonly Dictionary<string, LockoutState> _states = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="subjectId"/> is locked at <paramref name="now"/>.</summary>
    public bool IsLocked(string subjectId, DateTimeOffset now) =>
        _states.TryGetValue(subjectId, out var state) && state.LockedUntil is { } until && now < until;

    /// <summary>Throws <c>user_lock_limit_reached</c> if <paramref name="subjectId"/> is locked at <paramref name="now"/>.</summary>
    public void ThrowIfLocked(string subjectId, DateTimeOffset now)
    {
        if (IsLocked(subjectId, now))
        {
            throw new StytchException(StytchError.UserLockLimitReached);
        }
    }

    /// <summary>The lock of <paramref name="subjectId"/> in force at <paramref name="now"/>: when it started and ends; null when there is none.</summary>
    public (DateTimeOffset LockedAt, DateTimeOffset LockedUntil)? LockOf(string subjectId, DateTimeOffset now) =>
        _states.TryGetValue(subjectId, out var state) && state.LockedUntil is { } until && now < until
            ? (state.LockedAt ?? until, until)
            : null;

    /// <summary>Counts a failed attempt; returns true when it starts a lock.</summary>
    public bool RecordFailure(string subjectId, DateTimeOffset now, PasswordPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var state = _states.GetValueOrDefault(subjectId) ?? new LockoutState(0, null);
        if (state.LockedUntil is { } until && now >= until)
        {
            state = new LockoutState(0, null);
        }

        var failures = state.Failures + 1;
        var locks = failures >= policy.LockThreshold;
        _states[subjectId] = locks ? new LockoutState(0, now + policy.LockDuration) { LockedAt = now } : new LockoutState(failures, null);
        return locks;
    }

    /// <summary>Counts a success: the run of failures ends (the caller has checked that no lock is active).</summary>
    public void RecordSuccess(string subjectId) => _states.Remove(subjectId);

    /// <summary>Lifts any lock and forgets the failures of <paramref name="subjectId"/> (a deleted user, a back door unlock).</summary>
    public void Forget(string subjectId) => _states.Remove(subjectId);

    /// <summary>Every subject with failures or a lock (for snapshots).</summary>
    public IReadOnlyList<(string SubjectId, LockoutState State)> All() => _states.Select(p => (p.Key, p.Value)).ToArray();

    /// <summary>Puts back a state as a snapshot holds it.</summary>
    public void Load(string subjectId, LockoutState state) => _states[subjectId] = state;

    public void Clear() => _states.Clear();
}
