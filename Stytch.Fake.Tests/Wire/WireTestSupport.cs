using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// Base of the wire test fixtures: a fresh fake (own server, own project) and a Basic-auth client for
/// every test, so tests never share state. Time is a <see cref="FakeTimeProvider"/>: frozen until a test moves it.
/// </summary>
public abstract class FakeWireTest
{
    /// <summary>The instant every fake starts at; whole seconds so wire timestamps are exact.</summary>
    protected static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private StytchFake? _stytch;
    private WireClient? _client;

    private protected StytchFake Stytch => _stytch ?? throw new InvalidOperationException("No fake running.");

    private protected WireClient Client => _client ?? throw new InvalidOperationException("No client.");

    protected FakeTimeProvider Time { get; private set; } = new(Start);

    [SetUp]
    public async Task StartFakeAsync()
    {
        Time = new FakeTimeProvider(Start);
        _stytch = await StytchFake.StartAsync(new StytchFakeOptions { Project = new StytchProjectOptions { TimeProvider = Time } });
        _client = new WireClient(_stytch);
    }

    [TearDown]
    public async Task StopFakeAsync()
    {
        _client?.Dispose();
        if (_stytch is not null)
        {
            await _stytch.DisposeAsync();
        }

        _client = null;
        _stytch = null;
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
