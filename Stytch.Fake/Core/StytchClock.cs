using System.Runtime.ExceptionServices;
using Stytch.Fake.Core;

namespace Stytch.Fake;

/// <summary>
/// A project's clock: the time of an underlying <see cref="TimeProvider"/> (the system clock unless you
/// pass your own) plus an offset that tests move with <see cref="Advance"/> and <see cref="Set"/>.
/// OTP and session expiry read only this clock.
/// </summary>
/// <remarks>
/// It is a complete <see cref="TimeProvider"/>, so an application under test can be handed it (for
/// <c>Task.Delay</c>, <c>CancellationTokenSource</c>, <c>PeriodicTimer</c>, <c>Stopwatch</c>-style timestamps):
/// <list type="bullet">
/// <item><see cref="GetTimestamp"/> runs with the underlying provider and also moves by every forward move of this
/// clock (<see cref="Advance"/>, or <see cref="Set"/>/<see cref="Restore"/> to a later time). Moving the clock
/// back changes <see cref="GetUtcNow"/> only: timestamps never go back, as on a real machine whose wall clock is
/// set back.</item>
/// <item>Timers from <see cref="CreateTimer"/> fire as the underlying time passes (on its timers: the thread pool
/// for the system clock) and when this clock is moved past them (synchronously, on the thread that moved it, in
/// the order they are due, a periodic timer once for each period passed, as <c>FakeTimeProvider</c> does; a timer
/// created or changed to be due at once fires on the thread that created or changed it). Callbacks run in the
/// execution context of the code that created the timer, and never under a lock of the clock or of the project,
/// so a callback may call the fake, move the clock or change timers. While one thread fires timers, another that
/// makes more of them due leaves them to it.</item>
/// <item>A callback's exception does not stop the other due timers: once they have fired, it is thrown to the
/// code that moved the clock (several as an <see cref="AggregateException"/>), as <c>FakeTimeProvider</c> lets it
/// out of <c>Advance</c>; the clock has moved all the same. On the underlying provider's timer thread it is
/// thrown there, as from a <see cref="Timer"/>'s callback. The back doors that move the clock answer 200 and list
/// such errors in <c>timer_errors</c> instead.</item>
/// <item><see cref="LocalTimeZone"/> is the underlying provider's.</item>
/// </list>
/// </remarks>
public sealed class StytchClock : TimeProvider
{
    // Beyond this the timestamp would overflow after further jumps; no test moves a clock that far (14,000 years).
    private const long MaxJumpTicks = long.MaxValue / 2;

    private readonly TimeProvider _inner;
    private readonly Lock _gate = new();
    private readonly HashSet<ClockWaiter> _waiters = [];
    private long _offsetTicks;
    private long _jumpTicks;
    private long _sequence;
    private int _waking;
    private int _wakeRequested;
    private ITimer? _wake;

    /// <summary>Creates a clock over <paramref name="inner"/>, or over the system clock when null.</summary>
    public StytchClock(TimeProvider? inner = null)
    {
        _inner = inner ?? System;
    }

    /// <summary>The current fake time.</summary>
    public DateTimeOffset Now => GetUtcNow();

    /// <summary>How far this clock is ahead of (or behind) the underlying time provider.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Ticks of <see cref="TimeSpan"/>: one per 100 ns, whatever the underlying provider's frequency.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => InnerTicks() + Interlocked.Read(ref _jumpTicks);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <summary>
    /// Moves the clock forward by <paramref name="delta"/>, firing the timers it passes; negative values, and
    /// values past <see cref="DateTimeOffset.MaxValue"/>, are refused.
    /// </summary>
    /// <exception cref="Exception">A timer callback threw (see the remarks of <see cref="StytchClock"/>); the clock has moved.</exception>
    public void Advance(TimeSpan delta) => ThrowTimerErrors(AdvanceCollectingErrors(delta));

