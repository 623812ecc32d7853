using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Organizations.Wire;

namespace Stytch.Fake.Products.B2B.Members.Wire;

/// <summary>The B2B member endpoints: create, get, search, update and delete, under their organization.</summary>
internal static class MemberEndpoints
{
    private const string Member = OrganizationEndpoints.Organization + "/members/{member_id}";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("b2b.organizations.members.create", OrganizationEndpoints.Organization + "/members", MemberRequestJson.Default.MemberCreateRequest, Create),
        Endpoint.Get("b2b.organizations.members.get", OrganizationEndpoints.Organization + "/member", Get),
        Endpoint.Post("b2b.organizations.members.search", OrganizationEndpoints.Organizations + "/members/search", MemberRequestJson.Default.MemberSearchRequest, Search),
        Endpoint.Put("b2b.organizations.members.update", Member, MemberRequestJson.Default.MemberUpdateRequest, Update),
        Endpoint.Delete("b2b.organizations.members.delete", Member, Delete),
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

    private static ApiResponse Create(ApiCall call, MemberCreateRequest request)
    {
        var pending = request.CreateMemberAsPending ?? false;
        var (member, organization) = call.Project.B2BProducts.Members.Create(
            call.PathValues["organization_id"], ReadFields(request), pending ? "pending" : "active");
        return Response(call, member, organization);
    }

    private static ApiResponse Get(ApiCall call)
    {
        var (member, organization) = call.Project.B2BProducts.Members.Get(call.PathValues["organization_id"], call.Query("member_id"), call.Query("email_address"));
        return Response(call, member, organization);
    }

    private static ApiResponse Update(ApiCall call, MemberUpdateRequest request)
    {
        var fields = ReadFields(request) with { DefaultMfaMethod = request.DefaultMfaMethod, UnlinkEmail = request.UnlinkEmail };
        var (member, organization) = call.Project.B2BProducts.Members.Update(call.PathValues["organization_id"], call.PathValues["member_id"], fields);
        return Response(call, member, organization);
    }

    private static ApiResponse Delete(ApiCall call)
    {
        var id = call.Project.B2BProducts.Members.Delete(call.PathValues["organization_id"], call.PathValues["member_id"]);
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("member_id", id));
    }

    private static ApiResponse Search(ApiCall call, MemberSearchRequest request)
    {
        var page = call.Project.B2BProducts.Members.Search(request.OrganizationIds, SearchJson.ReadSearch(request));
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
