using Stytch.Fake.Http;

namespace Stytch.Fake.Products.B2B.Organizations.Wire;

/// <summary>The B2B organization endpoints: create, search, get, update and delete.</summary>
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
        Endpoint.Put("b2b.organizations.update", Organization, OrganizationRequestJson.Default.OrganizationUpdateRequest, Update),
        Endpoint.Delete("b2b.organizations.delete", Organization, Delete),
    ];

    private static OrganizationFields ReadFields(IOrganizationBody request) => new()
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

    private static ApiResponse Update(ApiCall call, OrganizationUpdateRequest request) =>
        Response(call, call.Project.B2BProducts.Organizations.Update(call.PathValues["organization_id"], ReadFields(request) with
        {
            SsoJitProvisioningAllowedConnections = request.SsoJitProvisioningAllowedConnections,
            SsoDefaultConnectionId = request.SsoDefaultConnectionId,
        }));

    private static ApiResponse Delete(ApiCall call)
    {
        var id = call.Project.B2BProducts.Organizations.Delete(call.PathValues["organization_id"]);
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
