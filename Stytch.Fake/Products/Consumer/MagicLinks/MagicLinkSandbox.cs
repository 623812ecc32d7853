namespace Stytch.Fake.Products.Consumer.MagicLinks;

/// <summary>
/// The magic-link tokens of Stytch's test environment (stytch.com/docs/guides/testing/sandbox-values, and the sandbox
/// test of stytchauth/stytch-node): one authenticates the sandbox user, one is always spent, one is never found. They
/// work any number of times, with or without a PKCE verifier; a live project has none.
/// </summary>
internal static class MagicLinkSandbox
{
    public const string SuccessToken = "DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=";
    public const string UnableToAuthToken = "3pzjQpgksDlGKWEwUq2Up--hCHC_0oamfLHyfspKDFU=";
    public const string NotFoundToken = "CprTtwhnRNiMBiUS2jSLcWYrfuO2POeBNdo5HhW6qTM=";

    /// <summary>The sandbox user's payload for <see cref="SuccessToken"/>, null for any other token.</summary>
    /// <exception cref="StytchException"><see cref="UnableToAuthToken"/> (401) or <see cref="NotFoundToken"/> (404).</exception>
    public static MagicLinkPayload? Check(string token) => token switch
    {
        SuccessToken => new MagicLinkPayload(Sandbox.UserId, Sandbox.EmailId, MessageKind.Login, null, Embedded: false),
        UnableToAuthToken => throw new StytchException(StytchError.UnableToAuthMagicLink),
        NotFoundToken => throw new StytchException(StytchError.MagicLinkNotFound),
        _ => null,
    };
}
