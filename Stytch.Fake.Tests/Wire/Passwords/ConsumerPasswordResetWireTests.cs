using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Wire.Passwords;

/// <summary>Consumer password resets over loopback HTTP: by email link, by the existing password, by a recent session.</summary>
public sealed class ConsumerPasswordResetWireTests : FakeWireTest
{
    private const string Strong = ConsumerPasswordWireTests.Strong;
    private const string NewPassword = "another-Quiet-lantern-71";
    private const string StartPath = "/v1/passwords/email/reset/start";
    private const string ResetPath = "/v1/passwords/email/reset";
    private const string ExistingPath = "/v1/passwords/existing_password/reset";
    private const string SessionResetPath = "/v1/passwords/session/reset";

    private async Task<WireResult> CreateAsync(int? minutes = null)
    {
        var response = await Client.PostAsync("/v1/passwords", new { email = "ada@example.com", password = Strong, session_duration_minutes = minutes });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response;
    }

    private async Task<string> ResetTokenAsync(object? body = null)
    {
        var response = await Client.PostAsync(StartPath, body ?? new { email = "ada@example.com" });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return Stytch.Outbox.LatestFor("ada@example.com").Token!;
    }

    private Task<WireResult> LoginAsync(string password) =>
        Client.PostAsync("/v1/passwords/authenticate", new { email = "ada@example.com", password });

    // ---- reset by email ------------------------------------------------------------------------------------

