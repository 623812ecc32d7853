using System.Net.Http.Headers;
using System.Text;
using Stytch.Fake.Http;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Robustness;

/// <summary>
/// Every frontend SDK endpoint that takes a body, given hostile bodies with the public token's credentials: each answers
/// Stytch's 4xx error envelope, never a 5xx, and no code or link is sent.
/// </summary>
public sealed class FrontendHostileInputTests : FakeWireTest
{
    private static readonly byte[][] Bodies =
    [
        "null"u8.ToArray(),
        "[]"u8.ToArray(),
        "\"ada@example.com\""u8.ToArray(),
        "{\"email\":"u8.ToArray(),
        "{\"email\":\"ada@example.com\",\"email\":\"ada@example.com\"}"u8.ToArray(),
        "{\"token\":\"a\",\"token\":\"b\",\"code\":\"c\"}"u8.ToArray(),
        Encoding.UTF8.GetBytes("{\"email\":" + string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)) + "}"),
        [.. "{\"email\":\"ada"u8, 0xC3, 0x28, .. "@example.com\"}"u8],
        "{\"email\":42,\"email_address\":[],\"token\":{},\"organization_id\":1e400,\"session_duration_minutes\":\"60\"}"u8.ToArray(),
        "{\"email\":null,\"email_address\":null,\"token\":null,\"password\":null,\"intermediate_session_token\":7}"u8.ToArray(),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from endpoint in ProductCatalog.Endpoints.Where(e => e.Access == Access.PublicToken && e.Method == "POST")
        from body in Bodies.Select((b, i) => (Bytes: b, Index: i))
        select new TestCaseData(endpoint.Route.Template, body.Bytes).SetArgDisplayNames(endpoint.Route.Template, $"body{body.Index:00}");

    [TestCaseSource(nameof(Cases))]
    public async Task AnyFrontendEndpoint_HostileBody_Answers4xxEnvelopeAndSendsNothing(string path, byte[] body)
    {
        var token = Stytch.DefaultProject.PublicToken;
        using var http = new HttpClient { BaseAddress = Stytch.Url };
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'));
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{token}:{token}")));
        request.Headers.TryAddWithoutValidation("Origin", "http://localhost:5173");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.InRange(400, 499), text);
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(text)!["error_type"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, text);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    private static readonly (string Name, string? Authorization, string? Origin)[] Credentials =
    [
        ("NotBase64", "Basic !!!", "http://localhost:5173"),
        ("NoColon", "Basic " + Convert.ToBase64String("public-token-test"u8.ToArray()), "http://localhost:5173"),
        ("Bearer", "Bearer public-token-test-00000000-0000-4000-8000-000000000000", "http://localhost:5173"),
        ("HugeUser", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('p', 6_000) + ":x")), "http://localhost:5173"),
        ("NullOrigin", null, "null"),
        ("OriginWithPath", null, "http://localhost:5173/page"),
        ("OriginNotAUrl", null, "localhost"),
        ("OriginJavascript", null, "javascript:alert(1)"),
        ("HugeOrigin", null, "http://" + new string('a', 5_000) + ".example"),
    ];

    public static IEnumerable<TestCaseData> CredentialCases() =>
        Credentials.Select(c => new TestCaseData(c.Authorization, c.Origin).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(CredentialCases))]
    public async Task FrontendCall_HostileCredentialsOrOrigin_Answers4xxAndSendsNothing(string? authorization, string? origin)
    {
        var token = Stytch.DefaultProject.PublicToken;
        using var http = new HttpClient { BaseAddress = Stytch.Url };
        using var request = new HttpRequestMessage(HttpMethod.Post, "sdk/v1/otps/email/login_or_create");
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{token}:{token}")));
        request.Headers.TryAddWithoutValidation("Origin", origin);
        request.Content = new StringContent("{\"email\":\"ada@example.com\"}", Encoding.UTF8, "application/json");

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.InRange(400, 499), text);
        // Refused credentials from an allowed page are readable by it (CORS headers); a refused origin gets none.
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.EqualTo(authorization is not null));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }
}
