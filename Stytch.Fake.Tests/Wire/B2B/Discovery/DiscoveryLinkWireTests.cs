using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Wire.B2B.Discovery;

/// <summary><c>POST /v1/b2b/magic_links/email/discovery/send</c> and <c>/v1/b2b/magic_links/discovery/authenticate</c> over loopback HTTP.</summary>
public sealed class DiscoveryLinkWireTests : DiscoveryWireTest
{
    private const string LinkSendPath = "/v1/b2b/magic_links/email/discovery/send";
    private const string LinkAuthenticatePath = "/v1/b2b/magic_links/discovery/authenticate";
    private const string Verifier = "a-pkce-code-verifier-of-enough-length-0123456789";

    private Task<WireResult> SendAsync(string email, Dictionary<string, object?>? extra = null) =>
        Client.PostAsync(LinkSendPath, new Dictionary<string, object?>(extra ?? []) { ["email_address"] = email });

    private Task<WireResult> AuthenticateLinkAsync(string? token, string? verifier = null) =>
        Client.PostAsync(LinkAuthenticatePath, new { discovery_magic_links_token = token, pkce_code_verifier = verifier });

    private async Task<string> SentTokenAsync(string email, Dictionary<string, object?>? extra = null)
    {
        var sent = await SendAsync(email, extra);
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return Stytch.Outbox.LatestFor(email).Token!;
    }

