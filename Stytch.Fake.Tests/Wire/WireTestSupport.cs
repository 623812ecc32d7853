using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.NUnit;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// Base of the suite's fixtures: a fresh fake (own server, own project, own frozen clock) and a Basic-auth client for
/// every test, disposed after it. Time is a <see cref="FakeTimeProvider"/>: frozen until a test moves it.
/// </summary>
/// <remarks>
/// The suite's one way to get a fake. A fake per test, not per fixture: nothing a test leaves behind (extra projects,
/// fault rules, rate-limit windows, rotated keys, timers, a moved <see cref="Time"/>) can reach the next test, so no
/// test depends on what a reset happens to cover or on the order tests run in, and fixtures can run in parallel
/// because all their state is their own. A start costs milliseconds; RSA keys, the one expensive part, come from
/// <see cref="TestKeys"/>. Tests of other ways to start a fake (options, the NUnit package's <c>StytchFakeTest</c>,
/// the README's examples, the standalone server) start their own.
/// </remarks>
public abstract class FakeWireTest
{
    /// <summary>The instant every fake starts at; whole seconds so wire timestamps are exact.</summary>
    protected static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private StytchFake? _stytch;
    private WireClient? _client;
    private TestKeys? _keys;

    private protected StytchFake Stytch => _stytch ?? throw new InvalidOperationException("No fake running.");

    private protected WireClient Client => _client ?? throw new InvalidOperationException("No client.");

    protected FakeTimeProvider Time { get; private set; } = new(Start);

    /// <summary>The instant this fixture's fakes start at: <see cref="Start"/> unless the fixture says otherwise.</summary>
    private protected virtual DateTimeOffset StartsAt => Start;

    [SetUp]
    public async Task StartFakeAsync()
    {
        Time = new FakeTimeProvider(StartsAt);
        _keys = new TestKeys();
        _stytch = await StytchFake.StartAsync(new StytchFakeOptions
        {
            Project = new StytchProjectOptions { TimeProvider = Time },
            KeyGenerator = _keys.Generator,
        });
        _client = new WireClient(_stytch);
    }

    [TearDown]
    public async Task StopFakeAsync()
    {
        if (_stytch is not null)
        {
            // A failed test shows the fake's outbox and latest requests, as the NUnit package's StytchFakeTest does.
            StytchFakeReporter.WriteIfFailed(TestContext.CurrentContext.Result.Outcome, _stytch.DefaultProject, TestContext.Out);
        }

        _client?.Dispose();
        if (_stytch is not null)
        {
            await _stytch.DisposeAsync();
        }

        _keys?.Dispose();
        _client = null;
        _stytch = null;
        _keys = null;
    }

    private protected Task<WireResult> LoginOrCreateAsync(string email) =>
        Client.PostAsync("/v1/otps/email/login_or_create", new { email });

    private protected Task<WireResult> AuthenticateAsync(string? methodId, string code) =>
        Client.PostAsync("/v1/otps/authenticate", new { method_id = methodId, code });
}

/// <summary>Shapes, JSON helpers and fixture files shared by the wire tests.</summary>
internal static partial class WireShapes
{
    [GeneratedRegex("^user-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    public static partial Regex UserId();

    [GeneratedRegex("^email-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    public static partial Regex EmailId();

    [GeneratedRegex("^request-id-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    public static partial Regex RequestId();

    /// <summary>The top-level keys of a JSON object, sorted ordinally.</summary>
    public static string[] Keys(JsonObject json) => json.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The given keys, sorted ordinally, to compare with <see cref="Keys"/>.</summary>
    public static string[] Sorted(params string[] keys) => keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every string value anywhere in <paramref name="node"/>, and every property name.</summary>
    public static IEnumerable<string> AllStrings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    yield return key;
                    foreach (var s in AllStrings(value))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    foreach (var s in AllStrings(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValue v:
                yield return v.ToJsonString().Trim('"');
                break;
        }
    }

    /// <summary>The directory that holds <c>Stytch.Fake.sln</c>, or null when the tests run outside the repo.</summary>
    public static DirectoryInfo? RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stytch.Fake.sln")))
            {
                return dir;
            }
        }

        return null;
    }

    /// <summary>Reads <c>fixtures/&lt;relative&gt;</c>: copied next to the tests, or else from the repo root.</summary>
    public static JsonObject Fixture(string relative)
    {
        var copied = Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", relative);
        var path = File.Exists(copied)
            ? copied
            : Path.Combine(RepoRoot()?.FullName ?? throw new FileNotFoundException("fixtures not found", copied), "fixtures", relative);
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }
}
