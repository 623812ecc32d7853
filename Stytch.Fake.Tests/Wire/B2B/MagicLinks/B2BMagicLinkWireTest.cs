using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.B2B.MagicLinks;

/// <summary>Base of the B2B magic link wire fixtures: the three endpoints and the organizations they are tried on.</summary>
public abstract class B2BMagicLinkWireTest : B2BWireTest
{
    private protected const string LinkLoginOrSignupPath = "/v1/b2b/magic_links/email/login_or_signup";
    private protected const string LinkInvitePath = "/v1/b2b/magic_links/email/invite";
    private protected const string LinkAuthenticatePath = "/v1/b2b/magic_links/authenticate";

    /// <summary>An organization <c>acme</c> that JIT provisions <c>acme.io</c> addresses and lets anyone be invited.</summary>
    private protected Task<JsonObject> CreateInvitingOrganizationAsync() =>
        CreateOrganizationAsync(new
        {
            organization_name = "Acme Inc",
            organization_slug = "acme",
            email_jit_provisioning = "RESTRICTED",
            email_allowed_domains = new[] { "acme.io" },
            email_invites = "ALL_ALLOWED",
        });

    private protected Task<WireResult> SendLinkAsync(string email, Dictionary<string, object?>? extra = null) =>
        Client.PostAsync(LinkLoginOrSignupPath, new Dictionary<string, object?>(extra ?? []) { ["organization_id"] = "acme", ["email_address"] = email });

    private protected Task<WireResult> InviteAsync(string email, Dictionary<string, object?>? extra = null) =>
        Client.PostAsync(LinkInvitePath, new Dictionary<string, object?>(extra ?? []) { ["organization_id"] = "acme", ["email_address"] = email });

    private protected Task<WireResult> AuthenticateLinkAsync(string token, Dictionary<string, object?>? extra = null) =>
        Client.PostAsync(LinkAuthenticatePath, new Dictionary<string, object?>(extra ?? []) { ["magic_links_token"] = token });

    /// <summary>The token of the newest link sent to <paramref name="email"/>.</summary>
    private protected string TokenFor(string email) => Stytch.Outbox.LatestFor(email).Token!;

    /// <summary>Sends a link to <paramref name="email"/> (asserting 200) and returns its token.</summary>
    private protected async Task<string> SentTokenAsync(string email, Dictionary<string, object?>? extra = null)
    {
        var sent = await SendLinkAsync(email, extra);
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return TokenFor(email);
    }
}
