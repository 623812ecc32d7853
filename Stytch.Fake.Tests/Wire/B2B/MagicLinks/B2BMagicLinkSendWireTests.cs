namespace Stytch.Fake.Tests.Wire.B2B.MagicLinks;

/// <summary><c>POST /v1/b2b/magic_links/email/login_or_signup</c> and <c>…/email/invite</c> over loopback HTTP.</summary>
public sealed class B2BMagicLinkSendWireTests : B2BMagicLinkWireTest
{
    // ---- login_or_signup --------------------------------------------------------------------------

    [Test]
    public async Task LoginOrSignup_NewAddressJitAllowed_CreatesPendingMemberAndPutsASignupLinkInTheOutbox()
    {
        var org = await CreateJitOrganizationAsync();

        var response = await SendLinkAsync("Ada@Acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_created"]!.GetValue<bool>(), Is.True);
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("pending"));
        var message = Stytch.Outbox.LatestFor("ada@acme.io");
        Assert.That((message.Channel, message.Kind, message.Code), Is.EqualTo((DeliveryChannel.Email, MessageKind.Signup, "")));
        Assert.That(message.Link, Is.EqualTo($"http://localhost:3000/authenticate?stytch_token_type=multi_tenant_magic_links&token={Uri.EscapeDataString(message.Token!)}"));
        Assert.That(message.OrganizationId, Is.EqualTo(Str(org["organization_id"])));
        Assert.That(message.MemberId, Is.EqualTo(response["member_id"]));
        Assert.That(message.MethodId, Is.EqualTo(Stytch.DefaultProject.B2B.Members.All.Single().EmailId));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(60)));
    }

    [Test]
    public async Task LoginOrSignup_JitNotAllowed_Returns400EmailJitProvisioningNotAllowedAndSendsNothing()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", email_allowed_domains = new[] { "acme.io" } });

        var response = await SendLinkAsync("ada@acme.io");

        AssertError(response, 400, "email_jit_provisioning_not_allowed");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrSignup_ActiveMember_SendsALoginLinkWithItsExpirationAndTemplate()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io");

        var response = await SendLinkAsync("ada@acme.io", new() { ["login_expiration_minutes"] = 10080, ["login_template_id"] = "login-t", ["locale"] = "pt-br" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_created"]!.GetValue<bool>(), Is.False);
        var message = Stytch.Outbox.LatestFor("ada@acme.io");
        Assert.That((message.Kind, message.LoginTemplateId, message.Locale), Is.EqualTo((MessageKind.Login, "login-t", "pt-br")));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(10080)));
    }

    [TestCase("login_expiration_minutes", 4)]
    [TestCase("signup_expiration_minutes", 10081)]
    public async Task LoginOrSignup_ExpirationOutside5To10080_Returns400InvalidExpiration(string field, int minutes)
    {
        await CreateJitOrganizationAsync();

        var response = await SendLinkAsync("ada@acme.io", new() { [field] = minutes });

        AssertError(response, 400, "invalid_expiration");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrSignup_UnknownLocale_Returns400InvalidLocale()
    {
        await CreateJitOrganizationAsync();

        AssertError(await SendLinkAsync("ada@acme.io", new() { ["locale"] = "de" }), 400, "invalid_locale");
    }

    [Test]
    public async Task LoginOrSignup_UnknownOrganization_Returns404OrganizationNotFound()
    {
        AssertError(await SendLinkAsync("ada@acme.io"), 404, "organization_not_found");
    }

    [Test]
    public async Task LoginOrSignup_SandboxAddressInTheSandboxOrganization_Returns200AndSendsNothing()
    {
        var response = await Client.PostAsync(LinkLoginOrSignupPath, new { organization_id = "organization-test-007d9d4a-deac-4a87-ba0a-e6e8afba4d4b", email_address = "sandbox@stytch.com" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_created"]!.GetValue<bool>(), Is.False);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    // ---- redirect URLs (a fresh project allows only http://localhost:3000/authenticate) -------------

    [Test]
    public async Task LoginOrSignup_AllowedSignupRedirectUrl_BuildsTheLinkOnIt()
    {
        await CreateJitOrganizationAsync();

        var response = await SendLinkAsync("ada@acme.io", new() { ["signup_redirect_url"] = "http://localhost:3000/authenticate" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.Outbox.LatestFor("ada@acme.io").Link, Does.StartWith("http://localhost:3000/authenticate?stytch_token_type=multi_tenant_magic_links&token="));
    }

    [Test]
    public async Task LoginOrSignup_UnlistedLoginRedirectUrlForAnActiveMember_Returns400NoMatchForProvidedMagicLinkUrl()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io");

        var response = await SendLinkAsync("ada@acme.io", new() { ["login_redirect_url"] = "https://elsewhere.example/login" });

        AssertError(response, 400, "no_match_for_provided_magic_link_url");
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrSignup_MalformedSignupRedirectUrl_Returns400InvalidSignupRedirectUrlAndCreatesNothing()
    {
        await CreateJitOrganizationAsync();

        var response = await SendLinkAsync("ada@acme.io", new() { ["signup_redirect_url"] = "not a url" });

        AssertError(response, 400, "invalid_signup_redirect_url");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrSignup_LoginRedirectUrlForANewMember_IsNotChecked()
    {
        await CreateJitOrganizationAsync();

        var response = await SendLinkAsync("ada@acme.io", new() { ["login_redirect_url"] = "https://elsewhere.example/login" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.Outbox.LatestFor("ada@acme.io").Kind, Is.EqualTo(MessageKind.Signup));
    }

    [Test]
    public async Task Invite_UnlistedInviteRedirectUrl_Returns400NoMatchForProvidedMagicLinkUrlAndCreatesNothing()
    {
        await CreateInvitingOrganizationAsync();

        var response = await InviteAsync("bob@acme.io", new() { ["invite_redirect_url"] = "https://elsewhere.example/invite" });

        AssertError(response, 400, "no_match_for_provided_magic_link_url");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task Invite_MalformedInviteRedirectUrl_Returns400InvalidInviteRedirectUrl()
    {
        await CreateInvitingOrganizationAsync();

        AssertError(await InviteAsync("bob@acme.io", new() { ["invite_redirect_url"] = "ftp://files.example/x" }), 400, "invalid_invite_redirect_url");
    }

    // ---- invite -----------------------------------------------------------------------------------

    [Test]
    public async Task Invite_NewAddress_Returns200InvitedMemberWithNameRolesAndMetadata()
    {
        await CreateInvitingOrganizationAsync();
        var inviter = await CreateMemberAsync("acme", "boss@acme.io");

        var response = await InviteAsync("bob@elsewhere.io", new()
        {
            ["invited_by_member_id"] = Str(inviter["member_id"]),
            ["name"] = "Bob",
            ["roles"] = new[] { "editor" },
            ["trusted_metadata"] = new { plan = "pro" },
            ["untrusted_metadata"] = new { theme = "dark" },
            ["invite_template_id"] = "invite-t",
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var member = response.Json["member"]!;
        Assert.That(Str(member["status"]), Is.EqualTo("invited"));
        Assert.That(Str(member["name"]), Is.EqualTo("Bob"));
        Assert.That(member["roles"]!.AsArray().Select(r => Str(r!["role_id"])), Does.Contain("editor"));
        Assert.That(Str(member["trusted_metadata"]!["plan"]), Is.EqualTo("pro"));
        Assert.That(Str(member["untrusted_metadata"]!["theme"]), Is.EqualTo("dark"));
        Assert.That(response["member_id"], Is.EqualTo(Str(member["member_id"])));
    }

    [Test]
    public async Task Invite_NoExpiration_SendsAnInviteLinkValidForOneWeek()
    {
        await CreateInvitingOrganizationAsync();

        await InviteAsync("bob@elsewhere.io", new() { ["invite_template_id"] = "invite-t" });

        var message = Stytch.Outbox.LatestFor("bob@elsewhere.io");
        Assert.That((message.Kind, message.InviteTemplateId), Is.EqualTo((MessageKind.Invite, "invite-t")));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddDays(7)));
        Assert.That(message.Link, Does.Contain("stytch_token_type=multi_tenant_magic_links&token="));
    }

    [Test]
    public async Task Invite_PendingMember_BecomesInvited()
    {
        await CreateInvitingOrganizationAsync();
        await CreateMemberAsync("acme", "ada@acme.io", pending: true);

        var response = await InviteAsync("ada@acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("invited"));
    }

    [Test]
    public async Task Invite_ActiveMember_Returns400DuplicateMemberEmailAndSendsNothing()
    {
        await CreateInvitingOrganizationAsync();
        await CreateMemberAsync("acme", "ada@acme.io");

        AssertError(await InviteAsync("ada@acme.io"), 400, "duplicate_member_email");
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Invite_OrganizationEmailInvitesNotAllowed_Returns400InvalidEmailForInvites()
    {
        await CreateJitOrganizationAsync();

        AssertError(await InviteAsync("bob@acme.io"), 400, "invalid_email_for_invites");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task Invite_UnknownInviter_Returns404MemberNotFound()
    {
        await CreateInvitingOrganizationAsync();

        var response = await InviteAsync("bob@acme.io", new() { ["invited_by_member_id"] = "member-test-00000000-0000-4000-8000-000000000000" });

        AssertError(response, 404, "member_not_found");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task Invite_ExpirationOutside5To10080_Returns400InvalidExpiration()
    {
        await CreateInvitingOrganizationAsync();

        AssertError(await InviteAsync("bob@acme.io", new() { ["invite_expiration_minutes"] = 10081 }), 400, "invalid_expiration");
    }

    [Test]
    public async Task Invite_MetadataNotAnObject_Returns400BadRequest()
    {
        await CreateInvitingOrganizationAsync();

        AssertError(await InviteAsync("bob@acme.io", new() { ["trusted_metadata"] = "text" }), 400, "bad_request");
    }
}
