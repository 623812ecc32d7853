using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.Sessions.Wire;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.B2B.Members.Wire;

/// <summary>
/// The B2B member endpoints: create, get, search, update and delete, under their organization. All but get take the
/// member session headers (<see cref="MemberSessionHeaders"/>) and then run with that member's permissions.
/// </summary>
internal static class MemberEndpoints
{
    private const string Member = OrganizationEndpoints.Organization + "/members/{member_id}";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.PostAsync("b2b.organizations.members.create", OrganizationEndpoints.Organization + "/members", MemberRequestJson.Default.MemberCreateRequest, Create),
        Endpoint.Get("b2b.organizations.members.get", OrganizationEndpoints.Organization + "/member", Get),
        Endpoint.PostAsync("b2b.organizations.members.search", OrganizationEndpoints.Organizations + "/members/search", MemberRequestJson.Default.MemberSearchRequest, Search),
        Endpoint.PutAsync("b2b.organizations.members.update", Member, MemberRequestJson.Default.MemberUpdateRequest, Update),
        Endpoint.DeleteAsync("b2b.organizations.members.delete", Member, Delete),
    ];

    private static MemberFields ReadFields(IMemberBody request) => new()
    {
        EmailAddress = request.EmailAddress,
        Name = request.Name,
        TrustedMetadata = request.TrustedMetadata?.GetRawText(),
        UntrustedMetadata = request.UntrustedMetadata?.GetRawText(),
        IsBreakglass = request.IsBreakglass,
        MfaPhoneNumber = request.MfaPhoneNumber,
        MfaEnrolled = request.MfaEnrolled,
        Roles = request.Roles,
        ExternalId = request.ExternalId,
    };

    private static ApiResponse Response(ApiCall call, StytchMember member, StytchOrganization organization) =>
        ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", member.MemberId);
            MemberWire.Write(w, "member", member, organization);
            OrganizationWire.Write(w, "organization", organization);
        });

    private static async ValueTask<ApiResponse> Create(ApiCall call, MemberCreateRequest request)
    {
        var pending = request.CreateMemberAsPending ?? false;
        var fields = ReadFields(request);
        var actor = await MemberSessionHeaders.ReadAsync(call).ConfigureAwait(false);
        var org = call.PathValues["organization_id"];
        var b2b = call.Project.B2BProducts;
        var (member, organization) = b2b.Authorization.AsMember(actor, [org], null, MemberPermissions.MemberCreate(fields),
            () => b2b.Members.Create(org, fields, pending ? "pending" : "active"));
        return Response(call, member, organization);
    }

    private static ApiResponse Get(ApiCall call)
    {
        var (member, organization) = call.Project.B2BProducts.Members.Get(call.PathValues["organization_id"], call.Query("member_id"), call.Query("email_address"));
        return Response(call, member, organization);
    }

    private static async ValueTask<ApiResponse> Update(ApiCall call, MemberUpdateRequest request)
    {
        var fields = ReadFields(request) with { DefaultMfaMethod = request.DefaultMfaMethod, UnlinkEmail = request.UnlinkEmail };
        var actor = await MemberSessionHeaders.ReadAsync(call).ConfigureAwait(false);
        var (org, target) = (call.PathValues["organization_id"], call.PathValues["member_id"]);
        var b2b = call.Project.B2BProducts;
        var (member, organization) = b2b.Authorization.AsMember(actor, [org], () => b2b.Authorization.MemberIdOf(org, target), MemberPermissions.MemberUpdate(fields),
            () => b2b.Members.Update(org, target, fields));
        return Response(call, member, organization);
    }

    private static async ValueTask<ApiResponse> Delete(ApiCall call)
    {
        var actor = await MemberSessionHeaders.ReadAsync(call).ConfigureAwait(false);
        var (org, target) = (call.PathValues["organization_id"], call.PathValues["member_id"]);
        var b2b = call.Project.B2BProducts;
        var id = b2b.Authorization.AsMember(actor, [org], () => b2b.Authorization.MemberIdOf(org, target), MemberPermissions.MemberDelete,
            () => b2b.Members.Delete(org, target));
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("member_id", id));
    }

    private static async ValueTask<ApiResponse> Search(ApiCall call, MemberSearchRequest request)
    {
        var query = SearchJson.ReadSearch(request);
        var actor = await MemberSessionHeaders.ReadAsync(call).ConfigureAwait(false);
        var b2b = call.Project.B2BProducts;
        var page = b2b.Authorization.AsMember(actor, request.OrganizationIds ?? [], null, MemberPermissions.MemberSearch,
            () => b2b.Members.Search(request.OrganizationIds, query));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            WireJson.WriteArray(w, "members", page.Members.Select(m => WireMember.From(m, page.Organizations[m.OrganizationId])), MemberWireJson.Default.WireMember);
            SearchJson.WriteResultsMetadata(w, page.Total, page.NextCursor);
            w.WritePropertyName("organizations");
            w.WriteStartObject();
            foreach (var (id, organization) in page.Organizations)
            {
                OrganizationWire.Write(w, id, organization);
            }

            w.WriteEndObject();
        });
    }
}