    /// <summary>
    /// Sets the clock to <paramref name="now"/>; it keeps running from there at the underlying pace. Setting it later
    /// fires the timers it passes; setting it earlier moves no timer.
    /// </summary>
    /// <exception cref="Exception">A timer callback threw (see the remarks of <see cref="StytchClock"/>); the clock has moved.</exception>
    public void Set(DateTimeOffset now) => ThrowTimerErrors(SetCollectingErrors(now));

    /// <summary>Puts the clock back on the underlying time provider (firing the timers it passes when that is later).</summary>
    /// <exception cref="Exception">A timer callback threw (see the remarks of <see cref="StytchClock"/>); the clock has moved.</exception>
    public void Restore() => ThrowTimerErrors(RestoreCollectingErrors());

    /// <summary><see cref="Advance"/>, returning the exceptions of the timer callbacks it fired instead of throwing them.</summary>
    internal IReadOnlyList<Exception> AdvanceCollectingErrors(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_gate)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(delta, DateTimeOffset.MaxValue - GetUtcNow());
            MoveTo(_offsetTicks + delta.Ticks);
        }

        return WakeWaiters();
    }

    /// <summary><see cref="Set"/>, returning the exceptions of the timer callbacks it fired instead of throwing them.</summary>
    internal IReadOnlyList<Exception> SetCollectingErrors(DateTimeOffset now)
    {
        lock (_gate)
        {
            MoveTo((now - _inner.GetUtcNow()).Ticks);
        }

        return WakeWaiters();
    }

    /// <summary><see cref="Restore"/>, returning the exceptions of the timer callbacks it fired instead of throwing them.</summary>
    internal IReadOnlyList<Exception> RestoreCollectingErrors()
    {
        lock (_gate)
        {
            MoveTo(0);
        }

        return WakeWaiters();
    }

    /// <summary>Throws what timer callbacks threw: one as itself (its stack trace kept), several together.</summary>
    internal static void ThrowTimerErrors(IReadOnlyList<Exception> errors)
    {
        if (errors.Count == 1)
        {
            ExceptionDispatchInfo.Capture(errors[0]).Throw();
        }
        else if (errors.Count > 1)
        {
            throw new AggregateException(errors);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var (due, every) = ClockTimer.Validate(dueTime, period);
        var timer = new ClockTimer(this, callback, state, ExecutionContext.Capture());
        Schedule(timer, due, every);
        return timer;
    }

    /// <summary>Replaces <paramref name="timer"/>'s schedule: due in <paramref name="dueTicks"/> (never when negative).</summary>
    internal bool Schedule(ClockTimer timer, long dueTicks, long periodTicks)
    {
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            if (timer.Waiter is { } old)
            {
                _waiters.Remove(old);
                timer.Waiter = null;
            }

            if (dueTicks >= 0)
            {
                var waiter = new ClockWaiter(timer.Callback, timer.State, timer.Context, periodTicks)
                {
                    Due = GetTimestamp() + dueTicks,
                    Sequence = ++_sequence,
                };
                _waiters.Add(waiter);
                timer.Waiter = waiter;
            }
        }

        // A timer due at once fires here, on the caller's thread, as FakeTimeProvider's does.
        ThrowTimerErrors(WakeWaiters());
        return true;
    }

    /// <summary>Stops <paramref name="timer"/> for good.</summary>
    internal void Cancel(ClockTimer timer)
    {
        lock (_gate)
        {
            if (timer.Waiter is { } waiter)
            {
                _waiters.Remove(waiter);
                timer.Waiter = null;
            }

            timer.Disposed = true;
        }
    }

    private void MoveTo(long offsetTicks)
    {
        var forward = offsetTicks - _offsetTicks;
        Interlocked.Exchange(ref _offsetTicks, offsetTicks);
        if (forward > 0)
        {
            Interlocked.Exchange(ref _jumpTicks, Math.Min(MaxJumpTicks, _jumpTicks + forward));
        }
    }

    private long InnerTicks()
    {
        var timestamp = _inner.GetTimestamp();
        var frequency = _inner.TimestampFrequency;
        return frequency == TimeSpan.TicksPerSecond ? timestamp : (long)((Int128)timestamp * TimeSpan.TicksPerSecond / frequency);
    }

    /// <summary>
    /// Fires every due timer and returns what their callbacks threw. One thread at a time does it; a call while
    /// another runs (a timer's callback that changes a timer, an underlying tick during a jump) leaves the work to
    /// that thread, which looks again before it stops, so no wake-up is lost. No lock is held while a callback runs.
    /// </summary>
    private List<Exception> WakeWaiters()
    {
        Volatile.Write(ref _wakeRequested, 1);
        List<Exception>? errors = null;
        while (Interlocked.CompareExchange(ref _waking, 1, 0) == 0)
        {
            while (Interlocked.Exchange(ref _wakeRequested, 0) == 1)
            {
                FireDue(ref errors);
            }

            Volatile.Write(ref _waking, 0);
            if (Volatile.Read(ref _wakeRequested) == 0)
            {
                break;
            }
        }

        return errors ?? [];
    }

    /// <summary>
    /// Fires, in due order, the timers due by now (a fixed horizon, so a slow periodic callback cannot keep this
    /// loop going as real time passes), then sets the underlying timer for the next one.
    /// </summary>
    private void FireDue(ref List<Exception>? errors)
    {
        var horizon = GetTimestamp();
        while (true)
        {
            ClockWaiter? next = null;
            long? wakeIn = null;
            lock (_gate)
            {
                foreach (var w in _waiters)
                {
                    if (w.Due <= horizon && (next is null || w.Due < next.Due || (w.Due == next.Due && w.Sequence < next.Sequence)))
                    {
                        next = w;
                    }
                }

                if (next is null && _waiters.Count > 0)
                {
                    wakeIn = _waiters.Min(w => w.Due) - GetTimestamp();
                }
            }

            if (next is null)
            {
                Arm(wakeIn);
                return;
            }

            try
            {
                next.Invoke();
            }
#pragma warning disable CA1031 // Collected for whoever moved the clock, after every due timer has fired.
            catch (Exception e)
#pragma warning restore CA1031
            {
                (errors ??= []).Add(e);
            }

            lock (_gate)
            {
                // A callback that changed or disposed its own timer has already replaced or removed this waiter.
                if (_waiters.Contains(next))
                {
                    if (next.Period > 0)
                    {
                        next.Due += next.Period;
                        next.Sequence = ++_sequence;
                    }
                    else
                    {
                        _waiters.Remove(next);
                    }
                }
            }
        }
    }

    /// <summary>Sets the underlying timer to wake this clock in <paramref name="ticks"/>, or never when null.</summary>
    private void Arm(long? ticks)
    {
        if (ticks is not { } t)
        {
            _wake?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        if (_wake is null)
        {
            // The wake-up timer serves every timer of this clock: it must not carry the context of whichever caller made it.
            var suppress = !ExecutionContext.IsFlowSuppressed();
            if (suppress)
            {
                ExecutionContext.SuppressFlow();
            }

            try
            {
                // A callback's exception is thrown on the underlying timer's thread, as from a Timer's own callback.
                _wake = _inner.CreateTimer(static clock => ThrowTimerErrors(((StytchClock)clock!).WakeWaiters()), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
            finally
            {
                if (suppress)
                {
                    ExecutionContext.RestoreFlow();
                }
            }
        }

        // Whole milliseconds, rounded up: system timers count in them, and waking early would only re-arm.
        var milliseconds = Math.Clamp((t + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond, 0, ClockTimer.MaxMilliseconds);
        _wake.Change(TimeSpan.FromMilliseconds(milliseconds), Timeout.InfiniteTimeSpan);
    }
}
