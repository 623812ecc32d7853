using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>A frontend SDK call's answer: status, body and the headers CORS is judged by.</summary>
internal sealed record SdkResult(int Status, string Text, IReadOnlyDictionary<string, string> Headers)
{
    public JsonObject Json => JsonNode.Parse(Text)!.AsObject();

    /// <summary>The <c>data</c> the SDK returns.</summary>
    public JsonObject Data => Json["data"]!.AsObject();

    public string? ErrorType => Json["error_type"]?.GetValue<string>();

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}

/// <summary>
/// Calls <c>/sdk/v1</c> as <c>@stytch/vanilla-js</c> does: Basic <c>public_token:public_token</c> before login and
/// <c>public_token:session_token</c> after, JSON bodies, and the page's <c>Origin</c>.
/// </summary>
public abstract class FrontendWireTest : FakeWireTest
{
    /// <summary>A page origin on loopback, on another port than the fake's: allowed by default.</summary>
    private protected const string PageOrigin = "http://127.0.0.1:5173";

    private protected string PublicToken => Stytch.DefaultProject.PublicToken;

    private protected static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    /// <summary>One SDK call; <paramref name="authorization"/> defaults to the public token as both user and password.</summary>
    private protected async Task<SdkResult> SdkAsync(HttpMethod method, string path, object? body = null, string? sessionToken = null,
        string? origin = PageOrigin, string? authorization = "")
    {
        using var http = new HttpClient { BaseAddress = Stytch.Url };
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if ((authorization == "" ? Basic(PublicToken, sessionToken ?? PublicToken) : authorization) is { } auth)
        {
            request.Headers.TryAddWithoutValidation("Authorization", auth);
        }

        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }

        using var response = await http.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value), StringComparer.Ordinal);
        return new SdkResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), headers);
    }

    private protected Task<SdkResult> SdkPostAsync(string path, object? body = null, string? sessionToken = null, string? origin = PageOrigin) =>
        SdkAsync(HttpMethod.Post, path, body ?? new { }, sessionToken, origin);

    /// <summary>The SDK's email OTP login: send, read the code from the outbox, authenticate; the answer's <c>data</c>.</summary>
    private protected async Task<JsonObject> LogInAsync(string email = "ada@example.com")
    {
        var sent = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email, expiration_minutes = 5 });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var code = Stytch.Outbox.LatestFor(email).Code;
        var authenticated = await SdkPostAsync("/sdk/v1/otps/authenticate",
            new { token = code, method_id = sent.Data["email_id"]!.GetValue<string>(), session_duration_minutes = 60 });
        Assert.That(authenticated.Status, Is.EqualTo(200), authenticated.Text);
        return authenticated.Data;
    }
}
