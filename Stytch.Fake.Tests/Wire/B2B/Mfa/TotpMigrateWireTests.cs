namespace Stytch.Fake.Tests.Wire.B2B.Mfa;

/// <summary><c>POST /v1/b2b/totp/migrate</c> over loopback HTTP: another system's TOTP secret and recovery codes, imported.</summary>
public sealed class TotpMigrateWireTests : B2BWireTest
{
    private const string MigratePath = "/v1/b2b/totp/migrate";

    /// <summary>A base32 secret as another system would hold it (RFC 4648 test vector "12345678901234567890").</summary>
    private const string Secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private SeededOrganization _acme = null!;

    [SetUp]
    public void SeedOrganization() => _acme = Stytch.Seed.Organization(o => o.Slug("acme").JitDomains("acme.io").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" }));

    private string Ada => _acme.WithMember("ada@acme.io").MemberFor("ada@acme.io").MemberId;

    [Test]
    public async Task Migrate_SecretAndCodes_AnswersTheRegistrationAndTheImportedCodes()
    {
        var ada = Ada;

        var response = await Client.PostAsync(MigratePath, new { organization_id = "acme", member_id = ada, secret = Secret, recovery_codes = new[] { "AAAA-BBBB-CCCC", "dddd-eeee-ffff" } });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "member_id", "member", "organization", "totp_registration_id", "recovery_codes")));
        Assert.That(response["totp_registration_id"], Does.StartWith("member-totp-test-"));
        Assert.That(Str(response.Json["member"]!["totp_registration_id"]), Is.EqualTo(response["totp_registration_id"]));
        Assert.That(response.Json["recovery_codes"]!.AsArray().Select(Str), Is.EqualTo(new[] { "aaaa-bbbb-cccc", "dddd-eeee-ffff" }));
    }

    [Test]
    public async Task Migrate_NoRecoveryCodes_MintsTen()
    {
        var response = await Client.PostAsync(MigratePath, new { organization_id = "acme", member_id = Ada, secret = Secret, recovery_codes = Array.Empty<string>() });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["recovery_codes"]!.AsArray(), Has.Count.EqualTo(10));
    }

    [Test]
    public async Task Migrate_ThenTotpAuthenticate_CodeOfTheImportedSecretFinishesTheLogin()
    {
        var ada = Ada;
        await Client.PostAsync(MigratePath, new { organization_id = "acme", member_id = ada, secret = Secret.ToLowerInvariant(), recovery_codes = Array.Empty<string>() });
        var primary = await LoginMemberAsync("acme", "ada@acme.io");
        var code = Stytch.B2B.Totps.CodeFor("acme", ada);

        var response = await Client.PostAsync("/v1/b2b/totp/authenticate", new { organization_id = "acme", member_id = ada, code, intermediate_session_token = primary["intermediate_session_token"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["session_token"], Is.Not.Empty);
        Assert.That(code, Is.EqualTo(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(Secret)).ComputeTotp(Stytch.Clock.Now.UtcDateTime)));
    }

    [Test]
    public async Task Migrate_ThenRecover_AnImportedCodeFinishesTheLogin()
    {
        var ada = Ada;
        await Client.PostAsync(MigratePath, new { organization_id = "acme", member_id = ada, secret = Secret, recovery_codes = new[] { "legacy-code-1" } });
        var primary = await LoginMemberAsync("acme", "ada@acme.io");

        var response = await Client.PostAsync("/v1/b2b/recovery_codes/recover", new { organization_id = "acme", member_id = ada, recovery_code = "legacy-code-1", intermediate_session_token = primary["intermediate_session_token"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["recovery_codes_remaining"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Migrate_MemberWithActiveRegistration_Answers400()
    {
        var ada = _acme.WithTotpMember("ada@acme.io").MemberFor("ada@acme.io").MemberId;

        var response = await Client.PostAsync(MigratePath, new { organization_id = "acme", member_id = ada, secret = Secret, recovery_codes = Array.Empty<string>() });

        AssertError(response, 400, "active_totp_exists");
    }

    [Test]
    public async Task Migrate_SecretNotBase32_Answers400AndRegistersNothing()
    {
        var ada = Ada;

        var response = await Client.PostAsync(MigratePath, new { organization_id = "acme", member_id = ada, secret = "not-a-secret!", recovery_codes = Array.Empty<string>() });

        AssertError(response, 400, "bad_request");
        Assert.That(Stytch.B2B.Members.Get("acme", ada).TotpRegistrationId, Is.Empty);
    }

    [Test]
    public async Task Migrate_EmptyRecoveryCode_Answers400()
    {
        var response = await Client.PostAsync(MigratePath, new { organization_id = "acme", member_id = Ada, secret = Secret, recovery_codes = new[] { "" } });

        AssertError(response, 400, "bad_request");
    }

    [Test]
    public async Task Migrate_UnknownMember_Answers404()
    {
        var response = await Client.PostAsync(MigratePath, new { organization_id = "acme", member_id = "member-test-00000000-0000-4000-8000-000000000000", secret = Secret, recovery_codes = Array.Empty<string>() });

        AssertError(response, 404, "member_not_found");
    }
}
