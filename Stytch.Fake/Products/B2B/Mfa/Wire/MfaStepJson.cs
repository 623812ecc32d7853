using System.Text.Json;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.B2B.Mfa.Wire;

/// <summary>Reads the member and session fields every MFA request has into a <see cref="MfaStepCommand"/>.</summary>
internal static class MfaStepJson
{
    /// <summary>
    /// The command of an MFA request; a <c>session_jwt</c> is verified and read as its session id. Sending both a
    /// <c>session_token</c> and a <c>session_jwt</c> is refused, as on magic-link authenticate.
    /// </summary>
    public static async ValueTask<MfaStepCommand> ReadAsync(
        ApiCall call,
        string? organizationId,
        string? memberId,
        string? intermediateSessionToken,
        string? sessionToken,
        string? sessionJwt,
        int? sessionDurationMinutes = null,
        JsonElement? sessionCustomClaims = null,
        string? setMfaEnrollment = null,
        bool? setDefaultMfa = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!string.IsNullOrEmpty(sessionToken) && !string.IsNullOrEmpty(sessionJwt))
        {
            throw new StytchException(StytchError.TooManySessionArguments);
        }

        return new MfaStepCommand
        {
            OrganizationId = organizationId,
            MemberId = memberId,
            IntermediateSessionToken = intermediateSessionToken,
            SessionToken = sessionToken,
            SessionId = string.IsNullOrEmpty(sessionJwt) ? null : await call.Project.Jwts.ReadSessionIdAsync(sessionJwt).ConfigureAwait(false),
            SessionDurationMinutes = sessionDurationMinutes,
            CustomClaims = ClaimsJson.Read(sessionCustomClaims),
            SetMfaEnrollment = setMfaEnrollment,
            SetDefaultMfa = setDefaultMfa,
        };
    }
}
