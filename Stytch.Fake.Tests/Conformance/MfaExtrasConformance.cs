namespace Stytch.Fake.Tests.Conformance;

/// <summary>
/// Variants for <see cref="SpecConformanceTests"/> of the member MFA factor deletes, TOTP migration and the B2B password
/// reset requirement.
/// </summary>
internal static class MfaExtrasConformance
{
    private const string Members = "/v1/b2b/organizations/{organization_id}/members";

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("B2BMemberDeleteMfaPhoneNumber_EnrolledMember", "DELETE", Members + "/mfa_phone_numbers/{member_id}", async r =>
        {
            var ada = Acme(r).WithSmsMfaMember("ada@acme.io", "+14155550123").MemberFor("ada@acme.io");
            return await r.Client.SendAsync(HttpMethod.Delete, $"/v1/b2b/organizations/acme/members/mfa_phone_numbers/{ada.MemberId}", null);
        }),
        new("B2BMemberDeleteTotp_EnrolledMember", "DELETE", Members + "/{member_id}/totp", async r =>
        {
            var ada = Acme(r).WithTotpMember("ada@acme.io").MemberFor("ada@acme.io");
            return await r.Client.SendAsync(HttpMethod.Delete, $"/v1/b2b/organizations/acme/members/{ada.MemberId}/totp", null);
        }),
        new("B2BTotpMigrate_SecretAndCodes", "POST", "/v1/b2b/totp/migrate", async r =>
        {
            var ada = Acme(r).WithMember("ada@acme.io").MemberFor("ada@acme.io");
            return await r.Client.PostAsync("/v1/b2b/totp/migrate", new { organization_id = "acme", member_id = ada.MemberId, secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", recovery_codes = new[] { "aaaa-bbbb-cccc" } });
        }),
        new("B2BPasswordRequireReset_MemberOfTheOrganization", "POST", "/v1/b2b/passwords/email/require_reset", async r =>
        {
            Acme(r);
            var migrated = await r.Client.PostAsync("/v1/b2b/passwords/migrate", new { organization_id = "acme", email_address = "ada@acme.io", hash_type = "md_5", hash = "2ee220973e9e0639bfce3288cc491f0e" });
            Assert.That(migrated.Status, Is.EqualTo(200), migrated.Text);
            return await r.Client.PostAsync("/v1/b2b/passwords/email/require_reset", new { email_address = "ada@acme.io", organization_id = "acme" });
        }),
        new("B2BPasswordRequireReset_AddressInTwoOrganizations", "POST", "/v1/b2b/passwords/email/require_reset", async r =>
        {
            foreach (var slug in new[] { "acme", "globex" })
            {
                r.Project.Seed.Organization(o => o.Slug(slug).JitDomains("acme.io"));
                var migrated = await r.Client.PostAsync("/v1/b2b/passwords/migrate", new { organization_id = slug, email_address = "ada@acme.io", hash_type = "md_5", hash = "2ee220973e9e0639bfce3288cc491f0e" });
                Assert.That(migrated.Status, Is.EqualTo(200), migrated.Text);
            }

            return await r.Client.PostAsync("/v1/b2b/passwords/email/require_reset", new { email_address = "ada@acme.io" });
        }),
    ];

    private static SeededOrganization Acme(ConformanceRun r) => r.Project.Seed.Organization(o => o.Slug("acme").JitDomains("acme.io"));
}
