using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Stytch.Fake.Tests.Wire.Sessions;

namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary>B2B member sessions over loopback HTTP: the JWT and the B2B JWKS, sessions/authenticate and sessions/revoke.</summary>
public sealed class MemberSessionWireTests : B2BWireTest
{
    private string _orgId = "";

    [SetUp]
    public async Task CreateOrganization() => _orgId = Str((await CreateJitOrganizationAsync())["organization_id"]);

    private async Task<WireResult> AnonymousGetAsync(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = Stytch.Url };
        using var response = await anonymous.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        return new WireResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Validates a JWT as a relying party would: keys from the B2B JWKS (fetched without credentials) only, lifetime on the fake clock.</summary>
    private async Task<TokenValidationResult> ValidateWithJwksAsync(string jwt)
    {
        var jwks = await AnonymousGetAsync($"/v1/b2b/sessions/jwks/{Stytch.ProjectId}");
        Assert.That(jwks.Status, Is.EqualTo(200), jwks.Text);
        var now = Stytch.Clock.Now.UtcDateTime;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "stytch.com/" + Stytch.ProjectId,
            ValidAudience = Stytch.ProjectId,
            IssuerSigningKeys = new JsonWebKeySet(jwks.Text).GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= now && expires > now,
        };
        return await new JsonWebTokenHandler().ValidateTokenAsync(jwt, parameters);
    }

    private Task<WireResult> AuthenticateSessionAsync(object body) => Client.PostAsync(SessionsAuthenticatePath, body);

    private Task<WireResult> RevokeAsync(object body) => Client.PostAsync(SessionsRevokePath, body);

    // ---- JWT and JWKS -----------------------------------------------------------------------------

    [Test]
    public async Task SessionJwt_ValidatedWithTheB2BJwksOnly_CarriesMemberSessionAndOrganizationClaims()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");

        var result = await ValidateWithJwksAsync(login["session_jwt"]!);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        var payload = SessionHarness.JwtPayload(login["session_jwt"]!);
        var sessionClaim = payload["https://stytch.com/session"]!;
        var organizationClaim = payload["https://stytch.com/organization"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(Str(payload["sub"]), Is.EqualTo(login["member_id"]));
            Assert.That(Str(sessionClaim["id"]), Is.EqualTo(Str(login.Json["member_session"]!["member_session_id"])));
            Assert.That(sessionClaim["roles"]!.AsArray().Select(r => Str(r)), Is.EqualTo(new[] { "stytch_member" }));
            Assert.That(Str(sessionClaim["authentication_factors"]![0]!["type"]), Is.EqualTo("otp"));
            Assert.That(WireShapes.Keys(organizationClaim), Is.EqualTo(new[] { "organization_id", "slug" }));
            Assert.That(Str(organizationClaim["organization_id"]), Is.EqualTo(_orgId));
            Assert.That(Str(organizationClaim["slug"]), Is.EqualTo("acme"));
            Assert.That(Str(payload["iss"]), Is.EqualTo("stytch.com/" + Stytch.ProjectId));
            Assert.That(payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>(), Is.EqualTo(300));
            Assert.That(Str(SessionHarness.JwtHeader(login["session_jwt"]!)["alg"]), Is.EqualTo("RS256"));
        });
    }

    [Test]
    public async Task B2BJwks_IsTheSameKeySetAsTheConsumerJwks()
    {
        var b2b = await AnonymousGetAsync($"/v1/b2b/sessions/jwks/{Stytch.ProjectId}");
        var consumer = await AnonymousGetAsync($"/v1/sessions/jwks/{Stytch.ProjectId}");

        Assert.That(b2b.Status, Is.EqualTo(200), b2b.Text);
        Assert.That(JsonNode.DeepEquals(b2b.Json["keys"], consumer.Json["keys"]), Is.True);
        Assert.That(b2b.Json["keys"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task B2BJwks_WithTheProjectsBasicAuth_Returns200()
    {
        Assert.That((await Client.GetAsync($"/v1/b2b/sessions/jwks/{Stytch.ProjectId}")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task B2BJwks_WrongBasicAuth_Returns401()
    {
        using var wrong = new WireClient(Stytch.Url, Stytch.ProjectId, "wrong-secret");

        AssertError(await wrong.GetAsync($"/v1/b2b/sessions/jwks/{Stytch.ProjectId}"), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task B2BJwks_UnknownProject_Returns404()
    {
        var response = await AnonymousGetAsync("/v1/b2b/sessions/jwks/project-test-00000000-0000-4000-8000-000000000000");

        Assert.That(response.Status, Is.EqualTo(404), response.Text);
    }

    [Test]
    public async Task SessionJwt_AfterKeyRotation_ValidatesWithTheNewKeyFromTheJwks()
    {
        Stytch.DefaultProject.RotateSigningKey();

        var login = await LoginMemberAsync("acme", "ada@acme.io");

        Assert.That((await ValidateWithJwksAsync(login["session_jwt"]!)).IsValid, Is.True);
    }

    // ---- sessions/authenticate --------------------------------------------------------------------

    [Test]
    public async Task Authenticate_ByToken_ReturnsSessionMemberOrganizationAndAFreshJwt()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");
        Stytch.Clock.Advance(TimeSpan.FromMinutes(2));

        var response = await AuthenticateSessionAsync(new { session_token = login["session_token"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted(
            "request_id", "member_session", "session_token", "session_jwt", "member", "organization", "status_code")));
        Assert.That(response["session_token"], Is.EqualTo(login["session_token"]));
        Assert.That(Str(response.Json["member"]!["member_id"]), Is.EqualTo(login["member_id"]));
        Assert.That(Str(response.Json["organization"]!["organization_id"]), Is.EqualTo(_orgId));
        Assert.That(SessionHarness.Time(response.Json["member_session"]!["last_accessed_at"]), Is.EqualTo(Start.AddMinutes(2)));
        Assert.That((await ValidateWithJwksAsync(response["session_jwt"]!)).IsValid, Is.True);
    }

    [Test]
    public async Task Authenticate_ByExpiredJwtWhileSessionLives_RefreshesTheJwt()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");
        Stytch.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.That((await ValidateWithJwksAsync(login["session_jwt"]!)).IsValid, Is.False);

        var response = await AuthenticateSessionAsync(new { session_jwt = login["session_jwt"] });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["session_jwt"], Is.Not.EqualTo(login["session_jwt"]));
        Assert.That((await ValidateWithJwksAsync(response["session_jwt"]!)).IsValid, Is.True);
    }

    [Test]
    public async Task Authenticate_AfterTheSessionExpired_Returns404SessionNotFound()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");
        Stytch.Clock.Advance(TimeSpan.FromMinutes(61));

        AssertError(await AuthenticateSessionAsync(new { session_token = login["session_token"] }), 404, "session_not_found");
        AssertError(await AuthenticateSessionAsync(new { session_jwt = login["session_jwt"] }), 404, "session_not_found");
    }

    [Test]
    public async Task Authenticate_SessionDuration_ExtendsTheSession()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");
        Stytch.Clock.Advance(TimeSpan.FromMinutes(30));

        var response = await AuthenticateSessionAsync(new { session_token = login["session_token"], session_duration_minutes = 120 });
        Stytch.Clock.Advance(TimeSpan.FromMinutes(100));
        var later = await AuthenticateSessionAsync(new { session_token = login["session_token"] });

        Assert.That(SessionHarness.Time(response.Json["member_session"]!["expires_at"]), Is.EqualTo(Start.AddMinutes(150)));
        Assert.That(later.Status, Is.EqualTo(200), later.Text);
    }

    [Test]
    public async Task Authenticate_TokenAndJwt_Returns400TooManySessionArguments()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");

        AssertError(await AuthenticateSessionAsync(new { session_token = login["session_token"], session_jwt = login["session_jwt"] }), 400, "too_many_session_arguments");
    }

    [Test]
    public async Task Authenticate_NeitherTokenNorJwt_Returns400NoSessionArguments()
    {
        AssertError(await AuthenticateSessionAsync(new { session_duration_minutes = 10 }), 400, "no_session_arguments");
    }

    [Test]
    public async Task Authenticate_UnknownOrMalformedToken_Returns404Or400()
    {
        AssertError(await AuthenticateSessionAsync(new { session_token = SessionHarness.UnknownToken() }), 404, "session_not_found");
        AssertError(await AuthenticateSessionAsync(new { session_token = "short" }), 400, "invalid_session_token");
        AssertError(await AuthenticateSessionAsync(new { session_jwt = "not.a.jwt" }), 400, "unable_to_parse_session_jwt");
    }

    [Test]
    public async Task Authenticate_ConsumerSessionTokenOrJwt_Returns404SessionNotFound()
    {
        var consumer = await SessionHarness.LoginAsync(Client, Stytch.DefaultProject, "bob@example.com");

        AssertError(await AuthenticateSessionAsync(new { session_token = consumer.SessionToken }), 404, "session_not_found");
        AssertError(await AuthenticateSessionAsync(new { session_jwt = consumer.SessionJwt }), 404, "session_not_found");
    }

    [Test]
    public async Task Authenticate_AuthorizationCheckOnStytchSelf_ReturnsVerdictGrantedByStytchMember()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");

        var response = await AuthenticateSessionAsync(new
        {
            session_token = login["session_token"],
            authorization_check = new { organization_id = _orgId, resource_id = "stytch.self", action = "update.info.name" },
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["verdict"]!["authorized"]!.GetValue<bool>(), Is.True);
        Assert.That(response.Json["verdict"]!["granting_roles"]!.AsArray().Select(r => Str(r)), Is.EqualTo(new[] { "stytch_member" }));
    }

    [Test]
    public async Task Authenticate_AuthorizationCheckForAnotherOrganization_Returns403TenancyError()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");

        var response = await AuthenticateSessionAsync(new
        {
            session_token = login["session_token"],
            authorization_check = new { organization_id = "organization-test-00000000-0000-4000-8000-000000000000", resource_id = "stytch.self", action = "read" },
        });

        AssertError(response, 403, "session_authorization_tenancy_error");
    }

    [Test]
    public async Task Authenticate_AuthorizationCheckNotGranted_Returns403SessionAuthorizationError()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");

        var response = await AuthenticateSessionAsync(new
        {
            session_token = login["session_token"],
            authorization_check = new { organization_id = _orgId, resource_id = "stytch.organization", action = "delete" },
        });

        AssertError(response, 403, "session_authorization_error");
    }

    [Test]
    public async Task Authenticate_AfterRoleChange_SessionCarriesTheNewRoles()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");
        await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/acme/members/{login["member_id"]}", """{"roles":["stytch_admin"]}""");

        var response = await AuthenticateSessionAsync(new
        {
            session_token = login["session_token"],
            authorization_check = new { organization_id = "acme", resource_id = "stytch.organization", action = "delete" },
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_session"]!["roles"]!.AsArray().Select(r => Str(r)), Is.EqualTo(new[] { "stytch_member", "stytch_admin" }));
        Assert.That(SessionHarness.JwtPayload(response["session_jwt"]!)["https://stytch.com/session"]!["roles"]!.AsArray(), Has.Count.EqualTo(2));
    }

    // ---- sessions/revoke --------------------------------------------------------------------------

    [Test]
    public async Task Revoke_ByMemberSessionId_EndsThatSessionOnly()
    {
        var first = await LoginMemberAsync("acme", "ada@acme.io");
        var second = await LoginMemberAsync("acme", "ada@acme.io");

        var revoked = await RevokeAsync(new { member_session_id = Str(first.Json["member_session"]!["member_session_id"]) });

        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);
        Assert.That(WireShapes.Keys(revoked.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code")));
        AssertError(await AuthenticateSessionAsync(new { session_token = first["session_token"] }), 404, "session_not_found");
        Assert.That((await AuthenticateSessionAsync(new { session_token = second["session_token"] })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Revoke_ByTokenOrJwt_EndsTheSession()
    {
        var byToken = await LoginMemberAsync("acme", "ada@acme.io");
        var byJwt = await LoginMemberAsync("acme", "bob@acme.io");

        Assert.That((await RevokeAsync(new { session_token = byToken["session_token"] })).Status, Is.EqualTo(200));
        Assert.That((await RevokeAsync(new { session_jwt = byJwt["session_jwt"] })).Status, Is.EqualTo(200));

        AssertError(await AuthenticateSessionAsync(new { session_token = byToken["session_token"] }), 404, "session_not_found");
        AssertError(await AuthenticateSessionAsync(new { session_token = byJwt["session_token"] }), 404, "session_not_found");
    }

    [Test]
    public async Task Revoke_ByMemberId_EndsEverySessionOfThatMember()
    {
        var first = await LoginMemberAsync("acme", "ada@acme.io");
        var second = await LoginMemberAsync("acme", "ada@acme.io");
        var bob = await LoginMemberAsync("acme", "bob@acme.io");

        var revoked = await RevokeAsync(new { member_id = first["member_id"] });

        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);
        Assert.That(Stytch.DefaultProject.B2B.Sessions.Of(first["member_id"]!), Is.Empty);
        AssertError(await AuthenticateSessionAsync(new { session_token = second["session_token"] }), 404, "session_not_found");
        Assert.That((await AuthenticateSessionAsync(new { session_token = bob["session_token"] })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Revoke_UnknownMemberId_Returns404MemberNotFound()
    {
        AssertError(await RevokeAsync(new { member_id = "member-test-00000000-0000-4000-8000-000000000000" }), 404, "member_not_found");
    }

    [Test]
    public async Task Revoke_NoArgument_Returns400NoSessionRevokeArguments()
    {
        AssertError(await RevokeAsync(new { }), 400, "no_session_revoke_arguments");
    }

    [Test]
    public async Task Revoke_TwoArguments_Returns400TooManySessionRevokeArguments()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");

        AssertError(await RevokeAsync(new { session_token = login["session_token"], member_id = login["member_id"] }), 400, "too_many_session_revoke_arguments");
    }

    [Test]
    public async Task Revoke_UnknownOrMalformedSessionId_Returns404Or400()
    {
        AssertError(await RevokeAsync(new { member_session_id = "member-session-test-00000000-0000-4000-8000-000000000000" }), 404, "session_not_found");
        AssertError(await RevokeAsync(new { member_session_id = "nope" }), 400, "invalid_session_id");
    }

    [Test]
    public async Task DeleteMember_RevokesItsSessions()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");

        await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{login["member_id"]}");

        AssertError(await AuthenticateSessionAsync(new { session_token = login["session_token"] }), 404, "session_not_found");
    }

    [Test]
    public async Task DeleteOrganization_RevokesItsMembersSessions()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");

        await Client.DeleteAsync($"{OrganizationsPath}/acme");

        AssertError(await AuthenticateSessionAsync(new { session_token = login["session_token"] }), 404, "session_not_found");
    }

    // ---- in process -------------------------------------------------------------------------------

    [Test]
    public async Task B2BSessionsMint_InProcess_GivesATokenTheWireAccepts()
    {
        var acme = Stytch.Seed.Organization(o => o.Slug("seeded")).WithMember("ada@seeded.io");

        var minted = Stytch.DefaultProject.B2B.Sessions.Mint("seeded", acme.MemberFor("ada@seeded.io").MemberId);
        var response = await AuthenticateSessionAsync(new { session_jwt = minted.SessionJwt });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member_session"]!["organization_slug"]), Is.EqualTo("seeded"));
    }

    [Test]
    public async Task B2BSessionsRevoke_InProcess_TokenGets404OverHttp()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");

        Stytch.B2B.Sessions.Revoke(Str(login.Json["member_session"]!["member_session_id"]));

        AssertError(await AuthenticateSessionAsync(new { session_token = login["session_token"] }), 404, "session_not_found");
    }

    [Test]
    public void B2BSessionsRevoke_UnknownId_ThrowsSessionNotFound()
    {
        var e = Assert.Throws<StytchException>(() => Stytch.B2B.Sessions.Revoke("member-session-test-00000000-0000-4000-8000-000000000000"));

        Assert.That(e!.Error.ErrorType, Is.EqualTo("session_not_found"));
    }

    [Test]
    public async Task B2BMembersGet_InProcess_IsTheMemberTheWireCreated()
    {
        var created = await CreateMemberAsync("acme", "grace@acme.io");

        var member = Stytch.B2B.Members.Get("acme", Str(created["member_id"]));

        Assert.Multiple(() =>
        {
            Assert.That(member.EmailAddress, Is.EqualTo("grace@acme.io"));
            Assert.That(member.OrganizationId, Is.EqualTo(_orgId));
        });
    }

    [Test]
    public void B2BMembersGet_UnknownMember_ThrowsMemberNotFound()
    {
        var e = Assert.Throws<StytchException>(() => Stytch.B2B.Members.Get("acme", "member-test-00000000-0000-4000-8000-000000000000"));

        Assert.That(e!.Error.ErrorType, Is.EqualTo("member_not_found"));
    }
}
