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
    // Keyed by test id: with ParallelScope.Children one fixture instance serves tests running at once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StytchFakeProject> _projects = new();
    private StytchFake? _stytch;

    /// <summary>The fixture's fake. Its default project is reset before each test.</summary>
    protected StytchFake Stytch => _stytch ?? throw new InvalidOperationException("The fake starts in OneTimeSetUp.");

    /// <summary>
    /// The current test's project: the fake's default project, or, when <see cref="ProjectPerTest"/> is
    /// true, a fresh project of its own on the shared server (safe for tests that run in parallel).
    /// </summary>
    protected StytchFakeProject Project =>
        _projects.TryGetValue(TestContext.CurrentContext.Test.ID, out var project) ? project : Stytch.DefaultProject;

    /// <summary>Override to start the fake with other options (fixed credentials, clock, seed).</summary>
    protected virtual StytchFakeOptions Options => new();

    /// <summary>
    /// Override to true to give every test its own isolated project (own credentials, state, clock and
    /// outbox) on the fixture's one server, e.g. for <c>[Parallelizable(ParallelScope.Children)]</c> fixtures.
    /// </summary>
    protected virtual bool ProjectPerTest => false;

    /// <summary>An HttpClient for the fake, authenticated as the current test's <see cref="Project"/>.</summary>
    protected HttpClient CreateClient() => Stytch.CreateClient(Project);

    /// <summary>Starts the fake.</summary>
    [OneTimeSetUp]
    public async Task StartStytchFakeAsync() => _stytch = await StytchFake.StartAsync(Options);

    /// <summary>Gives each test a clean project.</summary>
    [SetUp]
    public void ResetStytchFake()
    {
        if (ProjectPerTest)
        {
            _projects[TestContext.CurrentContext.Test.ID] = Stytch.CreateProject();
        }
        else
        {
            Stytch.Reset();
        }
    }

    /// <summary>Writes the outbox and the latest requests to the output of a failed test.</summary>
    [TearDown]
    public void ReportStytchFake()
    {
        StytchFakeReporter.WriteIfFailed(TestContext.CurrentContext.Result.Outcome, Project, TestContext.Out);
        if (_projects.TryRemove(TestContext.CurrentContext.Test.ID, out var project))
        {
            Stytch.RemoveProject(project.ProjectId);
        }
    }

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
