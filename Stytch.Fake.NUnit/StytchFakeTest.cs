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
    /// <exception cref="InvalidOperationException">
    /// <see cref="ProjectPerTest"/> is true and no test is running here (e.g. in <c>OneTimeSetUp</c>, or on a thread
    /// that does not carry the test's context): there is no per-test project to give, and handing out the
    /// default project instead would silently mix tests.
    /// </exception>
    protected StytchFakeProject Project
    {
        get
        {
            if (!ProjectPerTest)
            {
                return Stytch.DefaultProject;
            }

            var test = TestContext.CurrentContext.Test;
            return _projects.TryGetValue(test.ID, out var project)
                ? project
                : throw new InvalidOperationException(
                    $"ProjectPerTest is on, but '{test.FullName}' has no project of its own: Project exists only inside a test " +
                    "(SetUp, the test, TearDown) and on threads that carry its context. Capture it in a local " +
                    "(var project = Project;) before handing it to other threads, or use Stytch.DefaultProject for fixture-wide setup.");
        }
    }

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
        var perTest = _projects.TryRemove(TestContext.CurrentContext.Test.ID, out var own);
        StytchFakeReporter.WriteIfFailed(TestContext.CurrentContext.Result.Outcome, own ?? Stytch.DefaultProject, TestContext.Out);
        if (perTest && own is not null)
        {
            Stytch.RemoveProject(own.ProjectId);
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
