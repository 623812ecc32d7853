namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The errors every magic-link product shares. Statuses and messages of the first two are Stytch's (S: the sandbox
    // test of stytchauth/stytch-node, stytch.com/docs/guides/testing/sandbox-values); the third's wording is inferred (I).

    /// <summary>404: no magic link has this token.</summary>
    public static readonly StytchError MagicLinkNotFound = new("magic_link_not_found", 404, "The magic link could not be authenticated, try sending another magic link to the user.");
    /// <summary>401: the magic link was already used or has expired.</summary>
    public static readonly StytchError UnableToAuthMagicLink = new("unable_to_auth_magic_link", 401, "The magic link could not be authenticated because it was either already used or expired. Send another magic link to this user.");
    /// <summary>400 (I): a magic link's expiration minutes are outside 5..10080.</summary>
    public static readonly StytchError InvalidExpiration = new("invalid_expiration", 400, "The expiration is invalid, it should be between 5 and 10080 minutes (7 days).");
}
