using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Sessions.Wire;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.B2B.Organizations.Wire;

/// <summary>
/// The B2B organization endpoints: create, search, get, update and delete. Update and delete take the member session
/// headers (<see cref="MemberSessionHeaders"/>) and then run with that member's permissions.
/// </summary>
internal static class OrganizationEndpoints
{
    /// <summary>The organizations' path, under which members live too.</summary>
    public const string Organizations = "/v1/b2b/organizations";

    /// <summary>One organization's path, by id, slug or external id.</summary>
    public const string Organization = Organizations + "/{organization_id}";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("b2b.organizations.create", Organizations, OrganizationRequestJson.Default.OrganizationCreateRequest, Create),
        Endpoint.Post("b2b.organizations.search", Organizations + "/search", OrganizationRequestJson.Default.OrganizationSearchRequest, Search),
        Endpoint.Get("b2b.organizations.get", Organization, Get),
        Endpoint.PutAsync("b2b.organizations.update", Organization, OrganizationRequestJson.Default.OrganizationUpdateRequest, Update),
        Endpoint.DeleteAsync("b2b.organizations.delete", Organization, Delete),
    ];

    internal static OrganizationFields ReadFields(IOrganizationBody request) => new()
    {
        OrganizationName = request.OrganizationName,
        OrganizationSlug = request.OrganizationSlug,
        OrganizationLogoUrl = request.OrganizationLogoUrl,
        OrganizationExternalId = request.OrganizationExternalId,
        TrustedMetadata = request.TrustedMetadata?.GetRawText(),
        SsoJitProvisioning = request.SsoJitProvisioning,
        EmailAllowedDomains = request.EmailAllowedDomains,
        EmailJitProvisioning = request.EmailJitProvisioning,
        EmailInvites = request.EmailInvites,
        AuthMethods = request.AuthMethods,
        AllowedAuthMethods = request.AllowedAuthMethods,
        MfaPolicy = request.MfaPolicy,
        MfaMethods = request.MfaMethods,
        AllowedMfaMethods = request.AllowedMfaMethods,
        RbacEmailImplicitRoleAssignments = RoleAssignmentsJson.Read(request.RbacEmailImplicitRoleAssignments),
        OauthTenantJitProvisioning = request.OauthTenantJitProvisioning,
        AllowedOauthTenants = request.AllowedOauthTenants?.GetRawText(),
        ClaimedEmailDomains = request.ClaimedEmailDomains,
        FirstPartyConnectedAppsAllowedType = request.FirstPartyConnectedAppsAllowedType,
        AllowedFirstPartyConnectedApps = request.AllowedFirstPartyConnectedApps,
        ThirdPartyConnectedAppsAllowedType = request.ThirdPartyConnectedAppsAllowedType,
        AllowedThirdPartyConnectedApps = request.AllowedThirdPartyConnectedApps,
    };

    private static ApiResponse Response(ApiCall call, StytchOrganization organization) =>
        ApiResponse.Ok(call.RequestId, w => OrganizationWire.Write(w, "organization", organization));

    private static ApiResponse Create(ApiCall call, OrganizationCreateRequest request) =>
        Response(call, call.Project.B2BProducts.Organizations.Create(ReadFields(request)));

    private static ApiResponse Get(ApiCall call) =>
        Response(call, call.Project.B2BProducts.Organizations.Get(call.PathValues["organization_id"]));

    private static async ValueTask<ApiResponse> Update(ApiCall call, OrganizationUpdateRequest request)
    {
        var fields = ReadFields(request) with
        {
            SsoJitProvisioningAllowedConnections = request.SsoJitProvisioningAllowedConnections,
            SsoDefaultConnectionId = request.SsoDefaultConnectionId,
        };
        var actor = await MemberSessionHeaders.ReadAsync(call).ConfigureAwait(false);
        var id = call.PathValues["organization_id"];
        var b2b = call.Project.B2BProducts;
        return Response(call, b2b.Authorization.AsMember(actor, [id], null, MemberPermissions.OrganizationUpdate(fields), () => b2b.Organizations.Update(id, fields)));
    }

    private static async ValueTask<ApiResponse> Delete(ApiCall call)
    {
        var actor = await MemberSessionHeaders.ReadAsync(call).ConfigureAwait(false);
        var reference = call.PathValues["organization_id"];
        var b2b = call.Project.B2BProducts;
        var id = b2b.Authorization.AsMember(actor, [reference], null, MemberPermissions.OrganizationDelete, () => b2b.Organizations.Delete(reference));
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("organization_id", id));
    }

    private static ApiResponse Search(ApiCall call, OrganizationSearchRequest request)
    {
        var page = call.Project.B2BProducts.Organizations.Search(SearchJson.ReadSearch(request));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            WireJson.WriteArray(w, "organizations", page.Organizations.Select(WireOrganization.From), OrganizationWireJson.Default.WireOrganization);
            SearchJson.WriteResultsMetadata(w, page.Total, page.NextCursor);
        });
    }
}
