using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Robustness;

/// <summary>
/// A seeded random fuzzer over the back doors that change state, sending what a web page on another site (or a
/// rebound DNS name) could: random Host, Origin, Content-Type and method. Each answer must be the refusal the
/// rules predict, and a refused call must leave the project as it was. The seed is random per run (or
/// <c>STYTCH_FAKE_FUZZ_SEED</c>) and printed, so a failure can be replayed.
/// </summary>
public sealed class CrossSiteFuzzTests
{
    private const int Requests = 1_500;

    private static readonly (string Method, string Path, string? Body)[] Calls =
    [
        ("POST", "clock/advance", """{"seconds":1}"""),
        ("POST", "clock/set", """{"now":"2031-01-01T00:00:00Z"}"""),
        ("POST", "faults", """{"endpoint":"otps.email.send","error_type":"too_many_requests"}"""),
        ("DELETE", "faults", null),
        ("POST", "reset", null),
        ("POST", "rate_limits", """{"enabled":true}"""),
        ("DELETE", "outbox", null),
        ("POST", "seed", """{"users":[{"email":"fuzz@example.com"}]}"""),
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", "application/json-patch+json",
        "", null,
    ];

    [Test]
    public async Task BackDoorMutations_RandomCrossSiteHeaders_AreRefusedAsTheRulesSayAndChangeNothing()
    {
        var seed = Environment.GetEnvironmentVariable("STYTCH_FAKE_FUZZ_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        await TestContext.Out.WriteLineAsync($"cross-site fuzz seed {seed} (replay with STYTCH_FAKE_FUZZ_SEED={seed})");
        var random = new Random(seed);
        await using var stytch = await StytchFake.StartAsync();
        using var http = new HttpClient { BaseAddress = stytch.Url, Timeout = TimeSpan.FromSeconds(10) };
        var port = stytch.Url.Port;
        var hosts = new (string? Value, bool Allowed)[]
        {
            ($"127.0.0.1:{port}", true), ($"localhost:{port}", true), ($"[::1]:{port}", true), ($"LocalHost:{port}", true),
            ($"evil.example:{port}", false), ("evil.example", false), ($"localhost:{(port % 65535) + 1}", false),
            ($"127.0.0.1.evil.example:{port}", false), ("127.0.0.1", port == 80),
        };
        var origins = new (string? Value, bool Allowed)[]
        {
            (null, true), ($"http://127.0.0.1:{port}", true), ($"http://localhost:{port}", true), ($"https://localhost:{port}", true),
            ("http://evil.example", false), ($"http://evil.example:{port}", false), ("null", false), ("http://localhost", port == 80),
            ($"http://localhost:{(port % 65535) + 1}", false), ("file://", false), ("evil", false),
        };
        var problems = new List<string>();

        for (var i = 0; i < Requests; i++)
        {
            var (method, path, body) = Calls[random.Next(Calls.Length)];
            var (host, hostAllowed) = hosts[random.Next(hosts.Length)];
            var (origin, originAllowed) = origins[random.Next(origins.Length)];
            var contentType = ContentTypes[random.Next(ContentTypes.Length)];
            var json = contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
            var expected = !hostAllowed ? (403, "host_not_allowed")
                : !originAllowed ? (403, "origin_not_allowed")
                : !json ? (415, "json_content_type_required")
                : ((int, string)?)null;

            using var request = new HttpRequestMessage(new HttpMethod(method), $"_fake/v1/projects/{stytch.ProjectId}/{path}");
            request.Headers.Host = host;
            if (origin is not null)
            {
                request.Headers.TryAddWithoutValidation("Origin", origin);
            }

            if (body is not null || contentType is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? ""));
                if (contentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            var before = Fingerprint(stytch);
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var describe = $"#{i} {method} {path} host={host} origin={origin ?? "-"} content-type={contentType ?? "-"}";
            if (expected is var (code, type))
            {
                var errorType = JsonNode.Parse(text)?["error_type"]?.GetValue<string>();
                if (status != code || errorType != type)
                {
                    problems.Add($"{describe} -> {status} {errorType}, expected {code} {type}");
                }
                else if (Fingerprint(stytch) != before)
                {
                    problems.Add($"{describe} -> refused, but the project changed");
                }
            }
            else if (status >= 500 || text.Contains("_not_allowed\"", StringComparison.Ordinal) || text.Contains("json_content_type_required", StringComparison.Ordinal))
            {
                // Allowed calls may still be bad requests (a duplicate seed), but never a 5xx or the guard's refusal.
                problems.Add($"{describe} -> {status} {text}");
            }
        }

        Assert.That(problems, Is.Empty, $"cross-site fuzz seed {seed}, {problems.Count} problems:\n" + string.Join("\n", problems.Take(20)));
    }

    private static string Fingerprint(StytchFake stytch)
    {
        var project = stytch.DefaultProject;
        return string.Join('|',
            project.Clock.Offset.Ticks.ToString(CultureInfo.InvariantCulture),
            project.Faults.All.Count.ToString(CultureInfo.InvariantCulture),
            project.Outbox.All.Count.ToString(CultureInfo.InvariantCulture),
            project.Users.Count.ToString(CultureInfo.InvariantCulture),
            project.RateLimits.Enabled.ToString());
    }
}
