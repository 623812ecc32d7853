using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Stytch.Fake.NUnit;

/// <summary>
/// Base class for an NUnit fixture that talks to Stytch: one fake server per fixture, its project
/// reset before every test, and on a failed test the outbox and the latest requests written to the
/// test's output.
/// </summary>
/// <example>
/// <code>
/// public class LoginTests : StytchFakeTest
/// {
///     [Test]
///     public async Task Login_Works()
///     {
///         var client = new HttpClient { BaseAddress = Stytch.Url };
///         // ... call Stytch, then read Stytch.Outbox.LatestFor("ada@example.com").Code
///     }
/// }
/// </code>
/// </example>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The fixture is disposed in OneTimeTearDown, as NUnit runs it.")]
public abstract class StytchFakeTest
{
    private StytchFakeFixture? _fixture;

    private StytchFakeFixture Fixture => _fixture ?? throw new InvalidOperationException("The fake starts in OneTimeSetUp.");

    /// <summary>The fixture's fake. Its default project is reset before each test.</summary>
    protected StytchFake Stytch => Fixture.Fake;

    /// <summary>
    /// The current test's project: the fake's default project, or, when <see cref="ProjectPerTest"/> is
    /// true, a fresh project of its own on the shared server (safe for tests that run in parallel).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// <see cref="ProjectPerTest"/> is true and no test is running here (e.g. in <c>OneTimeSetUp</c>, or on a thread
    /// that does not carry the test's context): there is no per-test project to give, and handing out the
    /// default project instead would silently mix tests.
    /// </exception>
    protected StytchFakeProject Project => Fixture.Project;

    /// <summary>Override to start the fake with other options (fixed credentials, clock, seed).</summary>
    protected virtual StytchFakeOptions Options => new();

    /// <summary>
    /// Override to true to give every test its own isolated project (own credentials, state, clock and
    /// outbox) on the fixture's one server, e.g. for <c>[Parallelizable(ParallelScope.Children)]</c> fixtures.
    /// </summary>
    protected virtual bool ProjectPerTest => false;

    /// <summary>An HttpClient for the fake, authenticated as the current test's <see cref="Project"/>.</summary>
    protected HttpClient CreateClient() => Fixture.CreateClient();

    /// <summary>Starts the fake.</summary>
    [OneTimeSetUp]
    public async Task StartStytchFakeAsync()
    {
        // Built here, not in the constructor: Options and ProjectPerTest are virtual.
        _fixture = new StytchFakeFixture { Options = Options, ProjectPerTest = ProjectPerTest };
        await _fixture.StartAsync();
    }

    /// <summary>Gives each test a clean project.</summary>
    [SetUp]
    public void ResetStytchFake() => Fixture.BeforeTest();

    /// <summary>Writes the outbox and the latest requests to the output of a failed test.</summary>
    [TearDown]
    public void ReportStytchFake() => Fixture.AfterTest();

    /// <summary>Stops the fake.</summary>
    [OneTimeTearDown]
    public async Task StopStytchFakeAsync()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
            _fixture = null;
        }
    }
}

/// <summary>Writes <see cref="DiagnosticReport"/> for tests that did not pass.</summary>
public static class StytchFakeReporter
{
    /// <summary>Writes the project's report to <paramref name="output"/> when <paramref name="outcome"/> is a failure or error.</summary>
    /// <returns>True when something was written.</returns>
    public static bool WriteIfFailed(ResultState outcome, StytchFakeProject project, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(output);
        if (outcome.Status != TestStatus.Failed)
        {
            return false;
        }

        output.WriteLine();
        output.Write(DiagnosticReport.Describe(project));
        return true;
    }
}
