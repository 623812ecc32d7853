namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// The project clock handed to an application as its <see cref="TimeProvider"/>: moving it over the back door
/// fires the application's timers and delays. A callback that throws does not undo the move: the back door answers
/// 200 and lists the error in <c>timer_errors</c>; in process the error reaches the caller once the move is done.
/// Callbacks run with no lock of the fake held, so they may call it.
/// </summary>
public sealed class ClockTimerWireTests : FakeWireTest
{
    private string ProjectPath => $"/_fake/v1/projects/{Stytch.ProjectId}";

    [Test]
    public async Task ClockAdvance_PastAnApplicationsDelay_CompletesTheDelay()
    {
        var delay = Task.Delay(TimeSpan.FromMinutes(15), Stytch.Clock);

        var advanced = await Client.PostAsync($"{ProjectPath}/clock/advance", new { seconds = 900 });

        Assert.That(advanced.Status, Is.EqualTo(200), advanced.Text);
        Assert.That(delay.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task ClockSet_PastAnApplicationsTimer_FiresItOnce()
    {
        var fired = 0;
        using var timer = Stytch.Clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        var set = await Client.PostAsync($"{ProjectPath}/clock/set", new { now = "2030-01-02T04:04:05Z" });
        await Client.PostAsync($"{ProjectPath}/clock/advance", new { seconds = 3600 });

        Assert.That(set.Status, Is.EqualTo(200), set.Text);
        Assert.That(fired, Is.EqualTo(1));
    }

    [Test]
    public async Task ClockAdvance_Timestamps_MoveWithTheClock()
    {
        var before = Stytch.Clock.GetTimestamp();

        await Client.PostAsync($"{ProjectPath}/clock/advance", new { seconds = 90 });

        Assert.That(Stytch.Clock.GetElapsedTime(before), Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public async Task ClockAdvance_TimerCallbackThrows_Answers200WithTheClockMovedAndTheErrorListed()
    {
        using var failing = Stytch.Clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        var advanced = await Client.PostAsync($"{ProjectPath}/clock/advance", new { seconds = 120 });

        Assert.That(advanced.Status, Is.EqualTo(200), advanced.Text);
        Assert.That(advanced["now"], Is.EqualTo("2030-01-02T03:06:05.000Z"));
        Assert.That(Stytch.Clock.Now, Is.EqualTo(Start.AddMinutes(2)));
        Assert.That(TimerErrors(advanced), Is.EqualTo(new[] { "System.InvalidOperationException: boom" }));
    }

    [Test]
    public async Task ClockAdvance_NoTimerThrows_ListsNoTimerErrors()
    {
        var fired = 0;
        using var timer = Stytch.Clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        var advanced = await Client.PostAsync($"{ProjectPath}/clock/advance", new { seconds = 120 });

        Assert.That(advanced.Status, Is.EqualTo(200), advanced.Text);
        Assert.That(fired, Is.EqualTo(1));
        Assert.That(TimerErrors(advanced), Is.Empty);
    }

    [Test]
    public async Task ClockSet_TwoTimerCallbacksThrow_Answers200ListingBothInTheOrderTheyFired()
    {
        using var first = Stytch.Clock.CreateTimer(_ => throw new InvalidOperationException("first"), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        using var second = Stytch.Clock.CreateTimer(_ => throw new ArgumentException("second"), null, TimeSpan.FromMinutes(2), Timeout.InfiniteTimeSpan);

        var set = await Client.PostAsync($"{ProjectPath}/clock/set", new { now = "2030-01-02T04:04:05Z" });

        Assert.That(set.Status, Is.EqualTo(200), set.Text);
        Assert.That(Stytch.Clock.Now, Is.EqualTo(Start.AddHours(1)));
        Assert.That(TimerErrors(set), Is.EqualTo(new[] { "System.InvalidOperationException: first", "System.ArgumentException: second" }));
    }

    [Test]
    public async Task ClockGet_AnswersNowAndOffsetOnly()
    {
        var clock = await Client.GetAsync($"{ProjectPath}/clock");

        Assert.That(WireShapes.Keys(clock.Json), Is.EqualTo(WireShapes.Sorted("now", "offset_seconds")));
    }

    [Test]
    public async Task Reset_TimerCallbackThrowsAsTheClockGoesBack_Answers200WithTheProjectResetAndTheErrorListed()
    {
        await LoginOrCreateAsync("ada@example.com");
        Stytch.Clock.Set(Start.AddHours(-1));
        using var failing = Stytch.Clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        var reset = await Client.PostAsync($"{ProjectPath}/reset", new { });

        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
        Assert.That(TimerErrors(reset), Is.EqualTo(new[] { "System.InvalidOperationException: boom" }));
        Assert.That(Stytch.Clock.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task PutSnapshot_TimerCallbackThrowsAsTheClockMoves_Answers200WithTheWholeSnapshotLoaded()
    {
        await LoginOrCreateAsync("ada@example.com");
        Stytch.Clock.Advance(TimeSpan.FromHours(1));
        var snapshot = Stytch.DefaultProject.ExportSnapshot();
        var other = Stytch.CreateProject(new StytchProjectOptions { TimeProvider = Time });
        using var failing = other.Clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        var put = await Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{other.ProjectId}/snapshot", snapshot);

        Assert.That(put.Status, Is.EqualTo(200), put.Text);
        Assert.That(TimerErrors(put), Is.EqualTo(new[] { "System.InvalidOperationException: boom" }));
        Assert.That(other.Clock.Now, Is.EqualTo(Start.AddHours(1)));
        Assert.That(other.Users.All.Select(u => u.Email), Is.EqualTo(new[] { "ada@example.com" }));
    }

    [Test]
    public async Task PutSnapshot_TimerCallbackCallsTheFake_SeesTheLoadedSnapshotWithoutWaiting()
    {
        await LoginOrCreateAsync("ada@example.com");
        Stytch.Clock.Advance(TimeSpan.FromHours(1));
        var snapshot = Stytch.DefaultProject.ExportSnapshot();
        var other = Stytch.CreateProject(new StytchProjectOptions { TimeProvider = Time });
        using var otherClient = new WireClient(Stytch, other);
        WireResult? seen = null;
        // An application's timer that calls Stytch, synchronously, from the thread that moved the clock: it would
        // wait for ever if the import still held the project's lock.
        using var caller = other.Clock.CreateTimer(
            _ => seen = otherClient.GetAsync($"/_fake/v1/projects/{other.ProjectId}/users").GetAwaiter().GetResult(),
            null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        var put = await Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{other.ProjectId}/snapshot", snapshot);

        Assert.That(put.Status, Is.EqualTo(200), put.Text);
        Assert.That(seen?.Status, Is.EqualTo(200), seen?.Text);
        Assert.That(seen!.Json["users"]!.AsArray().Select(u => u!["emails"]![0]!["email"]!.GetValue<string>()), Is.EqualTo(new[] { "ada@example.com" }));
    }

    [Test]
    public void ImportSnapshot_InProcessTimerCallbackThrows_TheErrorReachesTheCallerWithTheWholeSnapshotLoaded()
    {
        Stytch.DefaultProject.Users.Create("ada@example.com");
        Stytch.Clock.Advance(TimeSpan.FromHours(1));
        var snapshot = Stytch.DefaultProject.ExportSnapshot();
        var other = Stytch.CreateProject(new StytchProjectOptions { TimeProvider = Time });
        using var failing = other.Clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        var error = Assert.Throws<InvalidOperationException>(() => other.ImportSnapshot(snapshot));

        Assert.That(error!.Message, Is.EqualTo("boom"));
        Assert.That(other.Clock.Now, Is.EqualTo(Start.AddHours(1)));
        Assert.That(other.Users.All.Select(u => u.Email), Is.EqualTo(new[] { "ada@example.com" }));
    }

    [Test]
    public void ImportSnapshot_InProcessTimerCallbackReadsTheProjectFromAnotherThread_IsNotKeptWaiting()
    {
        Stytch.DefaultProject.Users.Create("ada@example.com");
        Stytch.Clock.Advance(TimeSpan.FromHours(1));
        var snapshot = Stytch.DefaultProject.ExportSnapshot();
        var other = Stytch.CreateProject(new StytchProjectOptions { TimeProvider = Time });
        var answered = false;
        var users = -1;
        // Generous: a lock held by the importing thread would keep the reader waiting until the callback gave up.
        using var reader = other.Clock.CreateTimer(
            _ => answered = Task.Run(() => users = other.Users.All.Count + other.B2B.Organizations.All.Count).Wait(TimeSpan.FromMinutes(2)),
            null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        other.ImportSnapshot(snapshot);

        Assert.That(answered, Is.True, "the timer callback's reader waited for a lock the import still held");
        Assert.That(users, Is.EqualTo(1));
    }

    [Test]
    public void Reset_InProcessTimerCallbackThrows_TheErrorReachesTheCallerWithTheProjectReset()
    {
        Stytch.DefaultProject.Users.Create("ada@example.com");
        Stytch.Clock.Set(Start.AddHours(-1));
        using var failing = Stytch.Clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        var error = Assert.Throws<InvalidOperationException>(() => Stytch.Reset());

        Assert.That(error!.Message, Is.EqualTo("boom"));
        Assert.That(Stytch.Clock.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    private static string[] TimerErrors(WireResult response) =>
        response.Json["timer_errors"]!.AsArray()
            .Select(e => $"{e!["type"]!.GetValue<string>()}: {e["message"]!.GetValue<string>()}")
            .ToArray();
}
