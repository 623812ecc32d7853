namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>Base of the session fixtures: a fresh fake per test (see <see cref="FakeWireTest"/>) and the session steps over it.</summary>
public abstract class SessionWireTest : FakeWireTest
{
    private SessionHarness? _harness;

    private protected SessionHarness Harness => _harness ?? throw new InvalidOperationException("The harness starts in SetUp.");

    private protected override DateTimeOffset StartsAt => SessionHarness.Start;

    [SetUp]
    public void StartHarness() => _harness = new SessionHarness(Stytch, Client);

    [TearDown]
    public void StopHarness() => _harness = null;
}
