using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>
/// The steps every session test needs over a test's fake (frozen time that only <see cref="StytchClock.Advance"/>
/// moves) and its Basic-auth client: log a user in over the wire, read the JWKS, validate a JWT independently of the fake.
/// </summary>
internal sealed partial class SessionHarness
{
    /// <summary>The instant every fake starts at: whole seconds, so wire timestamps can be compared exactly.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(5);

    // A key no project owns, made once: RSA generation is slow.
    private static readonly Lazy<RSA> ForeignKey = new(() => RSA.Create(2048));

    public SessionHarness(StytchFake stytch, WireClient client)
    {
        Stytch = stytch;
        Client = client;
    }

    public StytchFake Stytch { get; }

    public WireClient Client { get; }

    public string ProjectId => Stytch.ProjectId;

    /// <summary>login_or_create, the code from the outbox, then otps/authenticate with <paramref name="extra"/> fields.</summary>
    public Task<WireResult> AuthenticateOtpAsync(string email, IReadOnlyDictionary<string, object?> extra) =>
        AuthenticateOtpAsync(Client, Stytch.DefaultProject, email, extra);

    /// <summary>login_or_create, and the email id and code that were "sent".</summary>
    public async Task<(string EmailId, string Code)> SendCodeAsync(string email)
    {
        var sent = await Client.PostAsync("/v1/otps/email/login_or_create", new { email });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return (sent["email_id"]!, Stytch.Outbox.LatestFor(email).Code);
    }

    /// <summary>As <see cref="AuthenticateOtpAsync(string, IReadOnlyDictionary{string, object?})"/>, for any project.</summary>
    public static async Task<WireResult> AuthenticateOtpAsync(WireClient client, StytchFakeProject project, string email, IReadOnlyDictionary<string, object?> extra)
    {
        var sent = await client.PostAsync("/v1/otps/email/login_or_create", new { email });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var body = new Dictionary<string, object?>(extra)
        {
            ["method_id"] = sent["email_id"],
            ["code"] = project.Outbox.LatestFor(email).Code,
        };
        return await client.PostAsync("/v1/otps/authenticate", body);
    }

    /// <summary>Logs <paramref name="email"/> in with a session of <paramref name="minutes"/> minutes.</summary>
    public Task<LoggedIn> LoginAsync(string email = "ada@example.com", int minutes = 60) =>
        LoginAsync(Client, Stytch.DefaultProject, email, minutes);

    /// <summary>Logs <paramref name="email"/> in to <paramref name="project"/> with a session.</summary>
    public static async Task<LoggedIn> LoginAsync(WireClient client, StytchFakeProject project, string email = "ada@example.com", int minutes = 60)
    {
        var response = await AuthenticateOtpAsync(client, project, email, new Dictionary<string, object?> { ["session_duration_minutes"] = minutes });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return LoggedIn.From(response);
    }

    /// <summary>POST /v1/sessions/authenticate with exactly the given fields.</summary>
    public Task<WireResult> AuthenticateSessionAsync(object body) => Client.PostAsync("/v1/sessions/authenticate", body);

    /// <summary>POST /v1/sessions/revoke with exactly the given fields.</summary>
    public Task<WireResult> RevokeAsync(object body) => Client.PostAsync("/v1/sessions/revoke", body);

    /// <summary>GET /v1/sessions?user_id=.</summary>
    public Task<WireResult> ListSessionsAsync(string userId) =>
        Client.GetAsync("/v1/sessions?user_id=" + Uri.EscapeDataString(userId));

    /// <summary>GET /v1/sessions/jwks/{project_id} with no Authorization header, from a client of its own.</summary>
    public async Task<WireResult> JwksWithoutAuthAsync(string? projectId = null)
    {
        using var anonymous = new HttpClient { BaseAddress = Stytch.Url };
        using var response = await anonymous.GetAsync(new Uri("v1/sessions/jwks/" + (projectId ?? ProjectId), UriKind.Relative));
        return new WireResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The project's JWKS, fetched without credentials, as the key set a relying party would build.</summary>
    public async Task<JsonWebKeySet> KeySetAsync()
    {
        var jwks = await JwksWithoutAuthAsync();
        Assert.That(jwks.Status, Is.EqualTo(200), jwks.Text);
        return new JsonWebKeySet(jwks.Text);
    }

    /// <summary>Validates <paramref name="jwt"/> as a relying party would: keys from the JWKS only, lifetime on the fake clock.</summary>
    public async Task<TokenValidationResult> ValidateAsync(string jwt, JsonWebKeySet? keys = null)
    {
        keys ??= await KeySetAsync();
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "stytch.com/" + ProjectId,
            ValidAudience = ProjectId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = Skew,
            // Lifetime is judged on the fake's clock, which tests move, not on the machine's.
            LifetimeValidator = (notBefore, expires, _, _) => CheckLifetime(notBefore, expires, Stytch.Clock.Now.UtcDateTime),
            TryAllIssuerSigningKeys = false,
        };
        return await new JsonWebTokenHandler().ValidateTokenAsync(jwt, parameters);
    }

