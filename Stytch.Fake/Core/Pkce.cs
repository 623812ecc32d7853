using System.Security.Cryptography;
using System.Text;

namespace Stytch.Fake.Core;

/// <summary>
/// Proof Key for Code Exchange on links (RFC 7636, S256 only, as Stytch's SDKs send it): the send call gives a
/// challenge, the authenticate call must give the verifier it was made from.
/// </summary>
internal static class Pkce
{
    /// <summary>The base64url SHA-256 of <paramref name="verifier"/>, without padding: the challenge it answers.</summary>
    public static string ChallengeOf(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Checks a verifier against the challenge a token was issued with (null for none), before the token is used.
    /// </summary>
    /// <exception cref="StytchException">
    /// A challenge and no verifier (<c>pkce_expected_code_verifier</c>), a verifier and no challenge
    /// (<c>pkce_did_not_expect_code_verifier</c>), or a verifier that does not answer the challenge (<c>pkce_mismatch</c>).
    /// </exception>
    public static void Check(string? challenge, string? verifier)
    {
        var hasChallenge = !string.IsNullOrEmpty(challenge);
        var hasVerifier = !string.IsNullOrEmpty(verifier);
        if (hasChallenge && !hasVerifier)
        {
            throw new StytchException(StytchError.PkceExpectedCodeVerifier);
        }

        if (!hasChallenge && hasVerifier)
        {
            throw new StytchException(StytchError.PkceDidNotExpectCodeVerifier);
        }

        if (hasChallenge && !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ChallengeOf(verifier!)), Encoding.ASCII.GetBytes(challenge!)))
        {
            throw new StytchException(StytchError.PkceMismatch);
        }
    }
}
