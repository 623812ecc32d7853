using Microsoft.Extensions.Time.Testing;

namespace Stytch.Fake.Tests.Engine;

/// <summary>
/// <see cref="StytchClock"/> as a complete <see cref="TimeProvider"/>: timestamps and timers follow both the
/// underlying provider and the clock's own moves. The underlying provider is a <see cref="FakeTimeProvider"/>,
/// so nothing here waits on real time except the one test that shows the system clock's path.
/// </summary>
public sealed class StytchClockTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private StytchClock _clock = null!;

    [SetUp]
    public void CreateClock()
    {
        _time = new FakeTimeProvider(Start);
        _clock = new StytchClock(_time);
    }

    private ITimer Timer(List<string> log, string name, TimeSpan due, TimeSpan? period = null) =>
        _clock.CreateTimer(_ => { lock (log) { log.Add(name); } }, null, due, period ?? Timeout.InfiniteTimeSpan);

    // ---- timestamps -------------------------------------------------------------------------------

    [Test]
    public void TimestampFrequency_Always_IsTicksPerSecond()
    {
        Assert.That(_clock.TimestampFrequency, Is.EqualTo(TimeSpan.TicksPerSecond));
        Assert.That(new StytchClock().TimestampFrequency, Is.EqualTo(TimeSpan.TicksPerSecond));
    }

    [Test]
    public void GetTimestamp_ClockAdvanced_ElapsedIsTheAdvance()
    {
        var before = _clock.GetTimestamp();

        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.That(_clock.GetElapsedTime(before), Is.EqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void GetTimestamp_UnderlyingAdvanced_ElapsedIsTheUnderlyingAdvance()
    {
        var before = _clock.GetTimestamp();

        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.That(_clock.GetElapsedTime(before), Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void GetTimestamp_SetLater_ElapsedIsTheJump()
    {
        var before = _clock.GetTimestamp();

        _clock.Set(Start.AddHours(2));

        Assert.That(_clock.GetElapsedTime(before), Is.EqualTo(TimeSpan.FromHours(2)));
    }

    [Test]
    public void GetTimestamp_SetEarlierOrRestored_NeverGoesBack()
    {
        _clock.Advance(TimeSpan.FromHours(1));
        var before = _clock.GetTimestamp();

        _clock.Set(Start.AddDays(-1));
        var afterSetBack = _clock.GetTimestamp();
        _clock.Restore();

        Assert.That(_clock.Now, Is.EqualTo(Start));
        Assert.That(afterSetBack, Is.EqualTo(before));
        Assert.That(_clock.GetElapsedTime(before), Is.EqualTo(TimeSpan.FromDays(1)), "Restore moved the clock a day forward from the day before");
    }

    [Test]
    public void GetTimestamp_SystemClock_RunsForward()
    {
        var clock = new StytchClock();
        var before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromDays(1));

        Assert.That(clock.GetElapsedTime(before), Is.GreaterThanOrEqualTo(TimeSpan.FromDays(1)));
    }

    [Test]
    public void Advance_PastTheLastRepresentableTime_ThrowsAndKeepsTheTime()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.Advance(TimeSpan.MaxValue));
        Assert.That(_clock.Now, Is.EqualTo(Start));
    }

    [Test]
    public void LocalTimeZone_Always_IsTheUnderlyingProvidersZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Fake/Plus3", TimeSpan.FromHours(3), "Plus3", "Plus3");
        _time.SetLocalTimeZone(zone);

        Assert.That(_clock.LocalTimeZone, Is.SameAs(zone));
        Assert.That(_clock.GetLocalNow().Offset, Is.EqualTo(TimeSpan.FromHours(3)));
    }

    // ---- one-shot timers --------------------------------------------------------------------------

    [Test]
    public void CreateTimer_ClockAdvancedPastDue_FiresOnce()
    {
        var log = new List<string>();
        using var timer = Timer(log, "t", TimeSpan.FromMinutes(5));

        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        var beforeDue = log.Count;
        _clock.Advance(TimeSpan.FromTicks(1));
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.That(beforeDue, Is.Zero);
        Assert.That(log, Is.EqualTo(new[] { "t" }));
    }

    [Test]
    public void CreateTimer_UnderlyingAdvancedPastDue_Fires()
    {
        var log = new List<string>();
        using var timer = Timer(log, "t", TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(29));
        var beforeDue = log.Count;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(beforeDue, Is.Zero);
        Assert.That(log, Is.EqualTo(new[] { "t" }));
    }

    [Test]
    public void CreateTimer_JumpAndUnderlyingTimeTogether_FiresWhenTheyAddUpToTheDueTime()
    {
        var log = new List<string>();
        using var timer = Timer(log, "t", TimeSpan.FromMinutes(10));

        _clock.Advance(TimeSpan.FromMinutes(6));
        _time.Advance(TimeSpan.FromMinutes(3));
        var beforeDue = log.Count;
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(beforeDue, Is.Zero);
        Assert.That(log, Is.EqualTo(new[] { "t" }));
    }

    [Test]
    public void CreateTimer_SetPastDue_Fires()
    {
        var log = new List<string>();
        using var timer = Timer(log, "t", TimeSpan.FromHours(1));

        _clock.Set(Start.AddHours(1));

        Assert.That(log, Is.EqualTo(new[] { "t" }));
    }

    [Test]
    public void CreateTimer_SetEarlier_DoesNotFireOrMoveTheDueTime()
    {
        var log = new List<string>();
        using var timer = Timer(log, "t", TimeSpan.FromMinutes(1));

        _clock.Set(Start.AddYears(-1));
        var afterSetBack = log.Count;
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(afterSetBack, Is.Zero);
        Assert.That(log, Is.EqualTo(new[] { "t" }));
    }

    [Test]
    public void CreateTimer_DueNow_FiresBeforeReturning()
    {
        var log = new List<string>();

        using var timer = Timer(log, "t", TimeSpan.Zero);

        Assert.That(log, Is.EqualTo(new[] { "t" }));
    }

    [Test]
    public void CreateTimer_InfiniteDue_NeverFires()
    {
        var log = new List<string>();
        using var timer = Timer(log, "t", Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromDays(10_000));

        Assert.That(log, Is.Empty);
    }

    [Test]
    public void CreateTimer_SeveralDue_FireInDueOrderThenCreationOrder()
    {
        var log = new List<string>();
        using var late = Timer(log, "late", TimeSpan.FromMinutes(3));
        using var early = Timer(log, "early", TimeSpan.FromMinutes(1));
        using var tieA = Timer(log, "tieA", TimeSpan.FromMinutes(2));
        using var tieB = Timer(log, "tieB", TimeSpan.FromMinutes(2));

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.That(log, Is.EqualTo(new[] { "early", "tieA", "tieB", "late" }));
    }

    [TestCase(-2)]
    [TestCase(4_294_967_295)]
    public void CreateTimer_DueOutOfRange_Throws(long milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(milliseconds), Timeout.InfiniteTimeSpan));
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Test]
    public void CreateTimer_NullCallback_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _clock.CreateTimer(null!, null, TimeSpan.Zero, TimeSpan.Zero));
    }

    [Test]
    public void CreateTimer_State_IsPassedToTheCallback()
    {
        object? seen = null;
        var state = new object();
        using var timer = _clock.CreateTimer(s => seen = s, state, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(seen, Is.SameAs(state));
    }

    [Test]
    public void CreateTimer_Callback_RunsInTheCreatorsExecutionContext()
    {
        var local = new AsyncLocal<string>();
        string? seen = null;
        local.Value = "creator";
        using var timer = _clock.CreateTimer(_ => seen = local.Value, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        local.Value = "mover";

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(seen, Is.EqualTo("creator"));
        Assert.That(local.Value, Is.EqualTo("mover"));
    }

    // ---- periodic timers --------------------------------------------------------------------------

    [Test]
    public void CreateTimer_Periodic_FiresOncePerPeriodPassed()
    {
        var log = new List<string>();
        using var timer = Timer(log, "tick", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        _clock.Advance(TimeSpan.FromMinutes(3));
        var afterJump = log.Count;
        _clock.Advance(TimeSpan.FromSeconds(30));
        var halfway = log.Count;
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.That(afterJump, Is.EqualTo(3));
        Assert.That(halfway, Is.EqualTo(3));
        Assert.That(log, Has.Count.EqualTo(4));
    }

    [Test]
    public void CreateTimer_PeriodZero_FiresOnlyOnce()
    {
        var log = new List<string>();
        using var timer = Timer(log, "t", TimeSpan.FromSeconds(1), TimeSpan.Zero);

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(log, Has.Count.EqualTo(1));
    }

    // ---- Change and Dispose -----------------------------------------------------------------------

    [Test]
    public void Change_NewDueTime_CountsFromTheChange()
    {
        var log = new List<string>();
        using var timer = Timer(log, "t", TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromSeconds(50));

        var changed = timer.Change(TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var beforeNewDue = log.Count;
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(changed, Is.True);
        Assert.That(beforeNewDue, Is.Zero);
        Assert.That(log, Has.Count.EqualTo(1));
    }

    [Test]
    public void Change_ToInfinite_StopsThePeriodicTimer()
    {
        var log = new List<string>();
        using var timer = Timer(log, "t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(2));

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(log, Has.Count.EqualTo(2));
    }

    [Test]
    public void Change_InsideItsOwnCallback_TakesTheNewSchedule()
    {
        var count = 0;
        ITimer? timer = null;
        timer = _clock.CreateTimer(_ =>
        {
            count++;
            timer!.Change(TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        // The callback runs once the clock has reached 5 minutes, so its new due time is 15 minutes.
        _clock.Advance(TimeSpan.FromMinutes(5));
        var afterFive = count;
        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        var beforeFifteen = count;
        _clock.Advance(TimeSpan.FromTicks(1));
        timer.Dispose();

        Assert.That(afterFive, Is.EqualTo(1), "the callback replaced the one-minute period");
        Assert.That(beforeFifteen, Is.EqualTo(1));
        Assert.That(count, Is.EqualTo(2));
    }

    [Test]
    public void Dispose_BeforeDue_NeverFiresAndChangeReturnsFalse()
    {
        var log = new List<string>();
        var timer = Timer(log, "t", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        timer.Dispose();
        timer.Dispose();
        _clock.Advance(TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromHours(1));

        Assert.That(log, Is.Empty);
        Assert.That(timer.Change(TimeSpan.Zero, TimeSpan.Zero), Is.False);
        Assert.That(log, Is.Empty);
    }

    [Test]
    public async Task DisposeAsync_BeforeDue_NeverFires()
    {
        var log = new List<string>();
        var timer = Timer(log, "t", TimeSpan.FromMinutes(1));

        await timer.DisposeAsync();
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.That(log, Is.Empty);
    }

    [Test]
    public void Dispose_InsideAnotherTimersCallback_StopsThatTimer()
    {
        var log = new List<string>();
        using var victim = Timer(log, "victim", TimeSpan.FromMinutes(2));
        using var killer = _clock.CreateTimer(_ => victim.Dispose(), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.That(log, Is.Empty);
    }

    // ---- callbacks that throw or move the clock ---------------------------------------------------

    [Test]
    public void Advance_CallbackThrows_OtherTimersStillFireAndTheErrorReachesTheCaller()
    {
        var log = new List<string>();
        using var failing = _clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var later = Timer(log, "later", TimeSpan.FromSeconds(2));

        var error = Assert.Throws<InvalidOperationException>(() => _clock.Advance(TimeSpan.FromSeconds(5)));
        using var afterwards = Timer(log, "afterwards", TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(error!.Message, Is.EqualTo("boom"));
        Assert.That(log, Is.EqualTo(new[] { "later", "afterwards" }));
    }

    [Test]
    public void Advance_TwoCallbacksThrow_BothReachTheCallerTogetherAndTheClockHasMoved()
    {
        using var first = _clock.CreateTimer(_ => throw new InvalidOperationException("first"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var second = _clock.CreateTimer(_ => throw new ArgumentException("second"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        var error = Assert.Throws<AggregateException>(() => _clock.Advance(TimeSpan.FromSeconds(5)));

        Assert.That(error!.InnerExceptions.Select(e => e.Message), Is.EqualTo(new[] { "first", "second" }));
        Assert.That(_clock.Now, Is.EqualTo(Start.AddSeconds(5)));
    }

    [Test]
    public void Set_CallbackThrows_TheErrorReachesTheCallerAndTheClockIsSet()
    {
        using var failing = _clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        var error = Assert.Throws<InvalidOperationException>(() => _clock.Set(Start.AddDays(1)));

        Assert.That(error!.Message, Is.EqualTo("boom"));
        Assert.That(_clock.Now, Is.EqualTo(Start.AddDays(1)));
    }

    [Test]
    public void AdvanceCollectingErrors_CallbackThrows_ReturnsTheErrorInsteadOfThrowingIt()
    {
        using var failing = _clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        var errors = _clock.AdvanceCollectingErrors(TimeSpan.FromSeconds(5));

        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[] { "boom" }));
        Assert.That(_clock.Now, Is.EqualTo(Start.AddSeconds(5)));
    }

    [Test]
    public void Advance_CallbackChangesATimerFromAnotherThread_IsNotKeptWaitingForTheClocksLock()
    {
        var log = new List<string>();
        using var other = Timer(log, "other", TimeSpan.FromHours(1));
        var changed = false;
        // Generous: a lock held while the callback runs would keep the other thread waiting until the callback gave up.
        using var changer = _clock.CreateTimer(
            _ => changed = Task.Run(() => other.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan)).Wait(TimeSpan.FromMinutes(2)),
            null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(changed, Is.True, "the other thread waited for the clock's lock");
        Assert.That(log, Is.EqualTo(new[] { "other" }), "the thread that was firing timers fires the one made due meanwhile");
    }

    [Test]
    public void CreateTimer_DueNow_FiresOnTheCallersThreadWithNoLockHeld()
    {
        var thread = -1;
        var read = false;
        using var probe = Timer([], "probe", TimeSpan.FromHours(1));

        using var now = _clock.CreateTimer(_ =>
        {
            thread = Environment.CurrentManagedThreadId;
            read = Task.Run(() => probe.Change(TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan)).Wait(TimeSpan.FromMinutes(2));
        }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.That(thread, Is.EqualTo(Environment.CurrentManagedThreadId));
        Assert.That(read, Is.True, "the other thread waited for the clock's lock");
    }

    [Test]
    public void Advance_InsideACallback_FiresTheTimersItPassesToo()
    {
        var log = new List<string>();
        using var mover = _clock.CreateTimer(_ => _clock.Advance(TimeSpan.FromMinutes(10)), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        using var passed = Timer(log, "passed", TimeSpan.FromMinutes(5));

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(log, Is.EqualTo(new[] { "passed" }));
        Assert.That(_clock.Now, Is.EqualTo(Start.AddMinutes(11)));
    }

    // ---- what applications build on timers --------------------------------------------------------

    [Test]
    public void TaskDelay_OnTheClock_CompletesWhenTheClockIsAdvanced()
    {
        var delay = Task.Delay(TimeSpan.FromHours(1), _clock);
        var early = delay.IsCompleted;

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.That(early, Is.False);
        Assert.That(delay.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public void CancellationTokenSource_OnTheClock_CancelsWhenTheClockIsAdvanced()
    {
        using var source = new CancellationTokenSource(TimeSpan.FromMinutes(2), _clock);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var early = source.IsCancellationRequested;
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(early, Is.False);
        Assert.That(source.IsCancellationRequested, Is.True);
    }

    [Test]
    public async Task PeriodicTimer_OnTheClock_TicksWhenTheClockIsAdvanced()
    {
        using var periodic = new PeriodicTimer(TimeSpan.FromMinutes(1), _clock);
        var tick = periodic.WaitForNextTickAsync();
        var early = tick.IsCompleted;

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(early, Is.False);
        Assert.That(tick.IsCompleted, Is.True);
        Assert.That(await tick, Is.True);
    }

    [Test]
    public async Task CreateTimer_SystemClock_FiresAsRealTimePassesAndWhenMoved()
    {
        var clock = new StytchClock();
        var passed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var jumped = 0;
        using var real = clock.CreateTimer(_ => passed.TrySetResult(), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        using var moved = clock.CreateTimer(_ => Interlocked.Increment(ref jumped), null, TimeSpan.FromDays(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromDays(1));
        var firedByTheMove = Volatile.Read(ref jumped);
        // Generous: this waits only as long as the 20 ms timer takes, unless the machine is badly overloaded.
        var fired = await Task.WhenAny(passed.Task, Task.Delay(TimeSpan.FromSeconds(60))) == passed.Task;

        Assert.That(firedByTheMove, Is.EqualTo(1));
        Assert.That(fired, Is.True);
    }

    [Test]
    public async Task CreateTimer_ManyTimersAndConcurrentMoves_EachOneShotFiresExactlyOnce()
    {
        const int timers = 500;
        var counts = new int[timers];
        var created = Enumerable.Range(0, timers)
            .Select(i => _clock.CreateTimer(_ => Interlocked.Increment(ref counts[i]), null, TimeSpan.FromSeconds(i % 50 + 1), Timeout.InfiniteTimeSpan))
            .ToList();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var step = 0; step < 10; step++)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
            }
        })));

        Assert.That(counts, Has.All.EqualTo(1));
        created.ForEach(t => t.Dispose());
    }
}
