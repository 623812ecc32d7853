namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>
/// The consumer password calls of the Node SDK (passwords.mjs): create, authenticate, a wrong password, strength checks,
/// a reset by email end to end (start, the outbox's token, reset, the new password), and migrate.
/// </summary>
public sealed partial class NodeSdkTests
{
    private ScriptRun _passwords = ScriptRun.NotRun;

    [OneTimeSetUp]
    public async Task RunPasswordsSdkAsync() => _passwords = await RunScriptAsync("passwords.mjs");

    [Test]
    public void PasswordsCreate_StrongPasswordWithSession_ReturnsTheUserAndAPasswordSession()
    {
        var value = Ok(_passwords, "passwords_create");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["email_id"]!.GetValue<string>(), Does.Match(Wire.WireShapes.EmailId()));
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["factors"]!.ToJsonString(), Is.EqualTo("""[{"type":"password","delivery_method":"knowledge"}]"""));
            Assert.That(value["password_id"]!.GetValue<string>(), Does.StartWith("password-test-"));
        });
    }

    [Test]
    public void PasswordsCreate_WeakPassword_ThrowsStytchErrorWeakPassword()
    {
        AssertStytchError(_passwords, "passwords_create_weak", 400, "weak_password");
    }

    [Test]
    public void PasswordsAuthenticate_RightPassword_ReturnsTheUsersPasswordSession()
    {
        var value = Ok(_passwords, "passwords_authenticate");

        Assert.Multiple(() =>
        {
            Assert.That(value["user_id"]!.GetValue<string>(), Is.EqualTo(Ok(_passwords, "passwords_create")["user_id"]!.GetValue<string>()));
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["factors"]!.AsArray().Select(f => f!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "password" }));
        });
    }

    [Test]
    public void PasswordsAuthenticate_WrongPassword_ThrowsStytchErrorUnauthorizedCredentials()
    {
        AssertStytchError(_passwords, "passwords_authenticate_wrong", 401, "unauthorized_credentials");
    }

    [Test]
    public void PasswordsStrengthCheck_CommonPassword_IsInvalidWithZxcvbnFeedback()
    {
        var value = Ok(_passwords, "passwords_strength_check_weak");

        Assert.Multiple(() =>
        {
            Assert.That((value["valid_password"]!.GetValue<bool>(), value["score"]!.GetValue<int>()), Is.EqualTo((false, 0)));
            Assert.That(value["strength_policy"]!.GetValue<string>(), Is.EqualTo("zxcvbn"));
            Assert.That(value["warning"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(value["suggestions"]!.AsArray(), Is.Not.Empty);
        });
    }

    [Test]
    public void PasswordsStrengthCheck_StrongPasswordWithEmail_IsValidAndNotBreached()
    {
        var value = Ok(_passwords, "passwords_strength_check_strong");

        Assert.That((value["valid_password"]!.GetValue<bool>(), value["breached_password"]!.GetValue<bool>()), Is.EqualTo((true, false)));
        Assert.That(value["score"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void PasswordsEmailResetStart_KnownEmail_SendsAResetLinkToTheOutbox()
    {
        var start = Ok(_passwords, "passwords_reset_start");
        var message = Ok(_passwords, "passwords_reset_outbox");
        var token = message["token"]!.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(start["user_id"]!.GetValue<string>(), Is.EqualTo(Ok(_passwords, "passwords_create")["user_id"]!.GetValue<string>()));
            Assert.That(message["kind"]!.GetValue<string>(), Is.EqualTo("password_reset"));
            Assert.That(message["link"]!.GetValue<string>(), Is.EqualTo("http://localhost:3000/authenticate?stytch_token_type=reset_password&token=" + token));
        });
    }

    [Test]
    public void PasswordsEmailReset_TokenFromTheOutbox_SetsTheNewPasswordAndStartsASession()
    {
        var value = Ok(_passwords, "passwords_reset");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["factors"]!.AsArray().Select(f => f!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "password" }));
            Assert.That(Ok(_passwords, "passwords_authenticate_new_after_reset")["status_code"]!.GetValue<int>(), Is.EqualTo(200));
        });
    }

    [Test]
    public void PasswordsAuthenticate_OldPasswordAfterAReset_ThrowsStytchErrorUnauthorizedCredentials()
    {
        AssertStytchError(_passwords, "passwords_authenticate_old_after_reset", 401, "unauthorized_credentials");
    }

    [Test]
    public void PasswordsEmailReset_UsedToken_ThrowsStytchErrorUnableToAuthPasswordResetToken()
    {
        AssertStytchError(_passwords, "passwords_reset_reused_token", 401, "unable_to_auth_password_reset_token");
    }

    [Test]
    public void PasswordsMigrate_Md5HashOfANewEmail_CreatesTheUserWhoThenLogsIn()
    {
        var migrated = Ok(_passwords, "passwords_migrate");
        var login = Ok(_passwords, "passwords_authenticate_migrated");

        Assert.Multiple(() =>
        {
            Assert.That((migrated["user_created"]!.GetValue<bool>(), migrated["verified"]!.GetValue<bool>()), Is.EqualTo((true, true)));
            Assert.That(migrated["first_name"]!.GetValue<string>(), Is.EqualTo("Ada"));
            Assert.That(login["user_id"]!.GetValue<string>(), Is.EqualTo(migrated["user_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public void PasswordsCalls_RequestLog_ShowsNoIgnoredFields()
    {
        Assert.That(Ok(_passwords, "request_log")["ignored"]!.AsArray(), Is.Empty);
    }
}