    [Test]
    public async Task Send_AnyAddress_Returns200WithOnlyRequestIdAndStatus()
    {
        var response = await SendAsync("ada@acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code")));
    }

    [Test]
    public async Task Send_AnyAddress_PutsADiscoveryLinkOnTheDefaultDiscoveryUrlInTheOutbox()
    {
        await SendAsync("ada@acme.io", new() { ["login_template_id"] = "discovery-template", ["locale"] = "es" });

        var message = Stytch.Outbox.LatestFor("ada@acme.io");
        Assert.Multiple(() =>
        {
            Assert.That(message.Kind, Is.EqualTo(MessageKind.Discovery));
            Assert.That(message.Token, Is.Not.Empty);
            Assert.That(message.Link, Is.EqualTo("http://localhost:3000/authenticate?stytch_token_type=discovery&token=" + Uri.EscapeDataString(message.Token!)));
            Assert.That(message.LoginTemplateId, Is.EqualTo("discovery-template"));
            Assert.That(message.Locale, Is.EqualTo("es"));
            Assert.That(message.OrganizationId, Is.Null);
            Assert.That(message.ExpiresAt - message.SentAt, Is.EqualTo(TimeSpan.FromMinutes(60)));
        });
    }

    [Test]
    public async Task Send_UnlistedRedirectUrl_Returns400AndSendsNothing()
    {
        var response = await SendAsync("ada@acme.io", new() { ["discovery_redirect_url"] = "https://elsewhere.example/callback" });

        AssertError(response, 400, "no_match_for_provided_magic_link_url");
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Send_NoDiscoveryRedirectUrls_Returns400NoDiscoveryRedirectUrlsSet()
    {
        Stytch.DefaultProject.RedirectUrls.Remove(RedirectUrls.FreshProjectDefault, RedirectUrlType.Discovery);

        AssertError(await SendAsync("ada@acme.io"), 400, "no_discovery_redirect_urls_set");
    }

    [TestCase(4)]
    [TestCase(10_081)]
    public async Task Send_ExpirationOutOfRange_Returns400InvalidExpiration(int minutes) =>
        AssertError(await SendAsync("ada@acme.io", new() { ["discovery_expiration_minutes"] = minutes }), 400, "invalid_expiration");

    [Test]
    public async Task Send_SandboxAddress_Returns200AndSendsNothing()
    {
        var response = await SendAsync("sandbox@stytch.com");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Authenticate_Token_Returns200IntermediateSessionAndDiscoveredOrganizations()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io");

        var response = await AuthenticateLinkAsync(await SentTokenAsync("ada@acme.io"));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "intermediate_session_token", "email_address", "discovered_organizations")));
            Assert.That(response["intermediate_session_token"], Has.Length.EqualTo(44));
            Assert.That(response["email_address"], Is.EqualTo("ada@acme.io"));
            Assert.That(MembershipTypes(response), Is.EquivalentTo(new Dictionary<string, string> { ["acme"] = "active_member" }));
        });
    }

    [Test]
    public async Task Authenticate_IntermediateSession_IsAcceptedByDiscoveryOrganizations()
    {
        var auth = await AuthenticateLinkAsync(await SentTokenAsync("ada@acme.io"));

        var list = await Client.PostAsync(ListPath, new { intermediate_session_token = auth["intermediate_session_token"] });

        Assert.That(list.Status, Is.EqualTo(200), list.Text);
        Assert.That(list["email_address"], Is.EqualTo("ada@acme.io"));
    }

    [Test]
    public async Task Authenticate_SameTokenTwice_Returns401UnableToAuthMagicLink()
    {
        var token = await SentTokenAsync("ada@acme.io");
        await AuthenticateLinkAsync(token);

        AssertError(await AuthenticateLinkAsync(token), 401, "unable_to_auth_magic_link");
    }

    [Test]
    public async Task Authenticate_AfterTheLinksLifetime_Returns401UnableToAuthMagicLink()
    {
        var token = await SentTokenAsync("ada@acme.io", new() { ["discovery_expiration_minutes"] = 5 });
        Time.Advance(TimeSpan.FromMinutes(5));

        AssertError(await AuthenticateLinkAsync(token), 401, "unable_to_auth_magic_link");
    }

    [Test]
    public async Task Authenticate_UnknownToken_Returns404MagicLinkNotFound() =>
        AssertError(await AuthenticateLinkAsync("no-such-token"), 404, "magic_link_not_found");

    [Test]
    public async Task Authenticate_TokenOfAnOrganizationLink_Returns404MagicLinkNotFound()
    {
        await CreateJitOrganizationAsync();
        var sent = await Client.PostAsync("/v1/b2b/magic_links/email/login_or_signup", new { organization_id = "acme", email_address = "ada@acme.io" });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);

        AssertError(await AuthenticateLinkAsync(Stytch.Outbox.LatestFor("ada@acme.io").Token), 404, "magic_link_not_found");
    }

    [Test]
    public async Task Authenticate_MissingToken_Returns400BadRequest() =>
        AssertError(await AuthenticateLinkAsync(null), 400, "bad_request");

    [Test]
    public async Task Authenticate_PkceVerifierOfTheChallenge_Returns200()
    {
        var token = await SentTokenAsync("ada@acme.io", new() { ["pkce_code_challenge"] = Pkce.ChallengeOf(Verifier) });

        var response = await AuthenticateLinkAsync(token, Verifier);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Authenticate_WrongPkceVerifier_Returns400AndLeavesTheLinkUsable()
    {
        var token = await SentTokenAsync("ada@acme.io", new() { ["pkce_code_challenge"] = Pkce.ChallengeOf(Verifier) });

        var refused = await AuthenticateLinkAsync(token, Verifier + "-other");
        var retried = await AuthenticateLinkAsync(token, Verifier);

        AssertError(refused, 400, "pkce_mismatch");
        Assert.That(retried.Status, Is.EqualTo(200), retried.Text);
    }

    [Test]
    public async Task Authenticate_SandboxSuccessToken_Returns200ForTheSandboxAddress()
    {
        var response = await AuthenticateLinkAsync("DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["email_address"], Is.EqualTo("sandbox@stytch.com"));
    }

    [TestCase("3pzjQpgksDlGKWEwUq2Up--hCHC_0oamfLHyfspKDFU=", 401, "unable_to_auth_magic_link")]
    [TestCase("CprTtwhnRNiMBiUS2jSLcWYrfuO2POeBNdo5HhW6qTM=", 404, "magic_link_not_found")]
    public async Task Authenticate_SandboxErrorToken_ReturnsItsError(string token, int status, string errorType) =>
        AssertError(await AuthenticateLinkAsync(token), status, errorType);
}
