namespace Stytch.Fake.Products.B2B.MagicLinks;

/// <summary>
/// The B2B magic-link sandbox of Stytch's test environment (stytch.com/docs/b2b/guides/testing/sandbox-values): sends
/// to <see cref="Email"/> in <see cref="OrganizationId"/> succeed without an email, and three fixed tokens answer 200,
/// 401 and 404. A live project has none.
/// </summary>
internal static class B2BMagicLinkSandbox
{
    /// <summary>The sandbox address login_or_signup and invite accept without sending anything.</summary>
    public const string Email = "sandbox@stytch.com";

    /// <summary>The sandbox organization they accept it in.</summary>
    public const string OrganizationId = "organization-test-007d9d4a-deac-4a87-ba0a-e6e8afba4d4b";

    /// <summary>
    /// Inferred: what the fake names the sandbox organization when it makes it (on the first sandbox call), as Stytch
    /// documents only its id.
    /// </summary>
    public const string OrganizationName = "Sandbox Organization";

    /// <summary>Always authenticates the sandbox member (and stays usable).</summary>
    public const string SuccessToken = "DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=";

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

    /// <summary>True for a send to the sandbox address in the sandbox organization (by its id, as documented).</summary>
    public static bool IsSandboxSend(string? organizationId, string email) => organizationId == OrganizationId && email == Email;
}
