using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.MagicLinks;

namespace Stytch.Fake.Products.B2B.Discovery;

/// <summary>Discovery by email magic link: a link for any address on the project's discovery redirect URL.</summary>
internal sealed partial class DiscoveryService
{
    /// <summary>The purpose of discovery magic-link tokens in <see cref="OneTimeSecrets"/>; the subject is the token itself.</summary>
    public const string LinkPurpose = "b2b.discovery.magic_link";

    /// <summary>The <c>stytch_token_type</c> of a discovery link (stytch.com/docs/workspace-management/redirect-urls: <c>discovery</c>).</summary>
    public const string TokenType = "discovery";

    /// <summary>Minutes a discovery link lives by default: 60, within 5..10080 (the spec's <c>discovery_expiration_minutes</c>).</summary>
    public const int DefaultLinkMinutes = 60;

    private bool SandboxEnabled => !_store.Settings.Live;

    /// <summary>
    /// <c>POST /v1/b2b/magic_links/email/discovery/send</c>: a link for any address. In a test project
    /// <c>sandbox@stytch.com</c> gets none (stytch.com/docs/b2b/guides/testing/sandbox-values, "Discovery Flow").
    /// </summary>
    public void SendLink(DiscoveryLinkSendCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var email = Validate.Email(command.EmailAddress);
        var locale = Validate.Locale(command.Locale);
        var minutes = Validate.Range(command.DiscoveryExpirationMinutes, 5, 10_080, DefaultLinkMinutes, StytchError.InvalidExpiration);
        _store.Transact(() =>
        {
            var url = _store.RedirectUrls.Resolve(RedirectUrlType.Discovery, command.DiscoveryRedirectUrl, RedirectUrlFields.B2BDiscovery);
            if (SandboxEnabled && email == B2BMagicLinkSandbox.Email)
            {
                return;
            }

            var challenge = string.IsNullOrEmpty(command.PkceCodeChallenge) ? null : command.PkceCodeChallenge;
            _store.SendLink(LinkPurpose, TimeSpan.FromMinutes(minutes), new LinkEmail(email, "", MessageKind.Discovery, locale, url, TokenType)
            {
                LoginTemplateId = command.LoginTemplateId,
            }, _store.Clock.Now, payload: new DiscoveryLinkPayload(email, challenge));
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/magic_links/discovery/authenticate</c>: the token proves its address; an intermediate session
    /// follows. The sandbox tokens of B2B magic links answer here too (the same sandbox page).
    /// </summary>
    public DiscoveryAuthenticated AuthenticateLink(string? token, string? pkceCodeVerifier)
    {
        if (string.IsNullOrEmpty(token))
        {
            // Inferred, as for B2B magic links: Stytch documents no type for a missing required field.
            throw Validate.BadRequest("discovery_magic_links_token is required.");
        }

        if (SandboxEnabled && B2BMagicLinkSandbox.ErrorFor(token) is { } sandboxError)
        {
            throw new StytchException(sandboxError);
        }

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            if (SandboxEnabled && token == B2BMagicLinkSandbox.SuccessToken)
            {
                return Begin(B2BMagicLinkSandbox.Email, LinkFactor(B2BMagicLinkSandbox.Email, now), now);
            }

            var key = new SecretKey(LinkPurpose, token);
            if (_store.Secrets.Find(key) is not { Payload: DiscoveryLinkPayload link } secret)
            {
                throw new StytchException(StytchError.MagicLinkNotFound);
            }

            if (secret.Used || now >= secret.ExpiresAt)
            {
                throw new StytchException(StytchError.UnableToAuthMagicLink);
            }

            // Checked before the token is used, so a wrong verifier leaves the link usable.
            Pkce.Check(link.PkceCodeChallenge, pkceCodeVerifier);
            _store.Secrets.Consume(key, token, now).ThrowUnlessConsumed(StytchError.MagicLinkNotFound, StytchError.UnableToAuthMagicLink);
            return Begin(link.EmailAddress, LinkFactor(link.EmailAddress, now), now);
        });
    }

    private static AuthenticationFactor LinkFactor(string email, DateTimeOffset now) =>
        AuthenticationFactor.Of(FactorKind.MagicLink, new FactorEmail("", email), null, "", now, now)!;
}