    [Test]
    public async Task ResetStart_AKnownEmail_PutsAPasswordResetLinkInTheOutbox()
    {
        var created = await CreateAsync();

        var response = await Client.PostAsync(StartPath, new { email = "ada@example.com" });

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "email_id", "status_code")));
        Assert.That(response["user_id"], Is.EqualTo(created["user_id"]));
        Assert.That((message.Kind, message.ExpiresAt), Is.EqualTo((MessageKind.PasswordReset, Start.AddMinutes(30))));
        Assert.That(message.Link, Is.EqualTo("http://localhost:3000/authenticate?stytch_token_type=reset_password&token=" + message.Token));
    }

    [Test]
    public async Task ResetStart_TheProjectsResetUrl_IsWhereTheLinkLeads()
    {
        await CreateAsync();
        Stytch.RedirectUrls.Add(new RedirectUrl("https://app.example/reset", RedirectUrlType.ResetPassword, IsDefault: true));
        Stytch.RedirectUrls.Add(new RedirectUrl("https://app.example/login", RedirectUrlType.Login, IsDefault: true));

        await Client.PostAsync(StartPath, new { email = "ada@example.com", reset_password_expiration_minutes = 10 });

        var message = Stytch.Outbox.LatestFor("ada@example.com");
        Assert.That(message.Link, Does.StartWith("https://app.example/reset?stytch_token_type=reset_password&token="));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(10)));
    }

    [Test]
    public async Task ResetStart_AnUnknownEmail_Returns404EmailNotFound()
    {
        var response = await Client.PostAsync(StartPath, new { email = "nobody@example.com" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "email_not_found")));
    }

    [TestCase(4)]
    [TestCase(10_081)]
    public async Task ResetStart_ExpirationOutOfRange_Returns400InvalidExpiration(int minutes)
    {
        await CreateAsync();

        var response = await Client.PostAsync(StartPath, new { email = "ada@example.com", reset_password_expiration_minutes = minutes });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "invalid_expiration")));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task ResetStart_AResetUrlNotInTheProjectsList_Returns400AndSendsNothing()
    {
        await CreateAsync();

        var response = await Client.PostAsync(StartPath, new { email = "ada@example.com", reset_password_redirect_url = "https://elsewhere.example/reset" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, RedirectUrlFields.ResetPassword.NotAllowed.ErrorType)));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Reset_TheToken_SetsTheNewPasswordAndStartsASession()
    {
        await CreateAsync();
        var token = await ResetTokenAsync();

        var response = await Client.PostAsync(ResetPath, new { token, password = NewPassword, session_duration_minutes = 60 });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "session_token", "session_jwt", "user", "session", "status_code")));
        Assert.That(response["session_token"], Is.Not.Empty);
        Assert.That((await LoginAsync(NewPassword)).Status, Is.EqualTo(200));
        Assert.That((await LoginAsync(Strong)).ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task Reset_TheSameTokenTwice_Returns401TheSecondTime()
    {
        await CreateAsync();
        var token = await ResetTokenAsync();
        await Client.PostAsync(ResetPath, new { token, password = NewPassword });

        var response = await Client.PostAsync(ResetPath, new { token, password = "yet-another-Brisk-harbor-19" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((401, "unable_to_auth_password_reset_token")));
    }

    [Test]
    public async Task Reset_AfterTheTokenExpiresOnTheClock_Returns401()
    {
        await CreateAsync();
        var token = await ResetTokenAsync();
        Time.Advance(TimeSpan.FromMinutes(30));

        var response = await Client.PostAsync(ResetPath, new { token, password = NewPassword });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((401, "unable_to_auth_password_reset_token")));
    }

    [Test]
    public async Task Reset_AWeakNewPassword_Returns400AndLeavesTheTokenUsable()
    {
        await CreateAsync();
        var token = await ResetTokenAsync();

        var weak = await Client.PostAsync(ResetPath, new { token, password = "password" });
        var strong = await Client.PostAsync(ResetPath, new { token, password = NewPassword });

        Assert.That((weak.Status, weak.ErrorType), Is.EqualTo((400, "weak_password")));
        Assert.That(strong.Status, Is.EqualTo(200), strong.Text);
    }

    [Test]
    public async Task Reset_RevokesTheUsersSessions()
    {
        var created = await CreateAsync(minutes: 60);
        var token = await ResetTokenAsync();

        await Client.PostAsync(ResetPath, new { token, password = NewPassword });

        var old = await Client.PostAsync("/v1/sessions/authenticate", new { session_token = created["session_token"] });
        Assert.That((old.Status, old.ErrorType), Is.EqualTo((404, "session_not_found")));
    }

    [Test]
    public async Task Reset_WithPkce_RequiresTheVerifier()
    {
        const string Verifier = "a-verifier-of-forty-three-characters-or-more-1234";
        await CreateAsync();
        var token = await ResetTokenAsync(new { email = "ada@example.com", code_challenge = Pkce.ChallengeOf(Verifier) });

        var without = await Client.PostAsync(ResetPath, new { token, password = NewPassword });
        var with = await Client.PostAsync(ResetPath, new { token, password = NewPassword, code_verifier = Verifier });

        Assert.That(without.ErrorType, Is.EqualTo("pkce_expected_code_verifier"));
        Assert.That(with.Status, Is.EqualTo(200), with.Text);
    }

    [Test]
    public async Task Reset_UnlocksALockedUser()
    {
        await CreateAsync();
        for (var i = 0; i < 10; i++)
        {
            await LoginAsync("wrong" + i);
        }

        var token = await ResetTokenAsync();
        await Client.PostAsync(ResetPath, new { token, password = NewPassword });

        Assert.That((await LoginAsync(NewPassword)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Reset_ABreachedPasswordUser_CanLogInAgainAfterTheReset()
    {
        await CreateAsync();
        Stytch.DefaultProject.Passwords.AddBreached(Strong);
        Assert.That((await LoginAsync(Strong)).ErrorType, Is.EqualTo("reset_password"));

        var token = await ResetTokenAsync();
        await Client.PostAsync(ResetPath, new { token, password = NewPassword });

        Assert.That((await LoginAsync(NewPassword)).Status, Is.EqualTo(200));
    }

    // ---- reset with the existing password ----------------------------------------------------------------------

    [Test]
    public async Task ExistingPasswordReset_TheRightExistingPassword_SetsTheNewOne()
    {
        await CreateAsync();

        var response = await Client.PostAsync(ExistingPath, new { email = "ada@example.com", existing_password = Strong, new_password = NewPassword, session_duration_minutes = 5 });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["session"]!["authentication_factors"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("password"));
        Assert.That((await LoginAsync(NewPassword)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task ExistingPasswordReset_AWrongExistingPassword_Returns401AndKeepsTheOldOne()
    {
        await CreateAsync();

        var response = await Client.PostAsync(ExistingPath, new { email = "ada@example.com", existing_password = "wrong", new_password = NewPassword });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((401, "unauthorized_credentials")));
        Assert.That((await LoginAsync(Strong)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task ExistingPasswordReset_TheSamePassword_Returns400CannotResetPasswordWithExistingPassword()
    {
        await CreateAsync();

        var response = await Client.PostAsync(ExistingPath, new { email = "ada@example.com", existing_password = Strong, new_password = Strong });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "cannot_reset_password_with_existing_password")));
    }

    [Test]
    public async Task ExistingPasswordReset_AWeakNewPassword_Returns400WeakPassword()
    {
        await CreateAsync();

        var response = await Client.PostAsync(ExistingPath, new { email = "ada@example.com", existing_password = Strong, new_password = "qwerty" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "weak_password")));
    }

    // ---- reset with a session ------------------------------------------------------------------------------------

    [Test]
    public async Task SessionReset_AFreshPasswordSession_SetsTheNewPasswordAndKeepsTheSession()
    {
        var created = await CreateAsync(minutes: 60);

        var response = await Client.PostAsync(SessionResetPath, new { password = NewPassword, session_token = created["session_token"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["session_token"], Is.EqualTo(created["session_token"]));
        Assert.That((await LoginAsync(NewPassword)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task SessionReset_BySessionJwt_Works()
    {
        var created = await CreateAsync(minutes: 60);

        var response = await Client.PostAsync(SessionResetPath, new { password = NewPassword, session_jwt = created["session_jwt"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task SessionReset_ASessionOlderThanFiveMinutes_Returns400SessionTooOldToResetPassword()
    {
        var created = await CreateAsync(minutes: 60);
        Time.Advance(TimeSpan.FromMinutes(6));

        var response = await Client.PostAsync(SessionResetPath, new { password = NewPassword, session_token = created["session_token"] });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "session_too_old_to_reset_password")));
        Assert.That((await LoginAsync(Strong)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task SessionReset_RevokesTheUsersOtherSessions()
    {
        var created = await CreateAsync(minutes: 60);
        var other = await Client.PostAsync("/v1/passwords/authenticate", new { email = "ada@example.com", password = Strong, session_duration_minutes = 60 });

        await Client.PostAsync(SessionResetPath, new { password = NewPassword, session_token = created["session_token"] });

        var old = await Client.PostAsync("/v1/sessions/authenticate", new { session_token = other["session_token"] });
        Assert.That((old.Status, old.ErrorType), Is.EqualTo((404, "session_not_found")));
    }

    [Test]
    public async Task SessionReset_ARevokedSession_Returns404SessionNotFound()
    {
        var created = await CreateAsync(minutes: 60);
        await Client.PostAsync("/v1/sessions/revoke", new { session_token = created["session_token"] });

        var response = await Client.PostAsync(SessionResetPath, new { password = NewPassword, session_token = created["session_token"] });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "session_not_found")));
    }
}
