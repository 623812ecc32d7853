using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Stytch.Fake.Products.M2M;

namespace Stytch.Fake.Tokens;

/// <summary>
/// M2M access tokens: RS256 JWTs signed with the project's session keys, so the project's JWKS verifies them. Claims as
/// Stytch documents them: <c>sub</c> the client id, <c>iss</c> <c>stytch.com/{project_id}</c>, <c>aud</c>
/// [project_id], <c>scope</c> space-separated, <c>iat</c> = <c>nbf</c> now and <c>exp</c> one hour later on the
/// project clock (Get Access Token, stytch.com/docs/api/get-m2m-token). JWT templates' custom claims are not modelled.
/// </summary>
internal static class M2MAccessTokens
{
    /// <summary>"valid for one hour after issuance"; also the response's <c>expires_in</c>.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Signs <paramref name="grant"/>'s token, waiting for the project's first key without holding a thread.</summary>
    public static async Task<string> MintAsync(StytchFakeProject project, M2MGrant grant)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(grant);
        var key = await project.Jwts.Keys.CurrentAsync().ConfigureAwait(false);
        var now = project.Clock.Now;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = project.Jwts.Issuer,
            Audiences = { project.ProjectId },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
            TokenType = "JWT",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = grant.ClientId,
                ["scope"] = string.Join(' ', grant.Scopes),
            },
        };
        return Handler.CreateToken(descriptor);
    }
}
