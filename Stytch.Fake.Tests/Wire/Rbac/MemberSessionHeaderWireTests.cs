using Stytch.Fake.Tests.Wire.B2B;

namespace Stytch.Fake.Tests.Wire.Rbac;

/// <summary>
/// <c>X-Stytch-Member-Session</c> and <c>X-Stytch-Member-SessionJWT</c> on the organization, member and session
/// endpoints over loopback HTTP: the call runs with that member's permissions, and a refused call changes nothing.
/// </summary>
public sealed class MemberSessionHeaderWireTests : B2BWireTest
{
    private const string Org = "acme";
    private string _orgId = "";
    private MintedMemberSession _admin = null!;
    private MintedMemberSession _plain = null!;
    private string _plainId = "";
    private string _otherId = "";

    [SetUp]
    public async Task CreateMembers()
    {
        _orgId = Str((await CreateJitOrganizationAsync(Org))["organization_id"]);
        var admin = await Client.PostAsync($"{OrganizationsPath}/{Org}/members", new { email_address = "boss@acme.io", roles = new[] { "stytch_admin" } });
        Assert.That(admin.Status, Is.EqualTo(200), admin.Text);
        _plainId = Str((await CreateMemberAsync(Org, "ada@acme.io"))["member_id"]);
        _otherId = Str((await CreateMemberAsync(Org, "bob@acme.io"))["member_id"]);
        _admin = Stytch.B2B.Sessions.Mint(Org, admin["member_id"]!);
        _plain = Stytch.B2B.Sessions.Mint(Org, _plainId);
    }

    private static Dictionary<string, string> As(MintedMemberSession session) => new() { ["X-Stytch-Member-Session"] = session.SessionToken };

    private static Dictionary<string, string> AsJwt(MintedMemberSession session) => new() { ["X-Stytch-Member-SessionJWT"] = session.SessionJwt };

    private Task<WireResult> Send(HttpMethod method, string path, string? body, Dictionary<string, string> headers) =>
        Client.SendAsync(method, path, body, headers: headers);

    private string OrganizationName => Stytch.B2B.Organizations.Get(Org).OrganizationName;

