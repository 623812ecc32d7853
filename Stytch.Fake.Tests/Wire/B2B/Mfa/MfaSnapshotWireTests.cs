using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.B2B.Mfa;

/// <summary>
/// B2B MFA state in snapshots over loopback HTTP: intermediate sessions, TOTP registrations with their recovery codes,
/// and member sessions with SMS factors survive an export, a reset and an import.
/// </summary>
public sealed class MfaSnapshotWireTests : B2BWireTest
{
    private const string Phone = "+14155550123";

    private SeededOrganization _secure = null!;

    private string SnapshotPath => $"/_fake/v1/projects/{Stytch.ProjectId}/snapshot";

    [SetUp]
    public void SeedOrganization() =>
        _secure = Stytch.Seed.Organization(o => o.Slug("secure").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" }))
            .WithTotpMember("tess@acme.io").WithSmsMfaMember("sam@acme.io", Phone);

    /// <summary>An email OTP login into <c>secure</c> that stops at MFA; its answer.</summary>
    private async Task<WireResult> PrimaryAsync(string email)
    {
        Assert.That((await LoginOrSignupAsync("secure", email)).Status, Is.EqualTo(200));
        var primary = await AuthenticateOtpAsync("secure", email, Stytch.Outbox.LatestFor(email).Code);
        Assert.That(primary.Json["member_authenticated"]!.GetValue<bool>(), Is.False, primary.Text);
        return primary;
    }

    /// <summary>Exports the snapshot, resets the project and imports it again, asserting 200.</summary>
    private async Task RoundTripAsync()
    {
        var snapshot = (await Client.GetAsync(SnapshotPath)).Text;
        Stytch.Reset();
        var loaded = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot);
        Assert.That(loaded.Status, Is.EqualTo(200), loaded.Text);
    }

    [Test]
    public async Task Snapshot_IntermediateSessionAndTotpRegistration_FinishTheLoginAfterAnImport()
    {
        var tess = _secure.MemberFor("tess@acme.io").MemberId;
        var primary = await PrimaryAsync("tess@acme.io");
        await RoundTripAsync();

        var response = await Client.PostAsync("/v1/b2b/totp/authenticate", new
        {
            organization_id = "secure", member_id = tess, code = Stytch.DefaultProject.B2B.Totps.CodeFor("secure", tess),
            intermediate_session_token = primary["intermediate_session_token"],
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_session"]!["authentication_factors"]!.AsArray().Select(f => Str(f!["type"])), Is.EqualTo(new[] { "otp", "totp" }));
    }

    [Test]
    public async Task Snapshot_RecoveryCodes_AreTheSameAfterAnImport()
    {
        var tess = _secure.MemberFor("tess@acme.io").MemberId;
        var before = Stytch.DefaultProject.B2B.Totps.RecoveryCodesFor("secure", tess);

        await RoundTripAsync();

        Assert.That(Stytch.DefaultProject.B2B.Totps.RecoveryCodesFor("secure", tess), Is.EqualTo(before).And.Count.EqualTo(10));
    }

    [Test]
    public async Task Snapshot_EnrolledMembers_KeepTheirTotpRegistrationIdAndVerifiedPhone()
    {
        var before = Stytch.DefaultProject.B2B.Members.All.ToDictionary(m => m.EmailAddress, StringComparer.Ordinal);

        await RoundTripAsync();

        var after = Stytch.DefaultProject.B2B.Members.All.ToDictionary(m => m.EmailAddress, StringComparer.Ordinal);
        Assert.That(after["tess@acme.io"].TotpRegistrationId, Is.EqualTo(before["tess@acme.io"].TotpRegistrationId).And.Not.Empty);
        Assert.That(after["sam@acme.io"].MfaPhoneNumberVerified, Is.True);
    }

    [Test]
    public async Task Snapshot_DiscoveryIntermediateSession_ExchangesAfterAnImport()
    {
        Stytch.Seed.Organization(o => o.Slug("acme")).WithMember("ada@acme.io");
        await Client.PostAsync("/v1/b2b/otps/email/discovery/send", new { email_address = "ada@acme.io" });
        var discovered = await Client.PostAsync("/v1/b2b/otps/email/discovery/authenticate", new { email_address = "ada@acme.io", code = Stytch.Outbox.LatestFor("ada@acme.io").Code });
        await RoundTripAsync();

        var response = await Client.PostAsync("/v1/b2b/discovery/intermediate_sessions/exchange", new { intermediate_session_token = discovered["intermediate_session_token"], organization_id = "acme" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Snapshot_SessionWithAnSmsFactor_KeepsThePhoneFactorAfterAnImport()
    {
        var sam = _secure.MemberFor("sam@acme.io").MemberId;
        var primary = await PrimaryAsync("sam@acme.io");
        var sms = await Client.PostAsync("/v1/b2b/otps/sms/authenticate", new
        {
            organization_id = "secure", member_id = sam, code = Stytch.Outbox.All.Last(m => m.Channel == DeliveryChannel.Sms).Code,
            intermediate_session_token = primary["intermediate_session_token"],
        });
        Assert.That(sms.Status, Is.EqualTo(200), sms.Text);
        await RoundTripAsync();

        var session = await Client.PostAsync(SessionsAuthenticatePath, new { session_token = sms["session_token"] });

        Assert.That(session.Status, Is.EqualTo(200), session.Text);
        var factors = session.Json["member_session"]!["authentication_factors"]!.AsArray();
        Assert.That(factors.Select(f => Str(f!["delivery_method"])), Is.EqualTo(new[] { "email", "sms" }));
        Assert.That(Str(factors[1]!["phone_number_factor"]!["phone_number"]), Is.EqualTo(Phone));
        Assert.That(factors[1]!.AsObject().ContainsKey("email_factor"), Is.False);
    }

    [Test]
    public async Task Snapshot_MfaState_ExportsTheSameAfterAnImport()
    {
        await PrimaryAsync("tess@acme.io");
        var before = Stytch.DefaultProject.ExportSnapshot();

        await RoundTripAsync();

        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task PutSnapshot_TotpRegistrationOfAnUnknownMember_Is400AndChangesNothing()
    {
        var snapshot = JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject();
        snapshot["b2b"]!["totp_registrations"]!.AsArray()[0]!["member_id"] = "member-test-00000000-0000-4000-8000-000000000000";
        var before = Stytch.DefaultProject.ExportSnapshot();

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task PutSnapshot_IntermediateSessionBoundToAnOrganizationOnly_Is400()
    {
        await PrimaryAsync("tess@acme.io");
        var snapshot = JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject();
        snapshot["b2b"]!["intermediate_sessions"]!.AsArray()[0]!["member_id"] = null;

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
    }
}
