using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Wire.B2B.Passwords;

/// <summary>The B2B password resets (by email, by existing password, by session) and the strength check over loopback HTTP.</summary>
public sealed class B2BPasswordResetWireTests : B2BPasswordWireTest
{
    private async Task<string> ResetTokenAsync(string org, string email = "ada@acme.io")
    {
        var started = await Client.PostAsync(ResetStartPath, new { organization_id = org, email_address = email });
        Assert.That(started.Status, Is.EqualTo(200), started.Text);
        return Stytch.Outbox.LatestFor(email, MessageKind.PasswordReset).Token!;
    }

    [Test]
    public async Task ResetStart_Member_SendsAResetLinkOnTheResetRedirectUrl()
    {
        var org = await OrganizationAsync();
        var member = await MemberWithPasswordAsync(org);

        var response = await Client.PostAsync(ResetStartPath, new { organization_id = org, email_address = "ada@acme.io", reset_password_expiration_minutes = 45 });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["member_id"], Is.EqualTo(Str(member["member_id"])));
        Assert.That(response["member_email_id"], Is.Not.Empty);
        var message = Stytch.Outbox.LatestFor("ada@acme.io", MessageKind.PasswordReset);
        Assert.That(message.Token, Is.Not.Empty);
        Assert.That(message.Link, Does.StartWith(RedirectUrls.FreshProjectDefault + "?"));
        Assert.That(message.Link, Does.Contain("stytch_token_type=multi_tenant_passwords"));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(45)));
    }

    [Test]
    public async Task ResetStart_UnknownEmail_Returns404MemberNotFound()
    {
        var org = await OrganizationAsync();

        AssertError(await Client.PostAsync(ResetStartPath, new { organization_id = org, email_address = "nobody@acme.io" }), 404, "member_not_found");
    }

    [Test]
    public async Task ResetStart_UnlistedRedirectUrl_Returns400()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await Client.PostAsync(ResetStartPath, new { organization_id = org, email_address = "ada@acme.io", reset_password_redirect_url = "https://elsewhere.example/" });

        AssertError(response, 400, "no_match_for_provided_magic_link_url");
    }

    [Test]
    public async Task EmailReset_Token_SetsThePasswordAndLogsTheMemberIn()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var token = await ResetTokenAsync(org);

        var response = await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["organization_id"], Is.EqualTo(org));
        Assert.That(response["session_token"], Is.Not.Empty);
        Assert.That((await PasswordLoginAsync(org, "ada@acme.io", NewPassword)).Status, Is.EqualTo(200));
        AssertError(await PasswordLoginAsync(org, "ada@acme.io", Password), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task EmailReset_MemberWithoutPassword_GetsOneAndTheirIdShows()
    {
        var org = await OrganizationAsync();
        await CreateMemberAsync(org, "ada@acme.io");
        var token = await ResetTokenAsync(org);

        var response = await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["member_password_id"]), Does.StartWith("password-test-"));
    }

    [Test]
    public async Task EmailReset_TokenUsedTwice_Returns401()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var token = await ResetTokenAsync(org);
        await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword });

        var again = await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword + "2" });

        AssertError(again, 401, "unable_to_auth_password_reset_token");
    }

    [Test]
    public async Task EmailReset_ExpiredToken_Returns401()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var token = await ResetTokenAsync(org);
        Stytch.Clock.Advance(TimeSpan.FromMinutes(30));

        AssertError(await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword }), 401, "unable_to_auth_password_reset_token");
    }

    [Test]
    public async Task EmailReset_WeakPassword_Returns400AndLeavesTheTokenUsable()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var token = await ResetTokenAsync(org);

        AssertError(await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = "password" }), 400, "weak_password");
        Assert.That((await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task EmailReset_RevokesTheMembersOtherSessions()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var before = await PasswordLoginAsync(org, "ada@acme.io", Password);
        var token = await ResetTokenAsync(org);

        await Client.PostAsync(EmailResetPath, new { password_reset_token = token, password = NewPassword });

        AssertError(await Client.PostAsync(SessionsAuthenticatePath, new { session_token = before["session_token"] }), 404, "session_not_found");
    }

    [Test]
    public async Task ExistingReset_RightPassword_SetsTheNewOneAndStartsASession()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await Client.PostAsync(ExistingResetPath, new { organization_id = org, email_address = "ada@acme.io", existing_password = Password, new_password = NewPassword });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["session_token"], Is.Not.Empty);
        Assert.That((await PasswordLoginAsync(org, "ada@acme.io", NewPassword)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task ExistingReset_WrongExistingPassword_Returns401()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await Client.PostAsync(ExistingResetPath, new { organization_id = org, email_address = "ada@acme.io", existing_password = "wrong", new_password = NewPassword });

        AssertError(response, 401, "unauthorized_credentials");
    }

    [Test]
    public async Task ExistingReset_SamePassword_Returns400()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await Client.PostAsync(ExistingResetPath, new { organization_id = org, email_address = "ada@acme.io", existing_password = Password, new_password = Password });

        AssertError(response, 400, "cannot_reset_password_with_existing_password");
    }

    [Test]
    public async Task SessionReset_FreshSession_SetsThePasswordAndKeepsTheSession()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var login = await PasswordLoginAsync(org, "ada@acme.io", Password);

        var response = await Client.PostAsync(SessionResetPath, new { organization_id = org, password = NewPassword, session_token = login["session_token"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["session_token"], Is.EqualTo(login["session_token"]));
        Assert.That((await PasswordLoginAsync(org, "ada@acme.io", NewPassword)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task SessionReset_SessionOlderThanFiveMinutes_Returns400()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var login = await PasswordLoginAsync(org, "ada@acme.io", Password);
        Stytch.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await Client.PostAsync(SessionResetPath, new { organization_id = org, password = NewPassword, session_token = login["session_token"] });

        AssertError(response, 400, "session_too_old_to_reset_password");
    }

    [Test]
    public async Task SessionReset_NoSession_Returns400NoSessionArguments()
    {
        var org = await OrganizationAsync();

        AssertError(await Client.PostAsync(SessionResetPath, new { organization_id = org, password = NewPassword }), 400, "no_session_arguments");
    }

    [Test]
    public async Task StrengthCheck_StrongPassword_IsValidWithScoreFour()
    {
        var response = await Client.PostAsync(StrengthPath, new { password = Password });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["valid_password"]!.GetValue<bool>(), Is.True);
        Assert.That(response.Json["score"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(response["strength_policy"], Is.EqualTo("zxcvbn"));
    }

    [Test]
    public async Task StrengthCheck_WeakPassword_IsInvalidWithFeedback()
    {
        var response = await Client.PostAsync(StrengthPath, new { password = "qwerty" });

        Assert.That(response.Json["valid_password"]!.GetValue<bool>(), Is.False);
        Assert.That(Str(response.Json["zxcvbn_feedback"]!["warning"]), Is.Not.Empty);
    }

    [Test]
    public async Task StrengthCheck_BreachedPasswordWithEmail_IsBreached()
    {
        var response = await Client.PostAsync(StrengthPath, new { password = "correct horse battery staple", email_address = "ada@acme.io" });

        Assert.That(response.Json["breached_password"]!.GetValue<bool>(), Is.True);
        Assert.That(response.Json["valid_password"]!.GetValue<bool>(), Is.False);
    }
}