    private static bool CheckLifetime(DateTime? notBefore, DateTime? expires, DateTime now)
    {
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("The JWT has no exp.");
        }

        if (notBefore is { } nbf && nbf > now + Skew)
        {
            throw new SecurityTokenNotYetValidException($"nbf {nbf:O} is after {now:O}.") { NotBefore = nbf };
        }

        if (exp < now - Skew)
        {
            throw new SecurityTokenExpiredException($"exp {exp:O} is before {now:O}.") { Expires = exp };
        }

        return true;
    }

    /// <summary>POST /_fake/v1/projects/{project_id}/keys/{action} (rotate or remove_old).</summary>
    public Task<WireResult> KeysAsync(string action) =>
        Client.PostRawAsync($"/_fake/v1/projects/{ProjectId}/keys/{action}", "{}");

    /// <summary>A session token that is well formed (44 url-safe characters) but was never issued.</summary>
    public static string UnknownToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(33)).Replace('+', '-').Replace('/', '_');

    /// <summary>A session id that is well formed but was never issued.</summary>
    public static string UnknownSessionId() => "session-test-" + Guid.NewGuid().ToString("D");

    /// <summary>
    /// A JWT with the project's issuer, audience and the header <paramref name="kid"/>, naming session
    /// <paramref name="sessionId"/>, but signed with a key of the test's own.
    /// </summary>
    public string Forge(string sessionId, string userId, string kid)
    {
        var now = Stytch.Clock.Now.UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "stytch.com/" + ProjectId,
            Audience = ProjectId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(ForeignKey.Value) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = userId,
                ["https://stytch.com/session"] = new Dictionary<string, object> { ["id"] = sessionId },
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The decoded header of a compact JWT.</summary>
    public static JsonObject JwtHeader(string jwt) => JwtPart(jwt, 0);

    /// <summary>The decoded payload of a compact JWT.</summary>
    public static JsonObject JwtPayload(string jwt) => JwtPart(jwt, 1);

    /// <summary>Asserts a Stytch error envelope with this status and error_type.</summary>
    public static void AssertError(WireResult response, int status, string errorType)
    {
        Assert.That(response.Status, Is.EqualTo(status), response.Text);
        var json = response.Json;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json["error_type"]?.GetValue<string>(), Is.EqualTo(errorType));
            Assert.That(json["status_code"]?.GetValue<int>(), Is.EqualTo(status));
            Assert.That(json["error_message"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(json["request_id"]?.GetValue<string>(), Does.StartWith("request-id-test-"));
            Assert.That(json["error_url"]?.GetValue<string>(), Does.StartWith($"https://stytch.com/docs/api/errors/{status}"));
        }
    }

    /// <summary>Parses an RFC 3339 UTC time as Stytch writes it (<c>2026-03-01T10:00:00Z</c>).</summary>
    public static DateTimeOffset Time(JsonNode? node)
    {
        var text = node?.GetValue<string>();
        Assert.That(text, Does.Match(Rfc3339Utc()), "not an RFC 3339 UTC time");
        return DateTimeOffset.ParseExact(text!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    public static partial Regex Rfc3339Utc();

    [GeneratedRegex("^session-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    public static partial Regex SessionId();

    [GeneratedRegex("^[A-Za-z0-9_-]{44}$")]
    public static partial Regex SessionToken();

    private static JsonObject JwtPart(string jwt, int index)
    {
        var parts = jwt.Split('.');
        Assert.That(parts, Has.Length.EqualTo(3), "a compact JWS has three parts");
        return JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[index])))!.AsObject();
    }
}

/// <summary>What a client holds after <c>otps/authenticate</c> with a session.</summary>
internal sealed record LoggedIn(string UserId, string EmailId, string SessionId, string SessionToken, string SessionJwt, JsonObject Session, WireResult Response)
{
    public static LoggedIn From(WireResult response)
    {
        var json = response.Json;
        var session = json["session"]!.AsObject();
        return new LoggedIn(
            json["user_id"]!.GetValue<string>(),
            json["method_id"]!.GetValue<string>(),
            session["session_id"]!.GetValue<string>(),
            json["session_token"]!.GetValue<string>(),
            json["session_jwt"]!.GetValue<string>(),
            session,
            response);
    }

    public DateTimeOffset ExpiresAt => SessionHarness.Time(Session["expires_at"]);
}
