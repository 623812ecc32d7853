namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>Consumer email magic links through the Node SDK (consumer.mjs): the outbox's token, then authenticate.</summary>
public sealed partial class NodeSdkTests
{
    [Test]
    public void MagicLinksEmailLoginOrCreate_NewEmail_CreatesTheUser()
    {
        var value = Ok("magic_link_login_or_create");

        Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(value["user_created"]!.GetValue<bool>(), Is.True);
        Assert.That(value["email_id"]!.GetValue<string>(), Does.Match(Wire.WireShapes.EmailId()));
    }

    [Test]
    public void MagicLinksOutbox_AfterLoginOrCreate_HoldsTheTokenAndItsLink()
    {
        var value = Ok("magic_link_outbox");
        var token = value["token"]!.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(value["kind"]!.GetValue<string>(), Is.EqualTo("signup"));
            Assert.That(value["code"], Is.Null);
            Assert.That(value["token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["link"]!.GetValue<string>(), Is.EqualTo("http://localhost:3000/authenticate?stytch_token_type=magic_links&token=" + token));
        });
    }

    [Test]
    public void MagicLinksAuthenticate_TokenWithSessionDuration_ReturnsASessionWithAMagicLinkFactor()
    {
        var value = Ok("magic_link_authenticate");
        var sent = Ok("magic_link_login_or_create");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(sent["user_id"]!.GetValue<string>()));
            Assert.That(value["method_id"]!.GetValue<string>(), Is.EqualTo(sent["email_id"]!.GetValue<string>()));
            Assert.That(value["session_id"]!.GetValue<string>(), Does.StartWith("session-test-"));
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["factor"]!["type"]!.GetValue<string>(), Is.EqualTo("magic_link"));
            Assert.That(value["factor"]!["delivery_method"]!.GetValue<string>(), Is.EqualTo("email"));
            Assert.That(value["factor"]!["email_address"]!.GetValue<string>(), Does.StartWith("node-sdk-link-"));
            Assert.That(value["email_verified"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void MagicLinksSessionJwt_VerifiedLocally_IsTheSession()
    {
        var value = Ok("magic_link_jwt_local");

        Assert.That(value["session_id"]!.GetValue<string>(), Is.EqualTo(Ok("magic_link_authenticate")["session_id"]!.GetValue<string>()));
        Assert.That(value["factor_types"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "magic_link" }));
    }

    [Test]
    public void MagicLinksAuthenticate_ReusedToken_ThrowsStytchErrorUnableToAuthMagicLink() =>
        AssertStytchError("magic_link_authenticate_reused", 401, "unable_to_auth_magic_link");

    [Test]
    public void MagicLinksAuthenticate_PkceVerifier_AuthenticatesALoginLink()
    {
        var value = Ok("magic_link_pkce");

        Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(value["kind"]!.GetValue<string>(), Is.EqualTo("login"));
    }

    [Test]
    public void MagicLinksEmailInviteAndRevokeInvite_NewEmail_BothAnswer200()
    {
        var value = Ok("magic_link_invite_and_revoke");

        Assert.That((value["invite_status_code"]!.GetValue<int>(), value["kind"]!.GetValue<string>(), value["revoke_status_code"]!.GetValue<int>()),
            Is.EqualTo((200, "invite", 200)));
    }

    [Test]
    public void MagicLinksCreate_EmbeddableToken_AuthenticatesTheUser()
    {
        var value = Ok("magic_link_create_embeddable");

        Assert.That(value["token_length"]!.GetValue<int>(), Is.EqualTo(44));
        Assert.That(value["authenticated_user_id"]!.GetValue<string>(), Is.EqualTo(Ok("magic_link_login_or_create")["user_id"]!.GetValue<string>()));
    }

    [Test]
    public void MagicLinksAuthenticate_SandboxToken_ReturnsTheSandboxUser() =>
        Assert.That(Ok("magic_link_sandbox")["user_id"]!.GetValue<string>(), Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));

    [Test]
    public void MagicLinksAuthenticate_SandboxNotFoundToken_ThrowsStytchErrorMagicLinkNotFound() =>
        AssertStytchError("error_magic_link_not_found", 404, "magic_link_not_found");
}
