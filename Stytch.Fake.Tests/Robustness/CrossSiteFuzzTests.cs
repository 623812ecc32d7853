using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Robustness;

/// <summary>
/// A seeded random fuzzer over the back doors that change state, sending what a web page on another site (or a
/// rebound DNS name) could: random Host, Origin, Content-Type and method, and the path spelled plainly or with
/// escapes a second decoding would undo. Each answer must be the refusal the rules predict, and a refused or
/// unrouted call must leave the project as it was. The seed is random per run (or
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

    /// <summary>The back-door prefix as sent; whether any decoding of it spells the back door; whether it is the back door decoded once.</summary>
    private static readonly (string Prefix, bool BackDoor, bool Routed)[] Spellings =
    [
        ("/_fake/v1/projects/", true, true),
        ("/%5Ffake/v1/projects/", true, true),
        ("/%5ffake%2Fv1/projects/", true, false),
        ("/_fake%2Fv1/projects/", true, false),
        ("/_fake%2fv1%2Fprojects/", true, false),
        ("/%255Ffake/v1/projects/", true, false),
        ("/%255ffake/v1/projects/", true, false),
        ("/_fak%2565/v1/projects/", true, false),
        ("/%255F%66ake%2Fv1/projects/", true, false),
        ("/_fake/v1/projects%2F", true, false),
        ("/%5F%46AKE/v1/projects/", false, false),
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
        // Each call is answered in milliseconds; two minutes without an answer, however loaded the machine, is a hang.
        var hangAfter = TimeSpan.FromMinutes(2);
        using var http = new HttpClient { BaseAddress = stytch.Url, Timeout = hangAfter };
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
            var (prefix, backDoor, routed) = Spellings[random.Next(Spellings.Length)];
            var json = contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
            var expected = !hostAllowed ? (403, "host_not_allowed")
                : backDoor && !originAllowed ? (403, "origin_not_allowed")
                : backDoor && !json ? (415, "json_content_type_required")
                : !routed ? (404, "route_not_found")
                : ((int, string)?)null;

            var url = new Uri($"{stytch.Url.GetLeftPart(UriPartial.Authority)}{prefix}{stytch.ProjectId}/{path}",
                new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
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
            var describe = $"#{i} {method} {prefix}…/{path} host={host} origin={origin ?? "-"} content-type={contentType ?? "-"}";
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request);
            }
            catch (TaskCanceledException e)
            {
                throw new AssertionException($"cross-site fuzz seed {seed}: {describe} had no answer within {hangAfter.TotalMinutes} minutes: taken for a hang.", e);
            }

            using var answered = response;
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
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
            project.Users.All.Count.ToString(CultureInfo.InvariantCulture),
            project.RateLimits.Enabled.ToString());
    }
}
