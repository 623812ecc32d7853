namespace Stytch.Fake.Products.B2B.MagicLinks;

/// <summary>
/// The B2B magic-link tokens of Stytch's test environment that always fail the same way
/// (stytch.com/docs/b2b/guides/testing/sandbox-values). A live project has none.
/// </summary>
internal static class B2BMagicLinkSandbox
{
    /// <summary>Always <c>unable_to_auth_magic_link</c> (401).</summary>
    public const string SpentToken = "3pzjQpgksDlGKWEwUq2Up--hCHC_0oamfLHyfspKDFU=";

    /// <summary>Always <c>magic_link_not_found</c> (404).</summary>
    public const string UnknownToken = "CprTtwhnRNiMBiUS2jSLcWYrfuO2POeBNdo5HhW6qTM=";

    /// <summary>The error a sandbox token always gets, or null for any other token.</summary>
    public static StytchError? ErrorFor(string token) => token switch
    {
        SpentToken => StytchError.UnableToAuthMagicLink,
        UnknownToken => StytchError.MagicLinkNotFound,
        _ => null,
    };
}
