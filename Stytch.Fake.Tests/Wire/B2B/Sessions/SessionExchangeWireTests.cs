using Stytch.Fake.Tests.Wire.Sessions;

namespace Stytch.Fake.Tests.Wire.B2B.Sessions;

/// <summary><c>POST /v1/b2b/sessions/exchange</c> over loopback HTTP: a member session moved to another organization of the same email.</summary>
public sealed class SessionExchangeWireTests : B2BWireTest
{
    private const string ExchangePath = "/v1/b2b/sessions/exchange";
    private const string Phone = "+14155550123";
    private const string SmsAuthenticatePath = "/v1/b2b/otps/sms/authenticate";

    private SeededOrganization _alpha = null!;

    /// <summary>Organization <c>alpha</c>, where ada@acme.io is an active member.</summary>
    [SetUp]
    public void SeedAlpha() => _alpha = Stytch.Seed.Organization(o => o.Slug("alpha")).WithMember("ada@acme.io");

    /// <summary>A member session of ada@acme.io in <c>alpha</c> (one email OTP factor); its token.</summary>
    private string AlphaSessionToken() => Stytch.DefaultProject.B2B.Sessions.Mint("alpha", _alpha.MemberFor("ada@acme.io").MemberId).SessionToken;

    private Task<WireResult> ExchangeAsync(string organization, string? sessionToken, Dictionary<string, object?>? extra = null) =>
        Client.PostAsync(ExchangePath, new Dictionary<string, object?>(extra ?? []) { ["organization_id"] = organization, ["session_token"] = sessionToken });

