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
    ];

    private static SeededOrganization Acme(ConformanceRun r) => r.Project.Seed.Organization(o => o.Slug("acme").JitDomains("acme.io"));
}
