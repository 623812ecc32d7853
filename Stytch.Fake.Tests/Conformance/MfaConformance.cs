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
        new("B2BSmsSend_LinksANumber", "POST", "/v1/b2b/otps/sms/send", async r =>
        {
            var (token, memberId) = await PrimaryAsync(r);
            return await r.Client.PostAsync("/v1/b2b/otps/sms/send", new { organization_id = "acme", member_id = memberId, mfa_phone_number = Phone, locale = "es", intermediate_session_token = token });
        }),
        new("B2BSmsAuthenticate_FinishesTheLogin", "POST", "/v1/b2b/otps/sms/authenticate", async r =>
        {
            var (token, memberId) = await PrimaryAsync(r);
            await r.Client.PostAsync("/v1/b2b/otps/sms/send", new { organization_id = "acme", member_id = memberId, mfa_phone_number = Phone, intermediate_session_token = token });
            var code = r.Project.Outbox.All.Last(m => m.Channel == DeliveryChannel.Sms).Code;
            return await r.Client.PostAsync("/v1/b2b/otps/sms/authenticate", new
            {
                organization_id = "acme", member_id = memberId, code, intermediate_session_token = token, session_duration_minutes = 30,
                session_custom_claims = new { tier = "gold" }, set_mfa_enrollment = "enroll", set_default_mfa = true,
            });
        }),
        new("B2BTotpCreate_NewRegistration", "POST", "/v1/b2b/totp", async r =>
        {
            var (token, memberId) = await PrimaryAsync(r);
            return await r.Client.PostAsync("/v1/b2b/totp", new { organization_id = "acme", member_id = memberId, expiration_minutes = 30, intermediate_session_token = token });
        }),
        new("B2BTotpAuthenticate_FinishesTheLogin", "POST", "/v1/b2b/totp/authenticate", async r =>
        {
            var (token, memberId) = await PrimaryAsync(r);
            await r.Client.PostAsync("/v1/b2b/totp", new { organization_id = "acme", member_id = memberId, intermediate_session_token = token });
            return await r.Client.PostAsync("/v1/b2b/totp/authenticate", new { organization_id = "acme", member_id = memberId, code = r.Project.B2B.Totps.CodeFor("acme", memberId), intermediate_session_token = token });
        }),
        new("B2BRecoveryCodesGet_ActiveTotp", "GET", "/v1/b2b/recovery_codes/{organization_id}/{member_id}", async r =>
            await r.Client.GetAsync($"/v1/b2b/recovery_codes/acme/{TotpMember(r)}")),
        new("B2BRecoveryCodesRotate_ActiveTotp", "POST", "/v1/b2b/recovery_codes/rotate", async r =>
            await r.Client.PostAsync("/v1/b2b/recovery_codes/rotate", new { organization_id = "acme", member_id = TotpMember(r) })),
        new("B2BRecoveryCodesRecover_FinishesTheLogin", "POST", "/v1/b2b/recovery_codes/recover", async r =>
        {
            var memberId = TotpMember(r);
            var (token, _) = await PrimaryAsync(r, existing: true);
            var code = r.Project.B2B.Totps.RecoveryCodesFor("acme", memberId)[0];
            return await r.Client.PostAsync("/v1/b2b/recovery_codes/recover", new { organization_id = "acme", member_id = memberId, recovery_code = code, intermediate_session_token = token });
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

    /// <summary>An email OTP login of ada@acme.io into an MFA organization (made unless <paramref name="existing"/>): the intermediate session and member id.</summary>
    private static async Task<(string Token, string MemberId)> PrimaryAsync(ConformanceRun r, bool existing = false)
    {
        var org = existing ? "acme" : await MfaOrganizationAsync(r);
        var auth = await OtpLoginAsync(r, org, "ada@acme.io");
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        return (auth["intermediate_session_token"]!, auth["member_id"]!);
    }

    /// <summary>A seeded MFA organization <c>acme</c> with ada@acme.io enrolled in TOTP; her member id.</summary>
    private static string TotpMember(ConformanceRun r) =>
        r.Project.Seed.Organization(o => o.Slug("acme").JitDomains("acme.io").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" }))
            .WithTotpMember("ada@acme.io").MemberFor("ada@acme.io").MemberId;

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