    [Test]
    public async Task Exchange_MemberOfTheTargetOrganization_AnswersAMemberSessionThere()
    {
        var beta = Stytch.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");

        var response = await ExchangeAsync("beta", AlphaSessionToken());

        var session = response.Json["member_session"]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(response["intermediate_session_token"], Is.Empty);
            Assert.That(response["member_id"], Is.EqualTo(beta.MemberFor("ada@acme.io").MemberId));
            Assert.That(Str(session["organization_id"]), Is.EqualTo(beta.OrganizationId));
            Assert.That(Str(response.Json["organization"]!["organization_slug"]), Is.EqualTo("beta"));
            Assert.That(response.Json.ContainsKey("organization_id"), Is.False, "the exchange answer has no organization_id");
        });
    }

    [Test]
    public async Task Exchange_EmailFactor_NamesTheTargetMembersEmailId()
    {
        var beta = Stytch.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");

        var response = await ExchangeAsync("beta", AlphaSessionToken());

        var factor = response.Json["member_session"]!["authentication_factors"]!.AsArray().Single()!;
        Assert.That(Str(factor["type"]), Is.EqualTo("otp"));
        Assert.That(Str(factor["email_factor"]!["email_id"]), Is.EqualTo(beta.MemberFor("ada@acme.io").EmailId));
    }

    [Test]
    public async Task Exchange_NewSessionToken_IsAcceptedBySessionsAuthenticateInTheTargetOrganization()
    {
        var beta = Stytch.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");
        var exchanged = await ExchangeAsync("beta", AlphaSessionToken());

        var session = await Client.PostAsync(SessionsAuthenticatePath, new { session_token = exchanged["session_token"] });

        Assert.That(session.Status, Is.EqualTo(200), session.Text);
        Assert.That(Str(session.Json["member_session"]!["organization_id"]), Is.EqualTo(beta.OrganizationId));
    }

    [Test]
    public async Task Exchange_OriginalSession_StaysLive()
    {
        Stytch.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");
        var token = AlphaSessionToken();
        await ExchangeAsync("beta", token);

        var original = await Client.PostAsync(SessionsAuthenticatePath, new { session_token = token });

        Assert.That(original.Status, Is.EqualTo(200), original.Text);
        Assert.That(Str(original.Json["member_session"]!["organization_id"]), Is.EqualTo(_alpha.OrganizationId));
    }

    [Test]
    public async Task Exchange_SessionJwt_IsAccepted()
    {
        Stytch.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");
        var jwt = Stytch.DefaultProject.B2B.Sessions.Mint("alpha", _alpha.MemberFor("ada@acme.io").MemberId).SessionJwt;

        var response = await Client.PostAsync(ExchangePath, new { organization_id = "beta", session_jwt = jwt });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Exchange_DurationAndClaims_AreTheNewSessions()
    {
        Stytch.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");

        var response = await ExchangeAsync("beta", AlphaSessionToken(), new() { ["session_duration_minutes"] = 30, ["session_custom_claims"] = new { tier = "gold" } });

        Assert.That(Str(response.Json["member_session"]!["expires_at"]), Is.EqualTo("2030-01-02T03:34:05Z"));
        Assert.That(Str(response.Json["member_session"]!["custom_claims"]!["tier"]), Is.EqualTo("gold"));
    }

    [Test]
    public async Task Exchange_InvitedMember_AcceptsTheInvite()
    {
        Stytch.Seed.Organization(o => o.Slug("beta")).WithInvitedMember("ada@acme.io");

        var response = await ExchangeAsync("beta", AlphaSessionToken());

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("active"));
        Assert.That(Stytch.DefaultProject.B2B.Members.All.Single(m => m.OrganizationId != _alpha.OrganizationId).Status, Is.EqualTo("active"));
    }

    [Test]
    public async Task Exchange_NoMemberButJoinableByDomain_Returns404MemberNotFound()
    {
        Stytch.Seed.Organization(o => o.Slug("beta").JitDomains("acme.io")).WithMember("boss@acme.io");

        var response = await ExchangeAsync("beta", AlphaSessionToken());

        AssertError(response, 404, "member_not_found");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Has.Count.EqualTo(2), "no member is JIT provisioned");
    }

    [Test]
    public async Task Exchange_TargetRequiresMfa_AnswersMfaRequiredAndSendsTheSmsCode()
    {
        Stytch.Seed.Organization(o => o.Slug("beta").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" })).WithSmsMfaMember("ada@acme.io", Phone);

        var response = await ExchangeAsync("beta", AlphaSessionToken());

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False);
            Assert.That(response["session_token"], Is.Empty);
            Assert.That(response["intermediate_session_token"], Has.Length.EqualTo(44));
            Assert.That(Str(response.Json["mfa_required"]!["secondary_auth_initiated"]), Is.EqualTo("sms_otp"));
            Assert.That(Stytch.Outbox.All.Single(m => m.Channel == DeliveryChannel.Sms).PhoneNumber, Is.EqualTo(Phone));
        });
    }

    [Test]
    public async Task Exchange_MfaRequiredThenSmsAuthenticate_EndsInAMemberSessionWithBothFactors()
    {
        var beta = Stytch.Seed.Organization(o => o.Slug("beta").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" })).WithSmsMfaMember("ada@acme.io", Phone);
        var exchanged = await ExchangeAsync("beta", AlphaSessionToken());
        var code = Stytch.Outbox.All.Last(m => m.Channel == DeliveryChannel.Sms).Code;

        var response = await Client.PostAsync(SmsAuthenticatePath, new
        {
            organization_id = "beta",
            member_id = beta.MemberFor("ada@acme.io").MemberId,
            code,
            intermediate_session_token = exchanged["intermediate_session_token"],
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var factors = response.Json["member_session"]!["authentication_factors"]!.AsArray();
        Assert.That(factors.Select(f => Str(f!["delivery_method"])), Is.EqualTo(new[] { "email", "sms" }));
    }

    [Test]
    public async Task Exchange_SmsFactorOfTheSameVerifiedPhone_SatisfiesTheTargetsMfa()
    {
        var alpha = Stytch.Seed.Organization(o => o.Slug("alpha2")).WithSmsMfaMember("ada@acme.io", Phone);
        Stytch.Seed.Organization(o => o.Slug("beta").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" })).WithSmsMfaMember("ada@acme.io", Phone);
        var token = await SmsLoginAsync("alpha2", alpha.MemberFor("ada@acme.io").MemberId);

        var response = await ExchangeAsync("beta", token);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True);
        Assert.That(response.Json["member_session"]!["authentication_factors"]!.AsArray().Select(f => Str(f!["delivery_method"])), Is.EqualTo(new[] { "email", "sms" }));
    }

    [Test]
    public async Task Exchange_SmsFactorOfAnotherPhone_DoesNotCarry()
    {
        var alpha = Stytch.Seed.Organization(o => o.Slug("alpha2")).WithSmsMfaMember("ada@acme.io", Phone);
        Stytch.Seed.Organization(o => o.Slug("beta").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" })).WithSmsMfaMember("ada@acme.io", "+14155550199");
        var token = await SmsLoginAsync("alpha2", alpha.MemberFor("ada@acme.io").MemberId);

        var response = await ExchangeAsync("beta", token);

        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False, response.Text);
        Assert.That(response.Json["mfa_required"], Is.Not.Null);
    }

    [Test]
    public async Task Exchange_TargetAllowsOnlyOtherPrimaryMethods_AnswersPrimaryRequired()
    {
        Stytch.Seed.Organization(o => o.Slug("beta").With(f => f with { AuthMethods = "RESTRICTED", AllowedAuthMethods = ["magic_link"] })).WithMember("ada@acme.io");

        var response = await ExchangeAsync("beta", AlphaSessionToken());

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False);
        Assert.That(response.Json["primary_required"]!["allowed_auth_methods"]!.AsArray().Select(m => Str(m)), Is.EqualTo(new[] { "magic_link" }));
    }

    [Test]
    public async Task Exchange_PasswordOnlySession_Returns400InsufficientFactorsForSessionExchange()
    {
        Stytch.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");
        var migrated = await Client.PostAsync("/v1/b2b/passwords/migrate", new { organization_id = "alpha", email_address = "ada@acme.io", hash_type = "md_5", hash = "2ee220973e9e0639bfce3288cc491f0e" });
        Assert.That(migrated.Status, Is.EqualTo(200), migrated.Text);
        var login = await Client.PostAsync("/v1/b2b/passwords/authenticate", new { organization_id = "alpha", email_address = "ada@acme.io", password = "Plover-Quartz-91!" });
        Assert.That(login.Status, Is.EqualTo(200), login.Text);

        var response = await ExchangeAsync("beta", login["session_token"]);

        AssertError(response, 400, "insufficient_factors_for_session_exchange");
    }

    [Test]
    public async Task Exchange_UnknownSession_Returns404SessionNotFound()
    {
        Stytch.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");

        AssertError(await ExchangeAsync("beta", SessionHarness.UnknownToken()), 404, "session_not_found");
    }

    [Test]
    public async Task Exchange_NoSession_Returns400NoSessionArguments() =>
        AssertError(await Client.PostAsync(ExchangePath, new { organization_id = "alpha" }), 400, "no_session_arguments");

    [Test]
    public async Task Exchange_TokenAndJwt_Returns400TooManySessionArguments() =>
        AssertError(await Client.PostAsync(ExchangePath, new { organization_id = "alpha", session_token = "a", session_jwt = "b" }), 400, "too_many_session_arguments");

    [Test]
    public async Task Exchange_NoOrganizationId_Returns400InvalidOrganizationId() =>
        AssertError(await Client.PostAsync(ExchangePath, new { session_token = AlphaSessionToken() }), 400, "invalid_organization_id");

    [Test]
    public async Task Exchange_UnknownOrganization_Returns404OrganizationNotFound() =>
        AssertError(await ExchangeAsync("nowhere", AlphaSessionToken()), 404, "organization_not_found");

    [Test]
    public async Task Exchange_BadDuration_Returns400AndStartsNoSession()
    {
        Stytch.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");
        var token = AlphaSessionToken();

        var response = await ExchangeAsync("beta", token, new() { ["session_duration_minutes"] = 1 });

        AssertError(response, 400, "invalid_session_duration_minutes");
        Assert.That(Stytch.DefaultProject.B2B.Sessions.Of(_alpha.MemberFor("ada@acme.io").MemberId), Has.Count.EqualTo(1));
    }

    /// <summary>An email OTP login of an SMS-enrolled member, finished with the SMS code; the member session token.</summary>
    private async Task<string> SmsLoginAsync(string organization, string memberId)
    {
        var primary = await LoginMemberAsync(organization, "ada@acme.io");
        var code = Stytch.Outbox.All.Last(m => m.Channel == DeliveryChannel.Sms).Code;
        var sms = await Client.PostAsync(SmsAuthenticatePath, new { organization_id = organization, member_id = memberId, code, intermediate_session_token = primary["intermediate_session_token"] });
        Assert.That(sms.Status, Is.EqualTo(200), sms.Text);
        return sms["session_token"]!;
    }
}
