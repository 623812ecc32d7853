namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The redirect-URL errors, one per request field and case (Core/RedirectUrlErrors.cs picks them). Types from
    // error-types.txt. Messages: (S) from Stytch's SDK strings, (C) seen in a Stytch API answer, (I) inferred from the
    // pattern of the confirmed ones.

    // (S) stytchauth/stytch-ios LocalizationManager.swift, stytch_error_no_match_for_provided_magic_link_url.

    /// <summary>400: the requested link URL is well formed but not among the project's redirect URLs of its type.</summary>
    public static readonly StytchError NoMatchForProvidedMagicLinkUrl = new("no_match_for_provided_magic_link_url", 400, "The magic_link_url in the request did not match any redirect URLs set for this project.");

    // (C) invalid_login_magic_link_url, quoted in stytchauth/stytch-ruby-on-rails-example pull request 13; the same
    // wording for invalid_magic_link_url on stytch.com/docs (react-native-legacy email-magic-links/login-or-create).

    /// <summary>400: <c>login_magic_link_url</c> is not an absolute http(s) URL.</summary>
    public static readonly StytchError InvalidLoginMagicLinkUrl = new("invalid_login_magic_link_url", 400, "login_magic_link_url format is invalid. Common issues include using http instead of https, omitting https://, or having a trailing /.");
    /// <summary>400: <c>signup_magic_link_url</c> is not an absolute http(s) URL (message (I)).</summary>
    public static readonly StytchError InvalidSignupMagicLinkUrl = new("invalid_signup_magic_link_url", 400, "signup_magic_link_url format is invalid. Common issues include using http instead of https, omitting https://, or having a trailing /.");
    /// <summary>400: <c>invite_magic_link_url</c> is not an absolute http(s) URL (message (I)).</summary>
    public static readonly StytchError InvalidInviteMagicLinkUrl = new("invalid_invite_magic_link_url", 400, "invite_magic_link_url format is invalid. Common issues include using http instead of https, omitting https://, or having a trailing /.");
    /// <summary>400: B2B <c>login_redirect_url</c> is not an absolute http(s) URL (message (I)).</summary>
    public static readonly StytchError InvalidLoginRedirectUrl = new("invalid_login_redirect_url", 400, "login_redirect_url format is invalid. Common issues include using http instead of https, omitting https://, or having a trailing /.");
    /// <summary>400: B2B <c>signup_redirect_url</c> is not an absolute http(s) URL (message (I)).</summary>
    public static readonly StytchError InvalidSignupRedirectUrl = new("invalid_signup_redirect_url", 400, "signup_redirect_url format is invalid. Common issues include using http instead of https, omitting https://, or having a trailing /.");
    /// <summary>400: B2B <c>invite_redirect_url</c> is not an absolute http(s) URL (message (I)).</summary>
    public static readonly StytchError InvalidInviteRedirectUrl = new("invalid_invite_redirect_url", 400, "invite_redirect_url format is invalid. Common issues include using http instead of https, omitting https://, or having a trailing /.");
    /// <summary>400: B2B <c>discovery_redirect_url</c> is not an absolute http(s) URL (message (I)).</summary>
    public static readonly StytchError InvalidDiscoveryRedirectUrl = new("invalid_discovery_redirect_url", 400, "discovery_redirect_url format is invalid. Common issues include using http instead of https, omitting https://, or having a trailing /.");
    /// <summary>400: <c>reset_password_redirect_url</c> is not an absolute http(s) URL (message (I)).</summary>
    public static readonly StytchError InvalidPasswordResetRedirectUrl = new("invalid_password_reset_redirect_url", 400, "reset_password_redirect_url format is invalid. Common issues include using http instead of https, omitting https://, or having a trailing /.");

    // (S) "No Login redirect URLs are set for this project", from stytchauth/stytch-javascript's One Tap tests; the
    // other types follow it (I).

    /// <summary>400: the project has no login redirect URL at all.</summary>
    public static readonly StytchError NoLoginRedirectUrlsSet = new("no_login_redirect_urls_set", 400, "No Login redirect URLs are set for this project.");
    /// <summary>400: the project has no signup redirect URL at all (message (I)).</summary>
    public static readonly StytchError NoSignupRedirectUrlsSet = new("no_signup_redirect_urls_set", 400, "No Signup redirect URLs are set for this project.");
    /// <summary>400: the project has no invite redirect URL at all (message (I)).</summary>
    public static readonly StytchError NoInviteRedirectUrlsSet = new("no_invite_redirect_urls_set", 400, "No Invite redirect URLs are set for this project.");
    /// <summary>400: the project has no discovery redirect URL at all (message (I)).</summary>
    public static readonly StytchError NoDiscoveryRedirectUrlsSet = new("no_discovery_redirect_urls_set", 400, "No Discovery redirect URLs are set for this project.");

    // (I) The request named no URL and the type has URLs but no default; Stytch's endpoint docs say only "an error is
    // returned" ("If you have not set a default login redirect URL, an error is returned").

    /// <summary>400: no login URL was requested and the project has no default login redirect URL.</summary>
    public static readonly StytchError NoDefaultLoginRedirectUrlSet = new("no_default_login_redirect_url_set", 400, "No default Login redirect URL is set for this project. Set one, or pass a login redirect URL in the request.");
    /// <summary>400: no signup URL was requested and the project has no default signup redirect URL.</summary>
    public static readonly StytchError NoDefaultSignupRedirectUrlSet = new("no_default_signup_redirect_url_set", 400, "No default Signup redirect URL is set for this project. Set one, or pass a signup redirect URL in the request.");
    /// <summary>400: no invite URL was requested and the project has no default invite redirect URL.</summary>
    public static readonly StytchError NoDefaultInviteRedirectUrlSet = new("no_default_invite_redirect_url_set", 400, "No default Invite redirect URL is set for this project. Set one, or pass an invite redirect URL in the request.");
    /// <summary>400: no discovery URL was requested and the project has no default discovery redirect URL.</summary>
    public static readonly StytchError NoDefaultDiscoveryRedirectUrlSet = new("no_default_discovery_redirect_url_set", 400, "No default Discovery redirect URL is set for this project. Set one, or pass a discovery redirect URL in the request.");

    /// <summary>
    /// 400: no password reset URL can be used: none was requested and the project has no default, or it has none at
    /// all (Stytch has this one type for both; message (I)).
    /// </summary>
    public static readonly StytchError NoPasswordResetRedirectUrl = new("no_password_reset_redirect_url", 400, "No default Reset Password redirect URL is set for this project. Set one, or pass reset_password_redirect_url in the request.");

    // Back doors that set the list: types from error-types.txt (Stytch's redirect-URL management answers them);
    // messages inferred (I).

    /// <summary>400, back door: a redirect URL type that is not login, signup, invite, discovery or reset_password.</summary>
    public static readonly StytchError InvalidRedirectUrlType = new("invalid_redirect_url_type", 400, "The redirect URL type is invalid.");
    /// <summary>404, back door: the redirect URL to remove is not in the project's list.</summary>
    public static readonly StytchError RedirectUrlNotFound = new("redirect_url_not_found", 404, "The redirect URL is not in the project's list.");
}
