namespace Stytch.Fake;

public sealed partial record StytchError
{
    // Types from error-types.txt; statuses and messages inferred (I) from Stytch's naming of these checks.

    /// <summary>400: a token was issued with a PKCE challenge and authenticate sent no code verifier.</summary>
    public static readonly StytchError PkceExpectedCodeVerifier = new("pkce_expected_code_verifier", 400, "This token was created with a PKCE code_challenge, so a code_verifier is required to authenticate it.");
    /// <summary>400: authenticate sent a code verifier for a token issued without a PKCE challenge.</summary>
    public static readonly StytchError PkceDidNotExpectCodeVerifier = new("pkce_did_not_expect_code_verifier", 400, "A code_verifier was provided, but this token was not created with a PKCE code_challenge.");
    /// <summary>400: the code verifier does not hash to the token's PKCE challenge.</summary>
    public static readonly StytchError PkceMismatch = new("pkce_mismatch", 400, "The code_verifier does not match the code_challenge the token was created with.");
}
