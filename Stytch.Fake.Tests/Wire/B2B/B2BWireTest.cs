using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stytch.Fake.Tests.Wire.Sessions;

namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary>
/// Base of the B2B wire fixtures: a fresh fake per test (see <see cref="FakeWireTest"/>) and the B2B steps every
/// test needs — create an organization, send a code, authenticate it.
/// </summary>
public abstract partial class B2BWireTest : FakeWireTest
{
    private protected const string OrganizationsPath = "/v1/b2b/organizations";
    private protected const string LoginOrSignupPath = "/v1/b2b/otps/email/login_or_signup";
    private protected const string OtpAuthenticatePath = "/v1/b2b/otps/email/authenticate";
    private protected const string SessionsAuthenticatePath = "/v1/b2b/sessions/authenticate";
    private protected const string SessionsRevokePath = "/v1/b2b/sessions/revoke";

    [GeneratedRegex("^organization-test-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private protected static partial Regex OrganizationId();

    [GeneratedRegex("^member-test-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private protected static partial Regex MemberId();

    [GeneratedRegex("^member-session-test-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private protected static partial Regex MemberSessionId();

    /// <summary>POST /v1/b2b/organizations with <paramref name="body"/>; asserts 200 and returns the organization object.</summary>
    private protected async Task<JsonObject> CreateOrganizationAsync(object body)
    {
        var response = await Client.PostAsync(OrganizationsPath, body);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["organization"]!.AsObject();
    }

    /// <summary>An organization whose email JIT provisioning admits <paramref name="domains"/>.</summary>
    private protected Task<JsonObject> CreateJitOrganizationAsync(string slug = "acme", params string[] domains) =>
        CreateOrganizationAsync(new
        {
            organization_name = "Acme Inc",
            organization_slug = slug,
            email_jit_provisioning = "RESTRICTED",
            email_allowed_domains = domains.Length == 0 ? ["acme.io"] : domains,
        });

    /// <summary>POST …/members; asserts 200 and returns the member object.</summary>
    private protected async Task<JsonObject> CreateMemberAsync(string organization, string email, bool pending = false)
    {
        var response = await Client.PostAsync($"{OrganizationsPath}/{organization}/members", new { email_address = email, create_member_as_pending = pending });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["member"]!.AsObject();
    }

    private protected Task<WireResult> LoginOrSignupAsync(string organization, string email) =>
        Client.PostAsync(LoginOrSignupPath, new { organization_id = organization, email_address = email });

    private protected Task<WireResult> AuthenticateOtpAsync(string organization, string email, string code) =>
        Client.PostAsync(OtpAuthenticatePath, new { organization_id = organization, email_address = email, code });

    /// <summary>login_or_signup then authenticate with the code from the outbox; asserts 200 and returns the authenticate answer.</summary>
    private protected async Task<WireResult> LoginMemberAsync(string organization, string email, Dictionary<string, object?>? extra = null)
    {
        var sent = await LoginOrSignupAsync(organization, email);
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var body = new Dictionary<string, object?>(extra ?? [])
        {
            ["organization_id"] = organization,
            ["email_address"] = email,
            ["code"] = Stytch.Outbox.LatestFor(email).Code,
        };
        var auth = await Client.PostAsync(OtpAuthenticatePath, body);
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        return auth;
    }

    private protected static void AssertError(WireResult response, int status, string errorType) =>
        SessionHarness.AssertError(response, status, errorType);

    private protected static string Str(JsonNode? node) => node!.GetValue<string>();
}
