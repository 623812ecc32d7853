namespace Stytch.Fake.Tests.Wire.Rbac;

/// <summary>The consumer <c>authorization_check</c> of <c>/v1/sessions/authenticate</c> over loopback HTTP.</summary>
public sealed class ConsumerAuthorizationWireTests : FakeWireTest
{
    private StytchUser _user = null!;
    private MintedSession _session = null!;

    [SetUp]
    public void CreateUser()
    {
        Stytch.Rbac.LoadPolicyJson(RbacPolicyWireTests.DocumentsPolicy);
        _user = Stytch.Users.Create("ada@example.com");
        _session = Stytch.Sessions.Mint(_user.UserId);
    }

    private Task<WireResult> AuthenticateAsync(object check) =>
        Client.PostAsync("/v1/sessions/authenticate", new { session_token = _session.SessionToken, authorization_check = check });

    [Test]
    public async Task Authenticate_CheckGrantedByAnAssignedRole_ReturnsTheVerdict()
    {
        Stytch.Rbac.SetUserRoles(_user.UserId, "editor");

        var response = await AuthenticateAsync(new { resource_id = "documents", action = "write" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.Multiple(() =>
        {
            Assert.That(response.Json["verdict"]!["authorized"]!.GetValue<bool>(), Is.True);
            Assert.That(response.Json["verdict"]!["granting_roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "editor" }));
            Assert.That(response.Json["session"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_user", "editor" }));
        });
    }

    [Test]
    public async Task Authenticate_CheckNoRoleGrants_Returns403ConsumerSessionAuthorizationError()
    {
        var response = await AuthenticateAsync(new { resource_id = "documents", action = "delete" });

        Assert.That(response.Status, Is.EqualTo(403), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("consumer_session_authorization_error"));
    }

    [Test]
    public async Task Authenticate_StytchUserGivenPermissionsByTheProject_GrantsEveryUser()
    {
        Stytch.Rbac.LoadPolicyJson("""{"resources":[{"resource_id":"documents","actions":["read"]}],"roles":[{"role_id":"stytch_user","permissions":[{"resource_id":"documents","actions":["*"]}]}]}""");

        var response = await AuthenticateAsync(new { resource_id = "documents", action = "read" });

        Assert.That(response.Json["verdict"]!["granting_roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_user" }));
    }

    [Test]
    public async Task Authenticate_CheckWithoutAction_Returns400()
    {
        var response = await AuthenticateAsync(new { resource_id = "documents" });

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
    }

    [Test]
    public async Task Authenticate_WithoutCheck_AnswersNoVerdict()
    {
        var response = await Client.PostAsync("/v1/sessions/authenticate", new { session_token = _session.SessionToken });

        Assert.That(response.Json.ContainsKey("verdict"), Is.False);
    }

    [Test]
    public void SetUserRoles_UnknownUser_ThrowsUserNotFound()
    {
        var refused = Assert.Throws<StytchException>(() => Stytch.Rbac.SetUserRoles("user-test-00000000-0000-4000-8000-000000000000", "editor"))!;

        Assert.That(refused.Error, Is.EqualTo(StytchError.UserNotFound));
    }
}
