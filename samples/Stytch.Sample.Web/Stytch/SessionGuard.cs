using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Stytch.Sample.Web.Stytch;

/// <summary>Who is signed in, as far as the app can tell.</summary>
internal sealed record SignedInUser(string UserId, string? Email, string? SessionId, DateTimeOffset? SessionExpiresAt);

/// <summary>The outcome of checking a request's session cookies.</summary>
internal abstract record SessionCheck
{
    private SessionCheck()
    {
    }

    /// <summary>A live session; <see cref="RefreshedWithStytch"/> when the JWT had to be renewed through Stytch.</summary>
    public sealed record SignedIn(SignedInUser User, bool RefreshedWithStytch) : SessionCheck;

    /// <summary>No session cookie, or Stytch says the session is gone.</summary>
    public sealed record SignedOut : SessionCheck;

    /// <summary>The JWT could not be trusted and Stytch could not be asked (down or rate limiting).</summary>
    public sealed record Unavailable(StytchApiError Error) : SessionCheck;
}

/// <summary>
/// Guards pages: trusts the session JWT when it verifies locally against the project's JWKS (no call to
/// Stytch), and otherwise — expired, missing, or signed with a key Stytch no longer publishes — asks Stytch
/// with the session token, storing the fresh JWT it returns.
/// </summary>
internal sealed class SessionGuard(StytchClient stytch, JwksCache jwks, IOptions<StytchOptions> options, TimeProvider time)
{
    private const string SessionClaim = "https://stytch.com/session";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(10);
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<SessionCheck> CheckAsync(HttpContext context)
    {
        var (jwt, token) = SessionCookies.Read(context.Request);
        if (jwt is not null && await VerifyLocallyAsync(jwt, context.RequestAborted) is { } user)
        {
            return new SessionCheck.SignedIn(user, RefreshedWithStytch: false);
        }

        if (token is null)
        {
            SessionCookies.Clear(context);
            return new SessionCheck.SignedOut();
        }

        var session = await stytch.AuthenticateSessionAsync(token, context.RequestAborted);
        if (!session.IsSuccess)
        {
            if (session.Error.IsUnavailable || session.Error.IsRateLimited)
            {
                // Stytch's trouble, not proof that the session ended: keep the cookies for the next try.
                return new SessionCheck.Unavailable(session.Error);
            }

            SessionCookies.Clear(context);
            return new SessionCheck.SignedOut();
        }

        SessionCookies.Write(context, session.Value.SessionJwt, session.Value.SessionToken);
        var answer = session.Value;
        return new SessionCheck.SignedIn(
            new SignedInUser(answer.User.UserId, answer.User.PrimaryEmail, answer.Session?.SessionId, answer.Session?.ExpiresAt),
            RefreshedWithStytch: true);
    }

    private async Task<SignedInUser?> VerifyLocallyAsync(string jwt, CancellationToken cancellation)
    {
        var projectId = options.Value.ProjectId;
        var keys = await jwks.GetKeysAsync(stytch, projectId, unknownKey: false, cancellation);
        if (keys is null)
        {
            return null;
        }

        var result = await Handler.ValidateTokenAsync(jwt, Parameters(projectId, keys));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            keys = await jwks.GetKeysAsync(stytch, projectId, unknownKey: true, cancellation);
            result = keys is null ? result : await Handler.ValidateTokenAsync(jwt, Parameters(projectId, keys));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token || string.IsNullOrEmpty(token.Subject))
        {
            return null;
        }

        return token.TryGetPayloadValue<JsonElement>(SessionClaim, out var session) && session.ValueKind == JsonValueKind.Object
            ? new SignedInUser(token.Subject, EmailOf(session), StringOf(session, "id"), TimeOf(session, "expires_at"))
            : new SignedInUser(token.Subject, null, null, null);
    }

    private TokenValidationParameters Parameters(string projectId, IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = $"stytch.com/{projectId}",
        ValidAudience = projectId,
        IssuerSigningKeys = keys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireExpirationTime = true,
        ValidateLifetime = true,
        // Lifetime on the app's clock (TimeProvider), with a little slack for clocks that disagree.
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } end && now < end + ClockSkew && (notBefore is not { } start || now >= start - ClockSkew);
        },
    };

    private static string? EmailOf(JsonElement session)
    {
        if (!session.TryGetProperty("authentication_factors", out var factors) || factors.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var factor in factors.EnumerateArray())
        {
            if (factor.ValueKind == JsonValueKind.Object
                && factor.TryGetProperty("email_factor", out var email) && email.ValueKind == JsonValueKind.Object
                && StringOf(email, "email_address") is { } address)
            {
                return address;
            }
        }

        return null;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? TimeOf(JsonElement element, string name) =>
        StringOf(element, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : null;
}

/// <summary>The two HttpOnly session cookies: the JWT (verified locally) and the opaque token (checked with Stytch).</summary>
internal static class SessionCookies
{
    public const string Jwt = "stytch_session_jwt";
    public const string Token = "stytch_session";

    public static (string? Jwt, string? Token) Read(HttpRequest request) =>
        (NullIfEmpty(request.Cookies[Jwt]), NullIfEmpty(request.Cookies[Token]));

    public static void Write(HttpContext context, string jwt, string token)
    {
        var options = Options(context.Request);
        context.Response.Cookies.Append(Jwt, jwt, options);
        context.Response.Cookies.Append(Token, token, options);
    }

    public static void Clear(HttpContext context)
    {
        var options = Options(context.Request);
        context.Response.Cookies.Delete(Jwt, options);
        context.Response.Cookies.Delete(Token, options);
    }

    // Browser-session cookies: Stytch decides how long the session lives, and the app asks it when unsure.
    private static CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
