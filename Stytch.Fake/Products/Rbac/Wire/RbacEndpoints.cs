using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;
using Stytch.Fake.Products.Admin.Wire;

namespace Stytch.Fake.Products.Rbac.Wire;

/// <summary><c>PUT /v1/b2b/rbac/organizations/{organization_id}</c>.</summary>
internal sealed record OrgPolicySetRequest(
    [property: BodyRequired("bad_request", Message = "org_policy is required: an object with roles.")]
    [property: BodyRule<RbacPolicyJson.OrgPolicyRule>] JsonElement? OrgPolicy);

/// <summary>The RBAC request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(OrgPolicySetRequest))]
internal sealed partial class RbacRequestJson : JsonSerializerContext;

/// <summary>
/// The RBAC endpoints: the consumer and B2B policies, organizations' custom roles, and the back doors that read and
/// set the project's own policy (<c>/_fake/v1/projects/{project_id}/rbac/policy</c>: GET answers the project's own part,
/// PUT takes a policy document as <see cref="RbacPolicyJson.Parse"/> reads it, DELETE goes back to Stytch's defaults).
/// </summary>
internal static class RbacEndpoints
{
    private const string OrganizationPolicy = "/v1/b2b/rbac/organizations/{organization_id}";
    private const string BackDoor = AdminEndpoints.Project + "/rbac/policy";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("rbac.policy", "/v1/rbac/policy", ConsumerPolicy),
        Endpoint.Get("b2b.rbac.policy", "/v1/b2b/rbac/policy", B2BPolicy),
        Endpoint.Get("b2b.rbac.organizations.get_org_policy", OrganizationPolicy, GetOrgPolicy),
        Endpoint.Put("b2b.rbac.organizations.set_org_policy", OrganizationPolicy, RbacRequestJson.Default.OrgPolicySetRequest, SetOrgPolicy),
        Endpoint.Get("admin.rbac.policy.get", BackDoor, GetCustom, Access.Admin),
        Endpoint.PutDocument("admin.rbac.policy.set", BackDoor, SetCustom, Access.Admin),
        Endpoint.Delete("admin.rbac.policy.reset", BackDoor, ResetCustom, Access.Admin),
    ];

    private static ApiResponse ConsumerPolicy(ApiCall call) =>
        ApiResponse.Ok(call.RequestId, w => RbacPolicyJson.Write(w, "policy", call.Project.RbacService.ConsumerPolicy()));

    private static ApiResponse B2BPolicy(ApiCall call) =>
        ApiResponse.Ok(call.RequestId, w => RbacPolicyJson.Write(w, "policy", call.Project.RbacService.B2BPolicy()));

    private static ApiResponse GetOrgPolicy(ApiCall call)
    {
        var roles = call.Project.B2BProducts.OrganizationPolicies.Get(call.PathValues["organization_id"]);
        return ApiResponse.Ok(call.RequestId, w => RbacPolicyJson.WriteOrgPolicy(w, roles));
    }

    private static ApiResponse SetOrgPolicy(ApiCall call, OrgPolicySetRequest request)
    {
        var wanted = RbacPolicyJson.ReadOrgPolicy(request.OrgPolicy!.Value);
        var roles = call.Project.B2BProducts.OrganizationPolicies.Set(call.PathValues["organization_id"], wanted);
        return ApiResponse.Ok(call.RequestId, w => RbacPolicyJson.WriteOrgPolicy(w, roles));
    }

    private static ApiResponse Custom(ApiCall call) => ApiResponse.Plain(200, w =>
    {
        RbacPolicyJson.Write(w, "policy", call.Project.RbacService.Custom);
        RbacPolicyJson.Write(w, "b2b_policy", call.Project.RbacService.B2BPolicy());
        RbacPolicyJson.Write(w, "consumer_policy", call.Project.RbacService.ConsumerPolicy());
    });

    private static ApiResponse GetCustom(ApiCall call) => Custom(call);

    private static ApiResponse SetCustom(ApiCall call)
    {
        call.Project.Rbac.LoadPolicyJson(call.BodyText);
        return Custom(call);
    }

    private static ApiResponse ResetCustom(ApiCall call)
    {
        call.Project.Rbac.SetPolicy(RbacPolicy.Empty);
        return Custom(call);
    }
}
