namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>Base of the session fixtures: one harness (fake on a frozen clock) per fixture, reset before each test.</summary>
public abstract class SessionWireTest
{
    private SessionHarness? _harness;

    private protected SessionHarness Harness => _harness ?? throw new InvalidOperationException("The harness starts in OneTimeSetUp.");

    [OneTimeSetUp]
    public async Task StartFakeAsync() => _harness = await SessionHarness.StartAsync();

    [SetUp]
    public void ResetFake() => Harness.Reset();

    [OneTimeTearDown]
    public async Task StopFakeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
