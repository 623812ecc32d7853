namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>
/// The B2B password calls of the Node SDK (b2b_passwords.mjs): migrate, authenticate, the strength check, a reset by
/// email end to end, discovery authenticate and exchange, and an MFA organization's intermediate session.
/// </summary>
public sealed partial class NodeSdkTests
{
    private ScriptRun _b2bPasswords = ScriptRun.NotRun;

    [OneTimeSetUp]
    public async Task RunB2BPasswordsSdkAsync() => _b2bPasswords = await RunScriptAsync("b2b_passwords.mjs");

    [Test]
    public void B2BPasswordsAuthenticate_MigratedPassword_ReturnsAMemberSessionWithAPasswordFactor()
    {
        var migrated = Ok(_b2bPasswords, "migrate");
        var value = Ok(_b2bPasswords, "authenticate");

        Assert.Multiple(() =>
        {
            Assert.That(migrated["member_created"]!.GetValue<bool>(), Is.True);
            Assert.That(migrated["member_password_id"]!.GetValue<string>(), Does.StartWith("password-test-"));
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_id"]!.GetValue<string>(), Is.EqualTo(migrated["member_id"]!.GetValue<string>()));
            Assert.That(value["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["factors"]!.ToJsonString(), Is.EqualTo("""[{"type":"password","delivery_method":"knowledge"}]"""));
        });
    }

    [Test]
    public void B2BPasswordsAuthenticate_WrongPassword_ThrowsStytchErrorUnauthorizedCredentials() =>
        AssertStytchError(_b2bPasswords, "error_authenticate_wrong_password", 401, "unauthorized_credentials");

    [Test]
    public void B2BPasswordsStrengthCheck_StrongAndWeak_ReportScoresAndFeedback()
    {
        var strong = Ok(_b2bPasswords, "strength_check_strong");
        var weak = Ok(_b2bPasswords, "strength_check_weak");

        Assert.Multiple(() =>
        {
            Assert.That(strong["valid_password"]!.GetValue<bool>(), Is.True);
            Assert.That(strong["score"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(strong["strength_policy"]!.GetValue<string>(), Is.EqualTo("zxcvbn"));
            Assert.That(weak["valid_password"]!.GetValue<bool>(), Is.False);
            Assert.That(weak["breached_password"]!.GetValue<bool>(), Is.True);
            Assert.That(weak["warning"]!.GetValue<string>(), Is.Not.Empty);
        });
    }

    [Test]
    public void B2BPasswordsEmailReset_TokenFromTheOutbox_SetsTheNewPasswordAndLogsIn()
    {
        var started = Ok(_b2bPasswords, "email_reset_start");
        var reset = Ok(_b2bPasswords, "email_reset");

        Assert.Multiple(() =>
        {
            Assert.That(started["kind"]!.GetValue<string>(), Is.EqualTo("password_reset"));
            Assert.That(started["link"]!.GetValue<string>(), Does.Contain("stytch_token_type=multi_tenant_passwords"));
            Assert.That(reset["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(reset["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(reset["factors"]!.AsArray().Single()!["type"]!.GetValue<string>(), Is.EqualTo("password"));
            Assert.That(Ok(_b2bPasswords, "authenticate_new_password")["member_authenticated"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void B2BPasswordsEmailReset_TokenUsedTwice_ThrowsStytchErrorUnableToAuthPasswordResetToken() =>
        AssertStytchError(_b2bPasswords, "error_email_reset_token_reused", 401, "unable_to_auth_password_reset_token");

    [Test]
    public void B2BPasswordsAuthenticate_OldPasswordAfterReset_ThrowsStytchErrorUnauthorizedCredentials() =>
        AssertStytchError(_b2bPasswords, "error_authenticate_old_password", 401, "unauthorized_credentials");

    [Test]
    public void B2BPasswordsDiscoveryAuthenticate_ThenExchange_LogsInWithThePasswordFactor()
    {
        var memberId = Ok(_b2bPasswords, "migrate")["member_id"]!.GetValue<string>();
        var discovered = Ok(_b2bPasswords, "discovery_authenticate");
        var exchanged = Ok(_b2bPasswords, "discovery_exchange");

        Assert.Multiple(() =>
        {
            Assert.That(discovered["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(discovered["intermediate_session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(discovered["organization_ids"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(exchanged["member_id"]!.GetValue<string>(), Is.EqualTo(memberId));
            Assert.That(exchanged["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(exchanged["factors"]!.ToJsonString(), Is.EqualTo("""[{"type":"password","delivery_method":"knowledge"}]"""));
        });
    }

    [Test]
    public void B2BPasswordsAuthenticate_OrganizationRequiresMfa_ReturnsAnIntermediateSession()
    {
        var value = Ok(_b2bPasswords, "authenticate_mfa_required");

        Assert.Multiple(() =>
        {
            Assert.That(value["member_authenticated"]!.GetValue<bool>(), Is.False);
            Assert.That(value["intermediate_session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["session_token"]!.GetValue<string>(), Is.Empty);
            Assert.That(value["member_session"], Is.Null);
        });
    }
}
