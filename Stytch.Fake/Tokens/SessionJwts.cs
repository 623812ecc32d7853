using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Sessions.Wire;

namespace Stytch.Fake.Tokens;

/// <summary>Mints and reads a project's RS256 session JWTs, and publishes its JWKS.</summary>
internal sealed class SessionJwts
{
    /// <summary>Stytch session JWTs live five minutes, whatever the session's own lifetime.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const string SessionClaim = "https://stytch.com/session";
    public const string OrganizationClaim = "https://stytch.com/organization";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly string _projectId;
    private readonly StytchClock _clock;

    public SessionJwts(string projectId, StytchClock clock, SigningKeys keys)
    {
        _projectId = projectId;
        _clock = clock;
        Keys = keys;
    }

    public SigningKeys Keys { get; }

    public string Issuer => $"stytch.com/{_projectId}";

    /// <summary>A session's JWT: <c>sub</c> is the user id, custom claims are top-level claims beside Stytch's own.</summary>
    public string Mint(StytchSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Sign(session.UserId, new Dictionary<string, object>(ClaimsJson.JwtClaims(session.CustomClaims))
        {
            [SessionClaim] = SessionWire.SessionClaim(session),
        });
    }

    /// <summary>
    /// A member session's JWT: <c>sub</c> is the member id, the <c>https://stytch.com/session</c> claim describes the
    /// member session, and <c>https://stytch.com/organization</c> names its organization.
    /// </summary>
    public string Mint(MemberSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Sign(session.MemberId, new Dictionary<string, object>(ClaimsJson.JwtClaims(session.CustomClaims))
        {
            [SessionClaim] = MemberSessionWire.SessionClaim(session),
            [OrganizationClaim] = MemberSessionWire.OrganizationClaim(session),
        });
    }

    /// <summary>
    /// <see cref="Mint(StytchSession)"/> for request handlers: waits for the project's first key without holding a
    /// thread, so a project's first JWT never blocks one while the key is made.
    /// </summary>
    public async Task<string> MintAsync(StytchSession session)
    {
        await Keys.CurrentAsync().ConfigureAwait(false);
        return Mint(session);
    }

    /// <inheritdoc cref="MintAsync(StytchSession)"/>
    public async Task<string> MintAsync(MemberSession session)
    {
        await Keys.CurrentAsync().ConfigureAwait(false);
        return Mint(session);
    }

    /// <summary>The JWKS for request handlers: waits for the project's first key without holding a thread.</summary>
    public async Task<IReadOnlyList<WireJwk>> JwksAsync()
    {
        await Keys.CurrentAsync().ConfigureAwait(false);
        return Jwks();
    }

    /// <summary>Signs a five-minute RS256 JWT for <paramref name="subject"/> with the current key, on the project clock.</summary>
    private string Sign(string subject, Dictionary<string, object> claims)
    {
        var now = _clock.Now;
        claims["sub"] = subject;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audiences = { _projectId },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(Keys.Current.SecurityKey, SecurityAlgorithms.RsaSha256),
            TokenType = "JWT",
            Claims = claims,
        };
        return Handler.CreateToken(descriptor);
    }

    /// <summary>
    /// Checks the signature, issuer and audience of <paramref name="jwt"/> and returns its session id.
    /// An expired JWT is still accepted here: Stytch refreshes it while the session itself lives.
    /// </summary>
    public async Task<string> ReadSessionIdAsync(string jwt)
    {
        // Published, not All: a project that has no key yet never signed a JWT, so none can verify.
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = _projectId,
            IssuerSigningKeys = Keys.Published.Select(k => (SecurityKey)k.SecurityKey).ToArray(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = false,
        };
        TokenValidationResult result;
        try
        {
            result = await Handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            throw new StytchException(StytchError.UnableToParseSessionJwt);
        }

        if (!result.IsValid
            || !result.Claims.TryGetValue(SessionClaim, out var claim)
            || ReadId(claim) is not { } sessionId)
        {
            throw new StytchException(StytchError.UnableToParseSessionJwt);
        }

        return sessionId;
    }

    public IReadOnlyList<WireJwk> Jwks() => Keys.All.Select(ToJwk).ToArray();

    private static string? ReadId(object claim)
    {
        try
        {
            var element = claim switch
            {
                JsonElement e => e,
                string s => JsonDocument.Parse(s).RootElement,
                _ => JsonSerializer.SerializeToElement(claim.ToString(), WireJsonContext.Default.String),
            };
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static WireJwk ToJwk(SigningKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        var der = key.Certificate.RawData;
        return new WireJwk(
            Kty: "RSA",
            Use: "sig",
            KeyOps: ["verify"],
            Alg: "RS256",
            Kid: key.Kid,
            X5c: [Convert.ToBase64String(der)],
            X5tS256: Base64UrlEncoder.Encode(SHA256.HashData(der)),
            N: Base64UrlEncoder.Encode(parameters.Modulus),
            E: Base64UrlEncoder.Encode(parameters.Exponent));
    }
}
