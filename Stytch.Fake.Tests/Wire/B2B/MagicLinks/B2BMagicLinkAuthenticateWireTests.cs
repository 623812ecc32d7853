using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Wire.B2B.MagicLinks;

/// <summary><c>POST /v1/b2b/magic_links/authenticate</c> over loopback HTTP.</summary>
public sealed class B2BMagicLinkAuthenticateWireTests : B2BMagicLinkWireTest
{
    private const string Verifier = "a-pkce-code-verifier-of-enough-length-0123456789";

    [Test]
    public async Task Authenticate_SignupToken_Returns200ActiveMemberAndAFullMemberSession()
    {
        var org = await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io");

        var response = await AuthenticateLinkAsync(token);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("active"));
        Assert.That(response.Json["member"]!["email_address_verified"]!.GetValue<bool>(), Is.True);
        Assert.That(response["organization_id"], Is.EqualTo(Str(org["organization_id"])));
        Assert.That(response["method_id"], Is.EqualTo(Stytch.Outbox.LatestFor("ada@acme.io").MethodId));
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True);
        Assert.That(response["intermediate_session_token"], Is.Empty);
        Assert.That(response["session_token"], Is.Not.Empty);
        Assert.That(response["session_jwt"], Is.Not.Empty);
        Assert.That(Str(response.Json["member_session"]!["member_session_id"]), Does.Match(MemberSessionId()));
        Assert.That(Str(response.Json["member_session"]!["expires_at"]), Is.EqualTo("2030-01-02T04:04:05Z"));
    }

    [Test]
    public async Task Authenticate_Token_RendersTheMagicLinkFactorWithItsEmail()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io");

        var response = await AuthenticateLinkAsync(token);

        var factor = response.Json["member_session"]!["authentication_factors"]!.AsArray().Single()!;
        Assert.That(Str(factor["type"]), Is.EqualTo("magic_link"));
        Assert.That(Str(factor["delivery_method"]), Is.EqualTo("email"));
        Assert.That(Str(factor["email_factor"]!["email_address"]), Is.EqualTo("ada@acme.io"));
        Assert.That(Str(factor["email_factor"]!["email_id"]), Is.EqualTo(response["method_id"]));
    }

    [Test]
    public async Task Authenticate_InviteToken_MakesTheInvitedMemberActive()
    {
        await CreateInvitingOrganizationAsync();
        await InviteAsync("bob@elsewhere.io");

        var response = await AuthenticateLinkAsync(TokenFor("bob@elsewhere.io"));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("active"));
        Assert.That(Stytch.DefaultProject.B2B.Members.All.Single().Status, Is.EqualTo("active"));
    }

    [Test]
    public async Task Authenticate_SessionToken_IsAcceptedBySessionsAuthenticate()
    {
        await CreateJitOrganizationAsync();
        var auth = await AuthenticateLinkAsync(await SentTokenAsync("ada@acme.io"));

        var session = await Client.PostAsync(SessionsAuthenticatePath, new { session_token = auth["session_token"] });

        Assert.That(session.Status, Is.EqualTo(200), session.Text);
        Assert.That(session.Json["member_session"]!["member_id"]!.GetValue<string>(), Is.EqualTo(auth["member_id"]));
    }

    [Test]
    public async Task Authenticate_SameTokenTwice_Returns401UnableToAuthMagicLink()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io");
        await AuthenticateLinkAsync(token);

        AssertError(await AuthenticateLinkAsync(token), 401, "unable_to_auth_magic_link");
    }

    [Test]
    public async Task Authenticate_TokenPastItsExpiration_Returns401UnableToAuthMagicLink()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io", new() { ["signup_expiration_minutes"] = 5 });
        Stytch.Clock.Advance(TimeSpan.FromMinutes(5));

        AssertError(await AuthenticateLinkAsync(token), 401, "unable_to_auth_magic_link");
    }

    [Test]
    public async Task Authenticate_UnknownToken_Returns404MagicLinkNotFound()
    {
        AssertError(await AuthenticateLinkAsync("not-a-token-we-sent"), 404, "magic_link_not_found");
    }

    [Test]
    public async Task Authenticate_NoToken_Returns400BadRequest()
    {
        AssertError(await Client.PostAsync(LinkAuthenticatePath, new { session_duration_minutes = 60 }), 400, "bad_request");
    }

    // Stytch's B2B sandbox tokens (stytch.com/docs/b2b/guides/testing/sandbox-values).
    [TestCase("3pzjQpgksDlGKWEwUq2Up--hCHC_0oamfLHyfspKDFU=", 401, "unable_to_auth_magic_link")]
    [TestCase("CprTtwhnRNiMBiUS2jSLcWYrfuO2POeBNdo5HhW6qTM=", 404, "magic_link_not_found")]
    public async Task Authenticate_SandboxToken_ReturnsItsDocumentedError(string token, int status, string errorType)
    {
        AssertError(await AuthenticateLinkAsync(token), status, errorType);
    }

    [Test]
    public async Task Authenticate_SandboxSuccessToken_Returns200WithASessionOfTheSandboxMember()
    {
        var response = await AuthenticateLinkAsync("DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["organization_id"], Is.EqualTo("organization-test-007d9d4a-deac-4a87-ba0a-e6e8afba4d4b"));
        Assert.That(Str(response.Json["member"]!["email_address"]), Is.EqualTo("sandbox@stytch.com"));
        Assert.That((await AuthenticateLinkAsync("DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=")).Status, Is.EqualTo(200), "the sandbox token stays usable");
    }

    [Test]
    public async Task Authenticate_ChallengeWithoutVerifier_Returns400PkceExpectedCodeVerifierAndKeepsTheToken()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io", new() { ["pkce_code_challenge"] = Pkce.ChallengeOf(Verifier) });

        AssertError(await AuthenticateLinkAsync(token), 400, "pkce_expected_code_verifier");
        Assert.That((await AuthenticateLinkAsync(token, new() { ["pkce_code_verifier"] = Verifier })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_WrongVerifier_Returns400PkceMismatch()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io", new() { ["pkce_code_challenge"] = Pkce.ChallengeOf(Verifier) });

        AssertError(await AuthenticateLinkAsync(token, new() { ["pkce_code_verifier"] = Verifier + "-other" }), 400, "pkce_mismatch");
    }

    [Test]
    public async Task Authenticate_VerifierWithoutChallenge_Returns400PkceDidNotExpectCodeVerifier()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io");

        AssertError(await AuthenticateLinkAsync(token, new() { ["pkce_code_verifier"] = Verifier }), 400, "pkce_did_not_expect_code_verifier");
    }

    [Test]
    public async Task Authenticate_SessionTokenAndSessionJwt_Returns400TooManySessionArguments()
    {
        await CreateJitOrganizationAsync();
        var first = await LoginMemberAsync("acme", "ada@acme.io");
        var token = await SentTokenAsync("ada@acme.io");

        var response = await AuthenticateLinkAsync(token, new() { ["session_token"] = first["session_token"], ["session_jwt"] = first["session_jwt"] });

        AssertError(response, 400, "too_many_session_arguments");
    }

    [Test]
    public async Task Authenticate_TheMembersSessionJwt_ExtendsThatSessionWithBothFactors()
    {
        await CreateJitOrganizationAsync();
        var otp = await LoginMemberAsync("acme", "ada@acme.io");
        var token = await SentTokenAsync("ada@acme.io");

        var response = await AuthenticateLinkAsync(token, new() { ["session_jwt"] = otp["session_jwt"], ["session_duration_minutes"] = 120 });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var session = response.Json["member_session"]!;
        Assert.That(Str(session["member_session_id"]), Is.EqualTo(Str(otp.Json["member_session"]!["member_session_id"])));
        Assert.That(session["authentication_factors"]!.AsArray().Select(f => Str(f!["type"])), Is.EqualTo(new[] { "otp", "magic_link" }));
        Assert.That(Str(session["expires_at"]), Is.EqualTo("2030-01-02T05:04:05Z"));
    }

    [Test]
    public async Task Authenticate_AnotherMembersSessionToken_IsIgnoredAndANewSessionStarts()
    {
        await CreateJitOrganizationAsync();
        var eve = await LoginMemberAsync("acme", "eve@acme.io");
        var token = await SentTokenAsync("ada@acme.io");

        var response = await AuthenticateLinkAsync(token, new() { ["session_token"] = eve["session_token"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member_session"]!["member_session_id"]), Is.Not.EqualTo(Str(eve.Json["member_session"]!["member_session_id"])));
        Assert.That(Str(response.Json["member_session"]!["member_id"]), Is.EqualTo(response["member_id"]));
    }

    [Test]
    public async Task Authenticate_UnknownSessionToken_Returns404SessionNotFoundAndKeepsTheToken()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io");

        AssertError(await AuthenticateLinkAsync(token, new() { ["session_token"] = new string('x', 44) }), 404, "session_not_found");
        Assert.That((await AuthenticateLinkAsync(token)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_SessionCustomClaims_AreOnTheMemberSession()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io");

        var response = await AuthenticateLinkAsync(token, new() { ["session_custom_claims"] = new { team = "blue" } });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member_session"]!["custom_claims"]!["team"]), Is.EqualTo("blue"));
    }

    [Test]
    public async Task Authenticate_SessionDurationOutOfRange_Returns400InvalidSessionDurationMinutes()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io");

        AssertError(await AuthenticateLinkAsync(token, new() { ["session_duration_minutes"] = 4 }), 400, "invalid_session_duration_minutes");
    }

    [Test]
    public async Task Authenticate_IntermediateSessionToken_Returns404IntermediateSessionNotFound()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io");

        AssertError(await AuthenticateLinkAsync(token, new() { ["intermediate_session_token"] = "ist" }), 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task Authenticate_MemberDeletedAfterTheSend_Returns404MagicLinkNotFound()
    {
        await CreateJitOrganizationAsync();
        var token = await SentTokenAsync("ada@acme.io");
        var member = Stytch.DefaultProject.B2B.Members.All.Single();
        await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{member.MemberId}");

        AssertError(await AuthenticateLinkAsync(token), 404, "magic_link_not_found");
    }
}
