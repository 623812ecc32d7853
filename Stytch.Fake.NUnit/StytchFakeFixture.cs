using System.Collections.Concurrent;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Stytch.Fake.NUnit;

/// <summary>
/// A fake Stytch server for an NUnit fixture that holds it rather than deriving from <see cref="StytchFakeTest"/>:
/// start it once, call <see cref="BeforeTest"/> and <see cref="AfterTest()"/> around each test, dispose it at the end.
/// Each test gets a clean project, and a failed test's output shows the outbox and the latest requests.
/// </summary>
/// <example>
/// <code>
/// public class LoginTests
/// {
///     private readonly StytchFakeFixture _stytch = new() { ProjectPerTest = true };
///
///     [OneTimeSetUp] public Task StartAsync() => _stytch.StartAsync();
///     [SetUp] public void BeforeTest() => _stytch.BeforeTest();
///     [TearDown] public void AfterTest() => _stytch.AfterTest();
///     [OneTimeTearDown] public async Task StopAsync() => await _stytch.DisposeAsync();
/// }
/// </code>
/// </example>
public sealed class StytchFakeFixture : IAsyncDisposable
{
    // Keyed by test id: with ParallelScope.Children one fixture serves tests running at once.
    private readonly ConcurrentDictionary<string, StytchFakeProject> _projects = new();
    private StytchFake? _fake;

    /// <summary>The options the fake starts with (fixed credentials, clock, seed).</summary>
    public StytchFakeOptions Options { get; init; } = new();

    /// <summary>
    /// True to give every test its own isolated project (own credentials, state, clock and outbox) on the one
    /// server, e.g. for <c>[Parallelizable(ParallelScope.Children)]</c> fixtures; false to reset the default project
    /// before each test.
    /// </summary>
    public bool ProjectPerTest { get; init; }

    /// <summary>The running fake.</summary>
    /// <exception cref="InvalidOperationException">The fixture has not been started, or was disposed.</exception>
    public StytchFake Fake => _fake ?? throw new InvalidOperationException(
        "The fake is not running: call StartAsync() first (in OneTimeSetUp), and not after DisposeAsync().");

    /// <summary>
    /// The current test's project: the fake's default project, or, with <see cref="ProjectPerTest"/>, the test's own.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// <see cref="ProjectPerTest"/> is true and no test is running here (e.g. in <c>OneTimeSetUp</c>, or on a thread
    /// that does not carry the test's context): there is no per-test project to give, and handing out the
    /// default project instead would silently mix tests.
    /// </exception>
    public StytchFakeProject Project
    {
        get
        {
            if (!ProjectPerTest)
            {
                return Fake.DefaultProject;
            }

            var test = TestContext.CurrentContext.Test;
            return _projects.TryGetValue(test.ID, out var project)
                ? project
                : throw new InvalidOperationException(
                    $"ProjectPerTest is on, but '{test.FullName}' has no project of its own: Project exists only inside a test " +
                    "(SetUp, the test, TearDown) and on threads that carry its context. Capture it in a local " +
                    "(var project = Project;) before handing it to other threads, or use the fake's DefaultProject " +
                    "(Stytch.DefaultProject in a StytchFakeTest) for fixture-wide setup.");
        }
    }

    /// <summary>An HttpClient for the fake, authenticated as the current test's <see cref="Project"/>; the caller disposes it.</summary>
    public HttpClient CreateClient() => Fake.CreateClient(Project);

    /// <summary>Starts the fake; call it once, in <c>OneTimeSetUp</c>.</summary>
    /// <exception cref="InvalidOperationException">The fixture was started already.</exception>
    public async Task StartAsync()
    {
        if (_fake is not null)
        {
            throw new InvalidOperationException("The fixture's fake is started already.");
        }

        var fake = await StytchFake.StartAsync(Options).ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref _fake, fake, null) is not null)
        {
            await fake.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The fixture's fake is started already.");
        }
    }

    /// <summary>Gives the current test a clean project; call it in <c>SetUp</c>.</summary>
    public void BeforeTest()
    {
        if (ProjectPerTest)
        {
            _projects[TestContext.CurrentContext.Test.ID] = Fake.CreateProject();
        }
        else
        {
            Fake.Reset();
        }
    }

    /// <summary>
    /// When the current test failed, writes its project's outbox and latest requests to the test's output; then
    /// removes the test's own project (with <see cref="ProjectPerTest"/>). Call it in <c>TearDown</c>.
    /// </summary>
    /// <returns>True when a report was written.</returns>
    public bool AfterTest()
    {
        var context = TestContext.CurrentContext;
        return AfterTest(context.Test.ID, context.Result.Outcome, TestContext.Out);
    }

    /// <summary><see cref="AfterTest()"/> for the test <paramref name="testId"/> with this outcome and output.</summary>
    internal bool AfterTest(string testId, ResultState outcome, TextWriter output)
    {
        var own = _projects.TryRemove(testId, out var project) ? project : null;
        try
        {
            return StytchFakeReporter.WriteIfFailed(outcome, own ?? Fake.DefaultProject, output);
        }
        finally
        {
            if (own is not null)
            {
                Fake.RemoveProject(own.ProjectId);
            }
        }
    }

    /// <summary>Stops the fake; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _fake, null) is { } fake)
        {
            await fake.DisposeAsync().ConfigureAwait(false);
        }
    }
}