    [Test]
    public async Task UpdateOrganization_PlainMemberSession_Returns403AndKeepsTheName()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_name":"Hacked"}""", As(_plain));

        AssertError(response, 403, "session_authorization_error");
        Assert.That(OrganizationName, Is.EqualTo("Acme Inc"));
    }

    [Test]
    public async Task UpdateOrganization_AdminMemberSession_Renames()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_name":"Acme 2"}""", As(_admin));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(OrganizationName, Is.EqualTo("Acme 2"));
    }

    [Test]
    public async Task UpdateOrganization_AdminMemberSessionJwt_Renames()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_name":"Acme 3"}""", AsJwt(_admin));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(OrganizationName, Is.EqualTo("Acme 3"));
    }

    [Test]
    public async Task UpdateOrganization_PlainMemberSessionJwt_Returns403()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_name":"Hacked"}""", AsJwt(_plain));

        AssertError(response, 403, "session_authorization_error");
    }

    [Test]
    public async Task UpdateOrganization_TrustedMetadataWithAdminSession_Returns403AndKeepsIt()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"trusted_metadata":{"tier":"free"}}""", As(_admin));

        AssertError(response, 403, "session_authorization_error");
        Assert.That(Stytch.B2B.Organizations.Get(Org).TrustedMetadata, Is.EqualTo("{}"));
    }

    [Test]
    public async Task UpdateOrganization_AdminSessionOfAnotherOrganization_Returns403TenancyError()
    {
        await CreateJitOrganizationAsync("other", "other.io");

        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/other", """{"organization_name":"Taken"}""", As(_admin));

        AssertError(response, 403, "session_authorization_tenancy_error");
        Assert.That(Stytch.B2B.Organizations.Get("other").OrganizationName, Is.EqualTo("Acme Inc"));
    }

    [Test]
    public async Task UpdateOrganization_UnknownSessionToken_Returns404SessionNotFound()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_name":"X"}""",
            new() { ["X-Stytch-Member-Session"] = "mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q" });

        AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task UpdateOrganization_BothHeaders_Returns400TooManySessionArguments()
    {
        var headers = new Dictionary<string, string>(As(_admin)) { ["X-Stytch-Member-SessionJWT"] = _admin.SessionJwt };

        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_name":"X"}""", headers);

        AssertError(response, 400, "too_many_session_arguments");
    }

    [Test]
    public async Task UpdateOrganization_RoleImpliedByTheEmailDomain_Renames()
    {
        await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"rbac_email_implicit_role_assignments":[{"domain":"acme.io","role_id":"stytch_admin"}]}""");

        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_name":"Implied"}""", As(_plain));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task UpdateOrganization_ProjectRoleWithTheOneAction_RenamesButCannotChangeTheSlug()
    {
        Stytch.Rbac.LoadPolicyJson(RbacPolicyWireTests.DocumentsPolicy);
        await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{Org}/members/{_plainId}", """{"roles":["org_renamer"]}""");

        var rename = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_name":"Renamed"}""", As(_plain));
        var reslug = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_slug":"moved"}""", As(_plain));

        Assert.That(rename.Status, Is.EqualTo(200), rename.Text);
        AssertError(reslug, 403, "session_authorization_error");
    }

    [Test]
    public async Task DeleteOrganization_PlainMemberSession_Returns403AndKeepsIt()
    {
        var response = await Send(HttpMethod.Delete, $"{OrganizationsPath}/{Org}", null, As(_plain));

        AssertError(response, 403, "session_authorization_error");
        Assert.That(Stytch.B2B.Organizations.All, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CreateMember_PlainMemberSession_Returns403AndCreatesNoOne()
    {
        var response = await Send(HttpMethod.Post, $"{OrganizationsPath}/{Org}/members", """{"email_address":"eve@acme.io"}""", As(_plain));

        AssertError(response, 403, "session_authorization_error");
        Assert.That(Stytch.B2B.Members.All.Select(m => m.EmailAddress), Has.No.Member("eve@acme.io"));
    }

    [Test]
    public async Task CreateMember_AdminMemberSession_Creates()
    {
        var response = await Send(HttpMethod.Post, $"{OrganizationsPath}/{Org}/members", """{"email_address":"eve@acme.io"}""", As(_admin));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task UpdateMember_OwnNameWithPlainSession_IsAllowedByStytchSelf()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}/members/{_plainId}", """{"name":"Ada L."}""", As(_plain));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member"]!["name"]!.GetValue<string>(), Is.EqualTo("Ada L."));
    }

    [Test]
    public async Task UpdateMember_AnotherMembersNameWithPlainSession_Returns403()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}/members/{_otherId}", """{"name":"Bobby"}""", As(_plain));

        AssertError(response, 403, "session_authorization_error");
    }

    [Test]
    public async Task UpdateMember_OwnRolesWithPlainSession_Returns403AndKeepsThem()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}/members/{_plainId}", """{"roles":["stytch_admin"]}""", As(_plain));

        AssertError(response, 403, "session_authorization_error");
        Assert.That(Stytch.B2B.Members.All.Single(m => m.MemberId == _plainId).Roles, Is.Empty);
    }

    [Test]
    public async Task UpdateMember_AnotherMembersRolesWithAdminSession_Assigns()
    {
        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}/members/{_otherId}", """{"roles":["stytch_admin"]}""", As(_admin));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task DeleteMember_SelfWithPlainSession_IsAllowedByStytchSelf()
    {
        var response = await Send(HttpMethod.Delete, $"{OrganizationsPath}/{Org}/members/{_plainId}", null, As(_plain));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task DeleteMember_AnotherMemberWithPlainSession_Returns403AndKeepsThem()
    {
        var response = await Send(HttpMethod.Delete, $"{OrganizationsPath}/{Org}/members/{_otherId}", null, As(_plain));

        AssertError(response, 403, "session_authorization_error");
        Assert.That(Stytch.B2B.Members.All.Single(m => m.MemberId == _otherId).Status, Is.EqualTo("active"));
    }

    [Test]
    public async Task SearchMembers_PlainSession_Returns403()
    {
        var response = await Send(HttpMethod.Post, $"{OrganizationsPath}/members/search", $$"""{"organization_ids":["{{_orgId}}"]}""", As(_plain));

        AssertError(response, 403, "session_authorization_error");
    }

    [Test]
    public async Task SearchMembers_AdminSession_ReturnsTheMembers()
    {
        var response = await Send(HttpMethod.Post, $"{OrganizationsPath}/members/search", $$"""{"organization_ids":["{{_orgId}}"]}""", As(_admin));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["members"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task RevokeSessions_AnotherMemberWithPlainSession_Returns403AndKeepsThem()
    {
        Stytch.B2B.Sessions.Mint(Org, _otherId);

        var response = await Send(HttpMethod.Post, SessionsRevokePath, $$"""{"member_id":"{{_otherId}}"}""", As(_plain));

        AssertError(response, 403, "session_authorization_error");
        Assert.That(Stytch.B2B.Sessions.Of(_otherId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RevokeSessions_OwnSessionWithPlainSession_Revokes()
    {
        var response = await Send(HttpMethod.Post, SessionsRevokePath, $$"""{"session_token":"{{_plain.SessionToken}}"}""", As(_plain));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.B2B.Sessions.Of(_plainId), Is.Empty);
    }

    [Test]
    public async Task RevokeSessions_AnotherMemberWithAdminSession_Revokes()
    {
        Stytch.B2B.Sessions.Mint(Org, _otherId);

        var response = await Send(HttpMethod.Post, SessionsRevokePath, $$"""{"member_id":"{{_otherId}}"}""", As(_admin));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.B2B.Sessions.Of(_otherId), Is.Empty);
    }

    [Test]
    public async Task UpdateOrganization_OrganizationCustomRole_GrantsInThatOrganization()
    {
        var set = await Client.SendAsync(HttpMethod.Put, $"/v1/b2b/rbac/organizations/{Org}",
            """{"org_policy":{"roles":[{"role_id":"acme_namer","description":"","permissions":[{"resource_id":"stytch.organization","actions":["update.info.name"]}]}]}}""");
        Assert.That(set.Status, Is.EqualTo(200), set.Text);
        await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{Org}/members/{_plainId}", """{"roles":["acme_namer"]}""");

        var response = await Send(HttpMethod.Put, $"{OrganizationsPath}/{Org}", """{"organization_name":"By Org Role"}""", As(_plain));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }
}
