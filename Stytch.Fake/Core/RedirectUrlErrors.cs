namespace Stytch.Fake.Core;

/// <summary>The errors one request field gets when its redirect URL cannot be used.</summary>
/// <param name="NotAllowed">The URL is well formed but not in the project's list for its type.</param>
/// <param name="Malformed">The URL is not an absolute http(s) URL.</param>
/// <param name="NoneSet">The project has no URL of this type at all.</param>
/// <param name="NoDefault">The request named none and the project has no default of this type.</param>
internal sealed record RedirectUrlErrors(StytchError NotAllowed, StytchError Malformed, StytchError NoneSet, StytchError NoDefault);

/// <summary>
/// The <see cref="RedirectUrlErrors"/> of each request field that names a redirect URL, for
/// <see cref="RedirectUrls.Resolve"/>. An unlisted URL is <c>no_match_for_provided_magic_link_url</c> for every field:
/// Stytch answers it for consumer magic links (its SDKs' strings name it), and its B2B and password reset emails carry
/// magic links too (inferred for those fields, as error-types.txt has no other "not in the list" type for them).
/// </summary>
internal static class RedirectUrlFields
{
    /// <summary><c>login_magic_link_url</c> (consumer magic links).</summary>
    public static readonly RedirectUrlErrors MagicLinkLogin = new(
        StytchError.NoMatchForProvidedMagicLinkUrl, StytchError.InvalidLoginMagicLinkUrl, StytchError.NoLoginRedirectUrlsSet, StytchError.NoDefaultLoginRedirectUrlSet);

    /// <summary><c>signup_magic_link_url</c> (consumer magic links).</summary>
    public static readonly RedirectUrlErrors MagicLinkSignup = new(
        StytchError.NoMatchForProvidedMagicLinkUrl, StytchError.InvalidSignupMagicLinkUrl, StytchError.NoSignupRedirectUrlsSet, StytchError.NoDefaultSignupRedirectUrlSet);

    /// <summary><c>invite_magic_link_url</c> (consumer magic link invites).</summary>
    public static readonly RedirectUrlErrors MagicLinkInvite = new(
        StytchError.NoMatchForProvidedMagicLinkUrl, StytchError.InvalidInviteMagicLinkUrl, StytchError.NoInviteRedirectUrlsSet, StytchError.NoDefaultInviteRedirectUrlSet);

    /// <summary><c>login_redirect_url</c> (B2B).</summary>
    public static readonly RedirectUrlErrors B2BLogin = new(
        StytchError.NoMatchForProvidedMagicLinkUrl, StytchError.InvalidLoginRedirectUrl, StytchError.NoLoginRedirectUrlsSet, StytchError.NoDefaultLoginRedirectUrlSet);

    /// <summary><c>signup_redirect_url</c> (B2B).</summary>
    public static readonly RedirectUrlErrors B2BSignup = new(
        StytchError.NoMatchForProvidedMagicLinkUrl, StytchError.InvalidSignupRedirectUrl, StytchError.NoSignupRedirectUrlsSet, StytchError.NoDefaultSignupRedirectUrlSet);

    /// <summary><c>invite_redirect_url</c> (B2B invites).</summary>
    public static readonly RedirectUrlErrors B2BInvite = new(
        StytchError.NoMatchForProvidedMagicLinkUrl, StytchError.InvalidInviteRedirectUrl, StytchError.NoInviteRedirectUrlsSet, StytchError.NoDefaultInviteRedirectUrlSet);

    /// <summary><c>discovery_redirect_url</c> (B2B discovery).</summary>
    public static readonly RedirectUrlErrors B2BDiscovery = new(
        StytchError.NoMatchForProvidedMagicLinkUrl, StytchError.InvalidDiscoveryRedirectUrl, StytchError.NoDiscoveryRedirectUrlsSet, StytchError.NoDefaultDiscoveryRedirectUrlSet);

    /// <summary><c>reset_password_redirect_url</c> (password resets; Stytch has one type for "none set" and "no default").</summary>
    public static readonly RedirectUrlErrors ResetPassword = new(
        StytchError.NoMatchForProvidedMagicLinkUrl, StytchError.InvalidPasswordResetRedirectUrl, StytchError.NoPasswordResetRedirectUrl, StytchError.NoPasswordResetRedirectUrl);
}
