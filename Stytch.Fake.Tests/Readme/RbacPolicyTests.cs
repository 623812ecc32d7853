// The README's "RBAC" example, compiled and run as it stands. ReadmeTests checks the two stay identical.
#pragma warning disable CA1050 // The README shows the class without a namespace, as a user would paste it.
// README:rbac:begin
using System.Net;
using System.Net.Http.Json;
using NUnit.Framework;
using Stytch.Fake;
using Stytch.Fake.NUnit;

public class RbacPolicyTests : StytchFakeTest
{
    [SetUp]
    public void LoadPolicy() =>
        // Your app's policy, as the dashboard holds it (or a saved GET /v1/b2b/rbac/policy answer, or a file with
        // --rbac-policy): Stytch's stytch_member, stytch_admin and stytch.* resources are always there too.
        Stytch.Rbac.LoadPolicyJson("""
            {
              "resources": [{ "resource_id": "documents", "description": "", "actions": ["read", "write"] }],
              "roles": [{ "role_id": "editor", "description": "", "permissions": [{ "resource_id": "documents", "actions": ["*"] }] }]
            }
            """);

    [Test]
    public async Task MemberSession_WithAndWithoutTheRole_IsAuthorizedOrRefused()
    {
        var acme = Stytch.DefaultProject.Seed.Organization(o => o.Slug("acme")).WithMember("ada@acme.io").WithMember("bob@acme.io");
        using var http = Stytch.CreateClient();
        await http.PutAsJsonAsync($"v1/b2b/organizations/acme/members/{acme.MemberFor("ada@acme.io").MemberId}", new { roles = new[] { "editor" } });
        var ada = Stytch.B2B.Sessions.Mint("acme", acme.MemberFor("ada@acme.io").MemberId);
        var bob = Stytch.B2B.Sessions.Mint("acme", acme.MemberFor("bob@acme.io").MemberId);
        var check = new { organization_id = acme.OrganizationId, resource_id = "documents", action = "write" };

        var editor = await http.PostAsJsonAsync("v1/b2b/sessions/authenticate", new { session_token = ada.SessionToken, authorization_check = check });
        var member = await http.PostAsJsonAsync("v1/b2b/sessions/authenticate", new { session_token = bob.SessionToken, authorization_check = check });

        Assert.That(editor.StatusCode, Is.EqualTo(HttpStatusCode.OK)); // with "verdict": {"authorized": true, "granting_roles": ["editor"]}
        Assert.That(member.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden)); // session_authorization_error
    }
}
// README:rbac:end
