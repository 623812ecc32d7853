namespace Stytch.Fake.Engine;

/// <summary>
/// A project's clock: the time of an underlying <see cref="TimeProvider"/> (the system clock unless you
/// pass your own) plus an offset that tests move with <see cref="Advance"/> and <see cref="Set"/>.
/// OTP and session expiry read only this clock.
/// </summary>
public sealed class StytchClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private long _offsetTicks;

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

    /// <summary>Moves the clock forward by <paramref name="delta"/>; negative values are refused.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, delta.Ticks);
    }

    /// <summary>Sets the clock to <paramref name="now"/>; it keeps running from there at the underlying pace.</summary>
    public void Set(DateTimeOffset now) =>
        Interlocked.Exchange(ref _offsetTicks, (now - _inner.GetUtcNow()).Ticks);

    /// <summary>Puts the clock back on the underlying time provider.</summary>
    public void Restore() => Interlocked.Exchange(ref _offsetTicks, 0);
}
