namespace Stytch.Fake.Tests.Wire.B2B.Discovery;

/// <summary><c>POST /v1/b2b/discovery/intermediate_sessions/exchange</c> over loopback HTTP.</summary>
public sealed class DiscoveryExchangeWireTests : DiscoveryWireTest
{
    private const string ExchangePath = "/v1/b2b/discovery/intermediate_sessions/exchange";
    private const string Phone = "+14155550123";

    private Task<WireResult> ExchangeAsync(string? ist, string organization, Dictionary<string, object?>? extra = null) =>
        Client.PostAsync(ExchangePath, new Dictionary<string, object?>(extra ?? []) { ["intermediate_session_token"] = ist, ["organization_id"] = organization });

    [Test]
    public async Task Exchange_ActiveMember_Returns200AMemberSessionWithTheMembersEmailOtpFactor()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        var member = await CreateMemberAsync("acme", "ada@acme.io");

        var response = await ExchangeAsync(await IntermediateSessionAsync("ada@acme.io"), "acme");

        var factor = response.Json["member_session"]!["authentication_factors"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(response["intermediate_session_token"], Is.Empty);
            Assert.That(response["member_id"], Is.EqualTo(Str(member["member_id"])));
            Assert.That(response["session_token"], Has.Length.EqualTo(44));
            Assert.That(Str(factor["type"]), Is.EqualTo("otp"));
            Assert.That(Str(factor["email_factor"]!["email_id"]), Is.EqualTo(Stytch.DefaultProject.B2B.Members.All.Single().EmailId));
            Assert.That(Str(factor["email_factor"]!["email_address"]), Is.EqualTo("ada@acme.io"));
            Assert.That(Str(response.Json["member_session"]!["expires_at"]), Is.EqualTo("2030-01-02T04:04:05Z"));
        });
    }

    [Test]
    public async Task Exchange_SessionToken_IsAcceptedBySessionsAuthenticate()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io");
        var exchanged = await ExchangeAsync(await IntermediateSessionAsync("ada@acme.io"), "acme");

        var session = await Client.PostAsync(SessionsAuthenticatePath, new { session_token = exchanged["session_token"] });

        Assert.That(session.Status, Is.EqualTo(200), session.Text);
        Assert.That(Str(session.Json["member_session"]!["member_id"]), Is.EqualTo(exchanged["member_id"]));
    }

    [Test]
    public async Task Exchange_DurationAndClaims_AreTheNewSessions()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io");

        var response = await ExchangeAsync(await IntermediateSessionAsync("ada@acme.io"), "acme", new() { ["session_duration_minutes"] = 30, ["session_custom_claims"] = new { tier = "gold" } });

        Assert.That(Str(response.Json["member_session"]!["expires_at"]), Is.EqualTo("2030-01-02T03:34:05Z"));
        Assert.That(Str(response.Json["member_session"]!["custom_claims"]!["tier"]), Is.EqualTo("gold"));
    }

    [Test]
    public async Task Exchange_InvitedMember_MakesTheMemberActiveAndVerified()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        var invite = await Client.PostAsync("/v1/b2b/magic_links/email/invite", new { organization_id = "acme", email_address = "ada@acme.io" });
        Assert.That(invite.Status, Is.EqualTo(200), invite.Text);

        var response = await ExchangeAsync(await IntermediateSessionAsync("ada@acme.io"), "acme");

        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("active"));
        Assert.That(response.Json["member"]!["email_address_verified"]!.GetValue<bool>(), Is.True);
        Assert.That(Stytch.DefaultProject.B2B.Members.All.Single().Status, Is.EqualTo("active"));
    }

    [Test]
    public async Task Exchange_OrganizationJoinableByDomain_JitProvisionsAnActiveMember()
    {
        await CreateJoinableOrganizationAsync();

        var response = await ExchangeAsync(await IntermediateSessionAsync("ada@acme.io"), "acme");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["email_address"]), Is.EqualTo("ada@acme.io"));
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("active"));
        Assert.That(Stytch.DefaultProject.B2B.Members.All.Select(m => m.EmailAddress), Is.EquivalentTo(new[] { "boss@acme.io", "ada@acme.io" }));
    }

    [Test]
    public async Task Exchange_OrganizationWithoutJit_Returns400AndCreatesNoMember()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });

        var response = await ExchangeAsync(await IntermediateSessionAsync("ada@acme.io"), "acme");

        AssertError(response, 400, "email_jit_provisioning_not_allowed");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task Exchange_JitOrganizationWithNoVerifiedColleague_Returns400InvalidEmailForJitProvisioning()
    {
        await CreateJitOrganizationAsync();

        AssertError(await ExchangeAsync(await IntermediateSessionAsync("ada@acme.io"), "acme"), 400, "invalid_email_for_jit_provisioning");
    }

    [Test]
    public async Task Exchange_SameIntermediateSessionTwice_SecondReturns404IntermediateSessionNotFound()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io");
        var ist = await IntermediateSessionAsync("ada@acme.io");
        await ExchangeAsync(ist, "acme");

        AssertError(await ExchangeAsync(ist, "acme"), 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task Exchange_RefusedJit_LeavesTheIntermediateSessionUsable()
    {
        await CreateOrganizationAsync(new { organization_name = "Closed", organization_slug = "closed" });
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io");
        var ist = await IntermediateSessionAsync("ada@acme.io");
        await ExchangeAsync(ist, "closed");

        var response = await ExchangeAsync(ist, "acme");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Exchange_OrganizationRequiringMfa_AnswersAnIntermediateSessionWithMfaRequiredAndSendsTheSmsCode()
    {
        await CreateOrganizationAsync(new { organization_name = "Secure", organization_slug = "secure", mfa_policy = "REQUIRED_FOR_ALL" });
        var created = await Client.PostAsync($"{OrganizationsPath}/secure/members", new { email_address = "ada@acme.io", mfa_phone_number = Phone });
        Assert.That(created.Status, Is.EqualTo(200), created.Text);
        var ist = await IntermediateSessionAsync("ada@acme.io");

        var response = await ExchangeAsync(ist, "secure");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False);
            Assert.That(response["intermediate_session_token"], Is.EqualTo(ist));
            Assert.That(response["session_token"], Is.Empty);
            Assert.That(response.Json["member_session"], Is.Null);
            Assert.That(Str(response.Json["mfa_required"]!["member_options"]!["mfa_phone_number"]), Is.EqualTo(Phone));
            Assert.That(Str(response.Json["mfa_required"]!["secondary_auth_initiated"]), Is.EqualTo("sms_otp"));
            Assert.That(Stytch.Outbox.All.Count(m => m.Channel == DeliveryChannel.Sms && m.Kind == MessageKind.Mfa), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Exchange_UnknownOrganization_Returns404OrganizationNotFound() =>
        AssertError(await ExchangeAsync(await IntermediateSessionAsync("ada@acme.io"), "no-such-organization"), 404, "organization_not_found");

    [Test]
    public async Task Exchange_UnknownIntermediateSession_Returns404IntermediateSessionNotFound()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });

        AssertError(await ExchangeAsync("no-such-token", "acme"), 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task Exchange_NoIntermediateSession_Returns404IntermediateSessionNotFound()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });

        AssertError(await ExchangeAsync(null, "acme"), 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task Exchange_BadSessionDuration_Returns400InvalidSessionDurationMinutes()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });

        AssertError(await ExchangeAsync(await IntermediateSessionAsync("ada@acme.io"), "acme", new() { ["session_duration_minutes"] = 4 }), 400, "invalid_session_duration_minutes");
    }
}
