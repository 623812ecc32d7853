using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.Sessions.Wire;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.B2B.Mfa.Wire;

/// <summary>
/// Deleting a member's MFA phone number or TOTP registration. Both take the member session headers and then need
/// <c>update.info.delete.mfa-phone</c> / <c>update.info.delete.mfa-totp</c> on <c>stytch.member</c> (or <c>stytch.self</c>
/// for the session's own member): Stytch's docs mark them RBAC enforced, and those are the actions of its default policy.
/// </summary>
internal static class MfaRemovalEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.DeleteAsync("b2b.organizations.members.delete_mfa_phone_number", OrganizationEndpoints.Organization + "/members/mfa_phone_numbers/{member_id}",
            call => DeleteAsync(call, MemberPermissions.MemberDeleteMfaPhone, (b2b, org, member) => b2b.MfaRemovals.DeletePhone(org, member))),
        Endpoint.DeleteAsync("b2b.organizations.members.delete_totp", OrganizationEndpoints.Organization + "/members/{member_id}/totp",
            call => DeleteAsync(call, MemberPermissions.MemberDeleteMfaTotp, (b2b, org, member) => b2b.MfaRemovals.DeleteTotp(org, member))),
    ];

    private static async ValueTask<ApiResponse> DeleteAsync(
        ApiCall call, MemberCallRule rule, Func<B2BProducts, string, string, (StytchMember Member, StytchOrganization Organization)> delete)
    {
        var actor = await MemberSessionHeaders.ReadAsync(call).ConfigureAwait(false);
        var (org, target) = (call.PathValues["organization_id"], call.PathValues["member_id"]);
        var b2b = call.Project.B2BProducts;
        var (member, organization) = b2b.Authorization.AsMember(actor, [org], () => b2b.Authorization.MemberIdOf(org, target), rule, () => delete(b2b, org, target));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", member.MemberId);
            MemberWire.Write(w, "member", member, organization);
            OrganizationWire.Write(w, "organization", organization);
        });
    }
}
