namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// The project clock handed to an application as its <see cref="TimeProvider"/>: moving it over the back door
/// fires the application's timers and delays.
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
}
