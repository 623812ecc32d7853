namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>The B2B client of the Node SDK (b2b.mjs): email magic links, login and invite.</summary>
public sealed partial class NodeSdkTests
{
    [Test]
    public void B2BMagicLinksEmailLoginOrSignup_NewAddressWithJit_CreatesAPendingMemberAndPutsTheLinkInTheOutbox()
    {
        var sent = Ok(_b2b, "magic_links_login_or_signup");
        var outbox = Ok(_b2b, "magic_links_outbox");

        Assert.Multiple(() =>
        {
            Assert.That(sent["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(sent["member_created"]!.GetValue<bool>(), Is.True);
            Assert.That(sent["member_status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(outbox["kind"]!.GetValue<string>(), Is.EqualTo("signup"));
            Assert.That(outbox["token"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(outbox["link"]!.GetValue<string>(), Does.StartWith("http://localhost:3000/authenticate?stytch_token_type=multi_tenant_magic_links&token="));
            Assert.That(outbox["member_id"]!.GetValue<string>(), Is.EqualTo(sent["member_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public void B2BMagicLinksAuthenticate_TokenFromTheOutbox_ReturnsAMemberSessionWithAMagicLinkFactor()
    {
        var value = Ok(_b2b, "magic_links_authenticate");
        var factor = value["factors"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_id"]!.GetValue<string>(), Is.EqualTo(Ok(_b2b, "magic_links_login_or_signup")["member_id"]!.GetValue<string>()));
            Assert.That(value["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(value["member_status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["session_jwt_parts"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(value["session_minutes"]!.GetValue<double>(), Is.EqualTo(30));
            Assert.That(factor["type"]!.GetValue<string>(), Is.EqualTo("magic_link"));
            Assert.That(factor["delivery_method"]!.GetValue<string>(), Is.EqualTo("email"));
            Assert.That(factor["email_address"]!.GetValue<string>(), Is.EqualTo(_b2b.Output["link_email"]!.GetValue<string>()));
        });
    }

    [Test]
    public void B2BMagicLinksAuthenticate_SessionToken_IsAcceptedBySessionsAuthenticate() =>
        Assert.That(Ok(_b2b, "magic_links_session_authenticate")["member_id"]!.GetValue<string>(),
            Is.EqualTo(Ok(_b2b, "magic_links_login_or_signup")["member_id"]!.GetValue<string>()));

    [Test]
    public void B2BMagicLinksAuthenticate_ReusedToken_ThrowsStytchErrorUnableToAuthMagicLink() =>
        AssertStytchError(_b2b, "magic_links_authenticate_reused_token", 401, "unable_to_auth_magic_link");

    [Test]
    public void B2BMagicLinksEmailInvite_NewAddress_CreatesAnInvitedMemberWithItsNameAndRoles()
    {
        var value = Ok(_b2b, "magic_links_invite");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_status"]!.GetValue<string>(), Is.EqualTo("invited"));
            Assert.That(value["name"]!.GetValue<string>(), Is.EqualTo("Ivy Invitee"));
            Assert.That(value["role_ids"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "stytch_member", "stytch_admin" }));
        });
    }

    [Test]
    public void B2BMagicLinksAuthenticate_InviteToken_MakesTheInvitedMemberActive()
    {
        var value = Ok(_b2b, "magic_links_invite_authenticate");

        Assert.Multiple(() =>
        {
            Assert.That(value["kind"]!.GetValue<string>(), Is.EqualTo("invite"));
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_id"]!.GetValue<string>(), Is.EqualTo(Ok(_b2b, "magic_links_invite")["member_id"]!.GetValue<string>()));
            Assert.That(value["member_status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(value["member_authenticated"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void B2BMagicLinksEmailInvite_ActiveMember_ThrowsStytchErrorDuplicateMemberEmail() =>
        AssertStytchError(_b2b, "magic_links_invite_active_member", 400, "duplicate_member_email");
}
