using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Rbac;

/// <summary>The project policy over loopback HTTP: Stytch's defaults, a project's own policy and its back doors.</summary>
public sealed class RbacPolicyWireTests : FakeWireTest
{
    internal const string DocumentsPolicy = """
        {
          "resources": [{ "resource_id": "documents", "description": "Docs", "actions": ["read", "write", "delete"] }],
          "roles": [
            { "role_id": "editor", "description": "Edits documents", "permissions": [{ "resource_id": "documents", "actions": ["read", "write"] }] },
            { "role_id": "org_renamer", "description": "", "permissions": [{ "resource_id": "stytch.organization", "actions": ["update.info.name"] }] }
          ],
          "scopes": [{ "scope": "read:documents", "description": "", "permissions": [{ "resource_id": "documents", "actions": ["read"] }] }]
        }
        """;

    private string BackDoor => $"/_fake/v1/projects/{Stytch.ProjectId}/rbac/policy";

    private static string[] Ids(JsonNode? list, string name) => [.. list!.AsArray().Select(item => item![name]!.GetValue<string>())];

    private static JsonObject Role(JsonObject policy, string roleId) =>
        policy["roles"]!.AsArray().Single(r => r!["role_id"]!.GetValue<string>() == roleId)!.AsObject();

    [Test]
    public async Task GetB2BPolicy_FreshProject_ReturnsStytchsDefaultRolesAndResources()
    {
        var response = await Client.GetAsync("/v1/b2b/rbac/policy");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var policy = response.Json["policy"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(Ids(policy["roles"], "role_id"), Is.EqualTo(new[] { "stytch_member", "stytch_admin" }));
            Assert.That(Ids(policy["resources"], "resource_id"), Is.EqualTo(new[] { "stytch.organization", "stytch.member", "stytch.sso", "stytch.self", "stytch.scim" }));
            Assert.That(Role(policy, "stytch_member")["permissions"]!.ToJsonString(), Is.EqualTo("""[{"resource_id":"stytch.self","actions":["*"]}]"""));
            Assert.That(Ids(Role(policy, "stytch_admin")["permissions"], "resource_id"), Is.EqualTo(new[] { "stytch.organization", "stytch.member", "stytch.sso", "stytch.scim" }));
            Assert.That(policy["scopes"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task GetConsumerPolicy_FreshProject_ReturnsOnlyStytchUser()
    {
        var response = await Client.GetAsync("/v1/rbac/policy");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.Multiple(() =>
        {
            Assert.That(Ids(response.Json["policy"]!["roles"], "role_id"), Is.EqualTo(new[] { "stytch_user" }));
            Assert.That(response.Json["policy"]!["resources"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task GetB2BPolicy_ProjectPolicySetInProcess_AddsItsRolesResourcesAndScopesToTheDefaults()
    {
        Stytch.Rbac.LoadPolicyJson(DocumentsPolicy);

        var policy = (await Client.GetAsync("/v1/b2b/rbac/policy")).Json["policy"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(Ids(policy["roles"], "role_id"), Is.EqualTo(new[] { "stytch_member", "stytch_admin", "editor", "org_renamer" }));
            Assert.That(Ids(policy["resources"], "resource_id"), Has.Member("documents").And.Member("stytch.member"));
            Assert.That(Ids(policy["scopes"], "scope"), Is.EqualTo(new[] { "read:documents" }));
        });
    }

    [Test]
    public async Task GetConsumerPolicy_ProjectPolicy_LeavesOutStytchResourcesAndB2BRoles()
    {
        Stytch.Rbac.LoadPolicyJson(DocumentsPolicy);

        var policy = (await Client.GetAsync("/v1/rbac/policy")).Json["policy"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(Ids(policy["roles"], "role_id"), Is.EqualTo(new[] { "stytch_user", "editor", "org_renamer" }));
            Assert.That(Ids(policy["resources"], "resource_id"), Is.EqualTo(new[] { "documents" }));
            Assert.That(Role(policy, "org_renamer")["permissions"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task BackDoorPut_StytchMemberRole_ReplacesTheDefaultRolesPermissions()
    {
        var put = await Client.SendAsync(HttpMethod.Put, BackDoor, """
            {"roles":[{"role_id":"stytch_member","description":"x","permissions":[{"resource_id":"stytch.member","actions":["search"]}]}]}
            """);

        Assert.That(put.Status, Is.EqualTo(200), put.Text);
        var policy = (await Client.GetAsync("/v1/b2b/rbac/policy")).Json["policy"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(Role(policy, "stytch_member")["permissions"]!.ToJsonString(), Is.EqualTo("""[{"resource_id":"stytch.member","actions":["search"]}]"""));
            Assert.That(Role(policy, "stytch_member")["description"]!.GetValue<string>(), Does.StartWith("Granted to all Members"));
        });
    }

    [Test]
    public async Task BackDoorPut_SavedGetPolicyAnswer_LoadsItsPolicyAndIgnoresStytchsResources()
    {
        Stytch.Rbac.LoadPolicyJson(DocumentsPolicy);
        var saved = (await Client.GetAsync("/v1/b2b/rbac/policy")).Text;
        Stytch.Rbac.SetPolicy(RbacPolicy.Empty);

        var put = await Client.SendAsync(HttpMethod.Put, BackDoor, saved);

        Assert.That(put.Status, Is.EqualTo(200), put.Text);
        Assert.That(Ids(put.Json["policy"]!["resources"], "resource_id"), Is.EqualTo(new[] { "documents" }));
    }

    [TestCase("""{"roles":[{"role_id":"a","permissions":[{"resource_id":"nope","actions":["read"]}]}]}""", "invalid_permission_resource")]
    [TestCase("""{"resources":[{"resource_id":"d","actions":["read"]}],"roles":[{"role_id":"a","permissions":[{"resource_id":"d","actions":["write"]}]}]}""", "invalid_permission_action")]
    [TestCase("""{"roles":[{"role_id":"a"},{"role_id":"a"}]}""", "rbac_role_duplicate")]
    [TestCase("""{"roles":[{"role_id":""}]}""", "empty_rbac_role_id")]
    [TestCase("""{"resources":[{"resource_id":"stytch.things","actions":["x"]}]}""", "invalid_permission_resource")]
    [TestCase("""{"resources":[{"resource_id":"d","actions":[]}]}""", "rbac_resource_missing_actions")]
    [TestCase("""{"roles":"editor"}""", "bad_request")]
    [TestCase("""not json""", "bad_request")]
    public async Task BackDoorPut_BrokenPolicy_Returns400AndKeepsThePolicy(string document, string errorType)
    {
        Stytch.Rbac.LoadPolicyJson(DocumentsPolicy);

        var put = await Client.SendAsync(HttpMethod.Put, BackDoor, document);

        Assert.Multiple(() =>
        {
            Assert.That(put.Status, Is.EqualTo(400), put.Text);
            Assert.That(put.ErrorType, Is.EqualTo(errorType));
            Assert.That(Stytch.Rbac.Custom.Roles.Select(r => r.RoleId), Is.EqualTo(new[] { "editor", "org_renamer" }));
        });
    }

    [Test]
    public async Task BackDoorGetAndDelete_ProjectPolicy_AnswerItThenGoBackToTheDefaults()
    {
        Stytch.Rbac.LoadPolicyJson(DocumentsPolicy);

        var get = await Client.GetAsync(BackDoor);
        var delete = await Client.DeleteAsync(BackDoor);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(get.Json["policy"]!["roles"], "role_id"), Is.EqualTo(new[] { "editor", "org_renamer" }));
            Assert.That(Ids(get.Json["b2b_policy"]!["roles"], "role_id"), Has.Member("stytch_admin"));
            Assert.That(delete.Status, Is.EqualTo(200), delete.Text);
            Assert.That(Stytch.Rbac.Custom.Roles, Is.Empty);
        });
    }

    [Test]
    public async Task Reset_ProjectPolicy_IsKeptLikeTheCredentials()
    {
        Stytch.Rbac.LoadPolicyJson(DocumentsPolicy);

        Stytch.Reset();

        var policy = (await Client.GetAsync("/v1/b2b/rbac/policy")).Json["policy"]!.AsObject();
        Assert.That(Ids(policy["roles"], "role_id"), Has.Member("editor"));
    }

    [Test]
    public async Task SnapshotExportThenImport_PolicyOrganizationRolesAndUserRoles_AreRestored()
    {
        Stytch.Rbac.LoadPolicyJson(DocumentsPolicy);
        var org = Stytch.DefaultProject.Seed.Organization(o => o.Slug("acme"));
        Stytch.Rbac.SetOrganizationRoles("acme", [new RbacRole("acme_auditor", "", [new RbacPermission("documents", ["read"])])]);
        var user = Stytch.Users.Create("ada@example.com");
        Stytch.Rbac.SetUserRoles(user.UserId, "editor");
        var snapshot = Stytch.DefaultProject.ExportSnapshot();
        var other = Stytch.CreateProject();

        other.ImportSnapshot(snapshot);

        Assert.Multiple(() =>
        {
            Assert.That(other.Rbac.Custom.Roles.Select(r => r.RoleId), Is.EqualTo(new[] { "editor", "org_renamer" }));
            Assert.That(other.Rbac.OrganizationRoles(org.OrganizationId).Select(r => r.RoleId), Is.EqualTo(new[] { "acme_auditor" }));
            Assert.That(other.Rbac.UserRoles(user.UserId), Is.EqualTo(new[] { "editor" }));
            Assert.That(JsonNode.Parse(snapshot)!["version"]!.GetValue<int>(), Is.EqualTo(5));
        });
    }

    [Test]
    public void ImportSnapshot_Version2WithoutRbac_LoadsWithStytchsDefaultPolicyAlone()
    {
        Stytch.Users.Create("ada@example.com");
        var v2 = SnapshotLayouts.AsVersion4(JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!.AsObject());
        v2["version"] = 2;
        v2.Remove("rbac");
        Stytch.Rbac.LoadPolicyJson(DocumentsPolicy);

        Stytch.DefaultProject.ImportSnapshot(v2.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(Stytch.Rbac.Custom.Roles, Is.Empty);
            Assert.That(Stytch.Users.All, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void SetPolicy_DroppingAResourceAnOrganizationRoleUses_IsRefused()
    {
        Stytch.Rbac.LoadPolicyJson(DocumentsPolicy);
        Stytch.DefaultProject.Seed.Organization(o => o.Slug("acme"));
        Stytch.Rbac.SetOrganizationRoles("acme", [new RbacRole("acme_auditor", "", [new RbacPermission("documents", ["read"])])]);

        var refused = Assert.Throws<StytchException>(() => Stytch.Rbac.SetPolicy(RbacPolicy.Empty))!;

        Assert.Multiple(() =>
        {
            Assert.That(refused.Error, Is.EqualTo(StytchError.RbacCannotDeleteAttributeUsedInOrgPolicy));
            Assert.That(Stytch.Rbac.Custom.Resources.Select(r => r.ResourceId), Is.EqualTo(new[] { "documents" }));
        });
    }
}
