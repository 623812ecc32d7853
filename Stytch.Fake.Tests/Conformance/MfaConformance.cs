using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>
/// The B2B login gate's variants for <see cref="SpecConformanceTests"/>: logins that end in an intermediate session
/// with <c>mfa_required</c>, and the policies' errors.
/// </summary>
internal static class MfaConformance
{
    private const string Orgs = "/v1/b2b/organizations";
    private const string OtpLoginOrSignup = "/v1/b2b/otps/email/login_or_signup";
    private const string OtpAuthenticate = "/v1/b2b/otps/email/authenticate";
    private const string LinkLoginOrSignup = "/v1/b2b/magic_links/email/login_or_signup";
    private const string LinkAuthenticate = "/v1/b2b/magic_links/authenticate";
    private const string Phone = "+14155550123";

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("B2BOtpAuthenticate_MfaRequiredSmsSent", "POST", OtpAuthenticate, async r =>
        {
            var org = await MfaOrganizationAsync(r);
            await MemberAsync(r, org, new { email_address = "ada@acme.io", mfa_phone_number = Phone, mfa_enrolled = true });
            return await OtpLoginAsync(r, org, "ada@acme.io");
        }),
        new("B2BOtpAuthenticate_MfaRequiredNotEnrolled", "POST", OtpAuthenticate, async r =>
            await OtpLoginAsync(r, await MfaOrganizationAsync(r), "ada@acme.io")),
        new("B2BMagicLinkAuthenticate_MfaRequired", "POST", LinkAuthenticate, async r =>
        {
            var org = await MfaOrganizationAsync(r);
            await MemberAsync(r, org, new { email_address = "ada@acme.io", mfa_phone_number = Phone });
            await r.Client.PostAsync(LinkLoginOrSignup, new { organization_id = org, email_address = "ada@acme.io" });
            return await r.Client.PostAsync(LinkAuthenticate, new { magic_links_token = r.Project.Outbox.LatestFor("ada@acme.io").Token });
        }),
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("B2BOtpAuthenticateRestrictedAuthMethods", 400, "operation_restricted_by_organization_auth_methods", async r =>
        {
            var org = await r.OrganizationAsync(jit: true);
            await r.Client.PostAsync(OtpLoginOrSignup, new { organization_id = org, email_address = "ada@acme.io" });
            var code = r.Project.Outbox.LatestFor("ada@acme.io").Code;
            await r.Client.SendAsync(HttpMethod.Put, $"{Orgs}/{org}", """{"auth_methods":"RESTRICTED","allowed_auth_methods":["magic_link"]}""");
            return await r.Client.PostAsync(OtpAuthenticate, new { organization_id = org, email_address = "ada@acme.io", code });
        }),
        new("B2BOtpAuthenticateIntermediateOfAnotherOrganization", 400, "invalid_intermediate_session_token_for_organization", async r =>
        {
            var first = await MfaOrganizationAsync(r);
            var token = (await OtpLoginAsync(r, first, "ada@acme.io"))["intermediate_session_token"];
            var other = await r.OrganizationAsync("globex", jit: true);
            await r.Client.PostAsync(OtpLoginOrSignup, new { organization_id = other, email_address = "ada@acme.io" });
            return await r.Client.PostAsync(OtpAuthenticate, new
            {
                organization_id = other, email_address = "ada@acme.io", code = r.Project.Outbox.LatestFor("ada@acme.io").Code, intermediate_session_token = token,
            });
        }),
    ];

    /// <summary>An organization that JIT provisions acme.io and requires MFA of everyone; its id.</summary>
    private static async Task<string> MfaOrganizationAsync(ConformanceRun r)
    {
        var response = await r.Client.PostAsync(Orgs, new
        {
            organization_name = "Acme Inc",
            organization_slug = "acme",
            email_jit_provisioning = "RESTRICTED",
            email_allowed_domains = new[] { "acme.io" },
            mfa_policy = "REQUIRED_FOR_ALL",
        });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["organization"]!["organization_id"]!.GetValue<string>();
    }

    private static async Task MemberAsync(ConformanceRun r, string organization, object body)
    {
        var response = await r.Client.PostAsync($"{Orgs}/{organization}/members", body);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    private static async Task<WireResult> OtpLoginAsync(ConformanceRun r, string organization, string email)
    {
        var sent = await r.Client.PostAsync(OtpLoginOrSignup, new { organization_id = organization, email_address = email });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return await r.Client.PostAsync(OtpAuthenticate, new { organization_id = organization, email_address = email, code = r.Project.Outbox.LatestFor(email).Code });
    }
}
