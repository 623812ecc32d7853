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
public abstract class StytchFakeTest
{
    private StytchFake? _stytch;

    /// <summary>The fixture's fake. Its default project is reset before each test.</summary>
    protected StytchFake Stytch => _stytch ?? throw new InvalidOperationException("The fake starts in OneTimeSetUp.");

    /// <summary>Override to start the fake with other options (fixed credentials, clock, seed).</summary>
    protected virtual StytchFakeOptions Options => new();

    /// <summary>Starts the fake.</summary>
    [OneTimeSetUp]
    public async Task StartStytchFakeAsync() => _stytch = await StytchFake.StartAsync(Options);

    /// <summary>Gives each test a clean project.</summary>
    [SetUp]
    public void ResetStytchFake() => Stytch.Reset();

    /// <summary>Writes the outbox and the latest requests to the output of a failed test.</summary>
    [TearDown]
    public void ReportStytchFake() =>
        StytchFakeReporter.WriteIfFailed(TestContext.CurrentContext.Result.Outcome, Stytch.DefaultProject, TestContext.Out);

    /// <summary>Stops the fake.</summary>
    [OneTimeTearDown]
    public async Task StopStytchFakeAsync()
    {
        if (_stytch is not null)
        {
            await _stytch.DisposeAsync();
            _stytch = null;
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
