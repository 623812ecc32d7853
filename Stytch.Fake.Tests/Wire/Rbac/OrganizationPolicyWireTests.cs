using Stytch.Fake.Tests.Wire.B2B;

namespace Stytch.Fake.Tests.Wire.Rbac;

/// <summary>Organizations' custom roles (<c>/v1/b2b/rbac/organizations/{organization_id}</c>) and B2B authorization checks that use them.</summary>
public sealed class OrganizationPolicyWireTests : B2BWireTest
{
    private const string Path = "/v1/b2b/rbac/organizations/acme";

    private const string AuditorPolicy = """
        {"org_policy":{"roles":[{"role_id":"acme_auditor","description":"Reads members","permissions":[{"resource_id":"stytch.member","actions":["search"]}]}]}}
        """;

    [SetUp]
    public Task CreateOrganization() => CreateJitOrganizationAsync("acme");

    [Test]
    public async Task GetOrgPolicy_NewOrganization_ReturnsNoRoles()
    {
        var response = await Client.GetAsync(Path);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["org_policy"]!["roles"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task SetOrgPolicy_CustomRole_IsAnsweredAndReturnedByGet()
    {
        var set = await Client.SendAsync(HttpMethod.Put, Path, AuditorPolicy);
        var get = await Client.GetAsync(Path);

        Assert.Multiple(() =>
        {
            Assert.That(set.Status, Is.EqualTo(200), set.Text);
            Assert.That(set.Json["org_policy"]!.ToJsonString(), Is.EqualTo(get.Json["org_policy"]!.ToJsonString()));
            Assert.That(get.Json["org_policy"]!["roles"]![0]!["role_id"]!.GetValue<string>(), Is.EqualTo("acme_auditor"));
        });
    }

    [TestCase("stytch_admin")]
    [TestCase("stytch_member")]
    public async Task SetOrgPolicy_ProjectOrStytchRoleId_Returns400RbacOrgCustomRolesOnly(string roleId)
    {
        var response = await Client.SendAsync(HttpMethod.Put, Path, $$$"""{"org_policy":{"roles":[{"role_id":"{{{roleId}}}","permissions":[]}]}}""");

        AssertError(response, 400, "rbac_org_custom_roles_only");
    }

    [Test]
    public async Task SetOrgPolicy_PermissionOnAnUnknownAction_Returns400AndKeepsTheRoles()
    {
        await Client.SendAsync(HttpMethod.Put, Path, AuditorPolicy);

        var response = await Client.SendAsync(HttpMethod.Put, Path, """{"org_policy":{"roles":[{"role_id":"x","permissions":[{"resource_id":"stytch.member","actions":["fly"]}]}]}}""");

        AssertError(response, 400, "invalid_permission_action");
        Assert.That(Stytch.Rbac.OrganizationRoles("acme").Select(r => r.RoleId), Is.EqualTo(new[] { "acme_auditor" }));
    }

    [Test]
    public async Task SetOrgPolicy_WithoutOrgPolicy_Returns400()
    {
        var response = await Client.SendAsync(HttpMethod.Put, Path, "{}");

        AssertError(response, 400, "bad_request");
    }

    [Test]
    public async Task GetOrgPolicy_UnknownOrganization_Returns404()
    {
        var response = await Client.GetAsync("/v1/b2b/rbac/organizations/nowhere");

        AssertError(response, 404, "organization_not_found");
    }

    [Test]
    public async Task DeleteOrganization_WithCustomRoles_TheirPolicyGoesWithIt()
    {
        await Client.SendAsync(HttpMethod.Put, Path, AuditorPolicy);
        await Client.DeleteAsync($"{OrganizationsPath}/acme");
        await CreateJitOrganizationAsync("acme");

        var response = await Client.GetAsync(Path);

        Assert.That(response.Json["org_policy"]!["roles"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task SessionsAuthenticate_CheckGrantedByAnOrganizationRole_ReturnsItInTheVerdict()
    {
        await Client.SendAsync(HttpMethod.Put, Path, AuditorPolicy);
        var member = await CreateMemberAsync("acme", "ada@acme.io");
        await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/acme/members/{Str(member["member_id"])}", """{"roles":["acme_auditor"]}""");
        var session = Stytch.B2B.Sessions.Mint("acme", Str(member["member_id"]));

        var response = await Client.PostAsync(SessionsAuthenticatePath, new
        {
            session_token = session.SessionToken,
            authorization_check = new { organization_id = Str(member["organization_id"]), resource_id = "stytch.member", action = "search" },
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["verdict"]!["granting_roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "acme_auditor" }));
    }

    [Test]
    public async Task SessionsAuthenticate_CheckGrantedByStytchAdminAndAProjectRole_ListsBothGrantingRoles()
    {
        Stytch.Rbac.LoadPolicyJson("""{"roles":[{"role_id":"searcher","permissions":[{"resource_id":"stytch.member","actions":["search"]}]}]}""");
        var created = await Client.PostAsync($"{OrganizationsPath}/acme/members", new { email_address = "boss@acme.io", roles = new[] { "stytch_admin", "searcher" } });
        var session = Stytch.B2B.Sessions.Mint("acme", created["member_id"]!);

        var response = await Client.PostAsync(SessionsAuthenticatePath, new
        {
            session_token = session.SessionToken,
            authorization_check = new { organization_id = "acme", resource_id = "stytch.member", action = "search" },
        });

        Assert.That(response.Json["verdict"]!["granting_roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_admin", "searcher" }));
    }

    [Test]
    public async Task SessionsAuthenticate_PlainMemberOnStytchMember_Returns403AndLeavesTheSessionAsItWas()
    {
        var member = await CreateMemberAsync("acme", "ada@acme.io");
        var session = Stytch.B2B.Sessions.Mint("acme", Str(member["member_id"]));
        var expires = Stytch.B2B.Sessions.Of(Str(member["member_id"])).Single().ExpiresAt;

        var response = await Client.PostAsync(SessionsAuthenticatePath, new
        {
            session_token = session.SessionToken,
            session_duration_minutes = 600,
            authorization_check = new { organization_id = "acme", resource_id = "stytch.member", action = "create" },
        });

        AssertError(response, 403, "session_authorization_error");
        Assert.That(Stytch.B2B.Sessions.Of(Str(member["member_id"])).Single().ExpiresAt, Is.EqualTo(expires));
    }
}
