namespace Stytch.Fake.Core;

/// <summary>
/// A timer of a <see cref="StytchClock"/>. It holds no schedule itself: the clock keeps a <see cref="ClockWaiter"/>
/// for it, which does not point back here, so a timer that is dropped without being disposed can still be
/// collected, and its finalizer takes the waiter away (as a dropped <see cref="Timer"/> stops).
/// </summary>
internal sealed class ClockTimer : ITimer
{
    /// <summary>The longest due time or period <see cref="Timer"/> accepts, in milliseconds.</summary>
    public const long MaxMilliseconds = 0xfffffffe;

    private readonly StytchClock _clock;

    public ClockTimer(StytchClock clock, TimerCallback callback, object? state, ExecutionContext? context)
    {
        _clock = clock;
        Callback = callback;
        State = state;
        Context = context;
    }

    ~ClockTimer() => Dispose(false);

    public TimerCallback Callback { get; }
    public object? State { get; }
    public ExecutionContext? Context { get; }

    // Read and written only under the clock's lock.
    public ClockWaiter? Waiter { get; set; }
    public bool Disposed { get; set; }

    /// <summary>
    /// Checks a due time and period as <see cref="Timer"/> does (-1 ms for never, otherwise 0 to about 49.7 days) and
    /// returns them in ticks: due negative for never, period 0 for a one-shot timer.
    /// </summary>
    public static (long Due, long Period) Validate(TimeSpan dueTime, TimeSpan period)
    {
        var dueMs = (long)dueTime.TotalMilliseconds;
        var periodMs = (long)period.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(dueMs, -1, nameof(dueTime));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dueMs, MaxMilliseconds, nameof(dueTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(periodMs, -1, nameof(period));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(periodMs, MaxMilliseconds, nameof(period));
        return (dueMs == -1 ? -1 : dueTime.Ticks, periodMs <= 0 ? 0 : period.Ticks);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        var (due, every) = Validate(dueTime, period);
        return _clock.Schedule(this, due, every);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private void Dispose(bool disposing)
    {
        _ = disposing;
        _clock.Cancel(this);
    }
}

/// <summary>One scheduled firing of a <see cref="ClockTimer"/>: what to call, when (a clock timestamp) and how often.</summary>
internal sealed class ClockWaiter(TimerCallback callback, object? state, ExecutionContext? context, long period)
{
    /// <summary>Ticks between firings; 0 for a one-shot timer.</summary>
    public long Period { get; } = period;

    /// <summary>The clock timestamp it is due at.</summary>
    public long Due { get; set; }

    /// <summary>Breaks ties between timers due at once: the one scheduled first fires first.</summary>
    public long Sequence { get; set; }

    public void Invoke()
    {
        if (context is null)
        {
            callback(state);
        }
        else
        {
            ExecutionContext.Run(context, static s => ((ClockWaiter)s!).InvokeCallback(), this);
        }
    }

    private void InvokeCallback() => callback(state);
}
