using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.B2B.Discovery;

/// <summary>Base of the B2B discovery wire fixtures: the discovery endpoints and the organizations they find.</summary>
public abstract class DiscoveryWireTest : B2BWireTest
{
    private protected const string OtpSendPath = "/v1/b2b/otps/email/discovery/send";
    private protected const string OtpDiscoveryAuthenticatePath = "/v1/b2b/otps/email/discovery/authenticate";
    private protected const string ListPath = "/v1/b2b/discovery/organizations";

    private protected Task<WireResult> SendDiscoveryCodeAsync(string email, Dictionary<string, object?>? extra = null) =>
        Client.PostAsync(OtpSendPath, new Dictionary<string, object?>(extra ?? []) { ["email_address"] = email });

    private protected Task<WireResult> AuthenticateDiscoveryCodeAsync(string email, string code) =>
        Client.PostAsync(OtpDiscoveryAuthenticatePath, new { email_address = email, code });

    /// <summary>Sends a discovery code to <paramref name="email"/> and authenticates it (asserting 200 both times).</summary>
    private protected async Task<WireResult> DiscoverAsync(string email)
    {
        var sent = await SendDiscoveryCodeAsync(email);
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var auth = await AuthenticateDiscoveryCodeAsync(email, Stytch.Outbox.LatestFor(email).Code);
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        return auth;
    }

    /// <summary>The intermediate session token of a discovery login of <paramref name="email"/>.</summary>
    private protected async Task<string> IntermediateSessionAsync(string email) => (await DiscoverAsync(email))["intermediate_session_token"]!;

    /// <summary>The discovered organizations of an answer, by organization slug.</summary>
    private protected static Dictionary<string, JsonObject> BySlug(WireResult response) =>
        response.Json["discovered_organizations"]!.AsArray().Select(o => o!.AsObject())
            .ToDictionary(o => Str(o["organization"]!["organization_slug"]), o => o, StringComparer.Ordinal);

    /// <summary>The <c>membership.type</c> of each discovered organization, by slug.</summary>
    private protected static Dictionary<string, string> MembershipTypes(WireResult response) =>
        BySlug(response).ToDictionary(p => p.Key, p => Str(p.Value["membership"]!["type"]), StringComparer.Ordinal);

    /// <summary>An organization <paramref name="slug"/> that JIT provisions acme.io, with a verified member <c>boss@acme.io</c>.</summary>
    private protected async Task<JsonObject> CreateJoinableOrganizationAsync(string slug = "acme")
    {
        var org = await CreateJitOrganizationAsync(slug);
        await LoginMemberAsync(slug, "boss@acme.io");
        return org;
    }
}
