namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary><c>POST /v1/sessions/authenticate</c> by token and by JWT, and its argument errors.</summary>
public sealed class SessionAuthenticateWireTests : SessionWireTest
{
    [Test]
    public async Task Authenticate_BySessionToken_Returns200WithTopLevelFields()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json.Select(p => p.Key), Is.SupersetOf(new[] { "request_id", "session", "session_token", "session_jwt", "user", "status_code" }));
    }

    [Test]
    public async Task Authenticate_BySessionToken_ReturnsThatSession()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Json["session"]?["session_id"]?.GetValue<string>(), Is.EqualTo(login.SessionId));
            Assert.That(response.Json["session"]?["user_id"]?.GetValue<string>(), Is.EqualTo(login.UserId));
        }
    }

    [Test]
    public async Task Authenticate_BySessionToken_ReturnsSameSessionToken()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(response["session_token"], Is.EqualTo(login.SessionToken));
    }

    [Test]
    public async Task Authenticate_BySessionToken_ReturnsUser()
    {
        var login = await Harness.LoginAsync("ada@example.com");

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        var user = response.Json["user"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user["user_id"]?.GetValue<string>(), Is.EqualTo(login.UserId));
            Assert.That(user["emails"]?[0]?["email"]?.GetValue<string>(), Is.EqualTo("ada@example.com"));
            Assert.That(user["status"]?.GetValue<string>(), Is.EqualTo("active"));
        }
    }

    [Test]
    public async Task Authenticate_BySessionToken_ReturnsFreshJwtForTheSession()
    {
        var login = await Harness.LoginAsync();
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        var jwt = response["session_jwt"]!;
        var payload = SessionHarness.JwtPayload(jwt);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(jwt, Is.Not.EqualTo(login.SessionJwt));
            Assert.That(payload["iat"]?.GetValue<long>(), Is.EqualTo(SessionHarness.Start.AddMinutes(1).ToUnixTimeSeconds()));
            Assert.That(payload["https://stytch.com/session"]?["id"]?.GetValue<string>(), Is.EqualTo(login.SessionId));
        }
    }

    [Test]
    public async Task Authenticate_BySessionToken_ReturnedJwtValidatesAgainstJwks()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        var result = await Harness.ValidateAsync(response["session_jwt"]!);
        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task Authenticate_BySessionJwt_ReturnsThatSession()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["session"]?["session_id"]?.GetValue<string>(), Is.EqualTo(login.SessionId));
    }

    [Test]
    public async Task Authenticate_BySessionJwt_ReturnsTheSessionsToken()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        Assert.That(response["session_token"], Is.EqualTo(login.SessionToken));
    }

    [Test]
    public async Task Authenticate_BySessionJwt_ReturnsUser()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        Assert.That(response.Json["user"]?["user_id"]?.GetValue<string>(), Is.EqualTo(login.UserId));
    }

    [Test]
    public async Task Authenticate_BySessionJwt_ReturnsFreshJwt()
    {
        var login = await Harness.LoginAsync();
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(2));

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        var payload = SessionHarness.JwtPayload(response["session_jwt"]!);
        Assert.That(payload["exp"]?.GetValue<long>(), Is.EqualTo(SessionHarness.Start.AddMinutes(2 + 5).ToUnixTimeSeconds()));
    }

    [Test]
    public async Task Authenticate_BySessionToken_MovesLastAccessedAtToNow()
    {
        var login = await Harness.LoginAsync();
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(SessionHarness.Time(response.Json["session"]?["last_accessed_at"]), Is.EqualTo(SessionHarness.Start.AddMinutes(3)));
    }

    [Test]
    public async Task Authenticate_WithoutSessionDuration_KeepsExpiresAt()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(SessionHarness.Time(response.Json["session"]?["expires_at"]), Is.EqualTo(login.ExpiresAt));
    }

    [Test]
    public async Task Authenticate_WithSessionDuration_ExpiresAtIsNowPlusDuration()
    {
        var login = await Harness.LoginAsync(minutes: 30);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_duration_minutes = 120 });

        Assert.That(SessionHarness.Time(response.Json["session"]?["expires_at"]), Is.EqualTo(SessionHarness.Start.AddMinutes(10 + 120)));
    }

    [Test]
    public async Task Authenticate_ByJwtWithSessionDuration_ExpiresAtIsNowPlusDuration()
    {
        var login = await Harness.LoginAsync(minutes: 30);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt, session_duration_minutes = 45 });

        Assert.That(SessionHarness.Time(response.Json["session"]?["expires_at"]), Is.EqualTo(SessionHarness.Start.AddMinutes(1 + 45)));
    }

    [Test]
    public async Task Authenticate_WithSessionDuration_SessionOutlivesItsOriginalExpiry()
    {
        var login = await Harness.LoginAsync(minutes: 10);
        await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_duration_minutes = 60 });
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(30));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Authenticate_WithSessionDuration_ExtendedJwtClaimCarriesNewExpiry()
    {
        var login = await Harness.LoginAsync(minutes: 10);

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_duration_minutes = 60 });

        var claim = SessionHarness.JwtPayload(response["session_jwt"]!)["https://stytch.com/session"]!;
        Assert.That(SessionHarness.Time(claim["expires_at"]), Is.EqualTo(SessionHarness.Start.AddMinutes(60)));
    }

    [TestCase(5)]
    [TestCase(527_040)]
    public async Task Authenticate_SessionDurationAtBound_Returns200(int minutes)
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_duration_minutes = minutes });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [TestCase(4)]
    [TestCase(527_041)]
    [TestCase(-1)]
    public async Task Authenticate_SessionDurationOutOfRange_Returns400InvalidSessionDurationMinutes(int minutes)
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_duration_minutes = minutes });

        SessionHarness.AssertError(response, 400, "invalid_session_duration_minutes");
    }

    [Test]
    public async Task Authenticate_SessionDurationOutOfRange_LeavesExpiresAtUnchanged()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_duration_minutes = 4 });

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(SessionHarness.Time(response.Json["session"]?["expires_at"]), Is.EqualTo(login.ExpiresAt));
    }

    [Test]
    public async Task Authenticate_TokenAndJwt_Returns400TooManySessionArguments()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_jwt = login.SessionJwt });

        SessionHarness.AssertError(response, 400, "too_many_session_arguments");
    }

    [Test]
    public async Task Authenticate_NeitherTokenNorJwt_Returns400NoSessionArguments()
    {
        var response = await Harness.AuthenticateSessionAsync(new { session_duration_minutes = 60 });

        SessionHarness.AssertError(response, 400, "no_session_arguments");
    }

    [Test]
    public async Task Authenticate_EmptyTokenAndEmptyJwt_Returns400NoSessionArguments()
    {
        var response = await Harness.AuthenticateSessionAsync(new { session_token = "", session_jwt = "" });

        SessionHarness.AssertError(response, 400, "no_session_arguments");
    }

    [Test]
    public async Task Authenticate_MalformedToken_Returns400InvalidSessionToken()
    {
        var response = await Harness.AuthenticateSessionAsync(new { session_token = "abc" });

        SessionHarness.AssertError(response, 400, "invalid_session_token");
    }

    [Test]
    public async Task Authenticate_WellFormedUnknownToken_Returns404SessionNotFound()
    {
        var response = await Harness.AuthenticateSessionAsync(new { session_token = SessionHarness.UnknownToken() });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Authenticate_SessionNotFound_UsesStytchsMessage()
    {
        var response = await Harness.AuthenticateSessionAsync(new { session_token = SessionHarness.UnknownToken() });

        Assert.That(response["error_message"], Is.EqualTo("Session could not be found."));
    }

    [Test]
    public async Task Authenticate_GarbageJwt_Returns400UnableToParseSessionJwt()
    {
        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = "garbage" });

        SessionHarness.AssertError(response, 400, "unable_to_parse_session_jwt");
    }

    [Test]
    public async Task Authenticate_JwtWithTamperedPayload_Returns400UnableToParseSessionJwt()
    {
        var login = await Harness.LoginAsync();
        var parts = login.SessionJwt.Split('.');
        var other = await Harness.LoginAsync("bob@example.com");
        var tampered = $"{parts[0]}.{other.SessionJwt.Split('.')[1]}.{parts[2]}";

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = tampered });

        SessionHarness.AssertError(response, 400, "unable_to_parse_session_jwt");
    }

    [Test]
    public async Task Authenticate_JwtSignedByAnotherProjectsKey_Returns400UnableToParseSessionJwt()
    {
        var other = Harness.Stytch.CreateProject();
        using var otherClient = new WireClient(Harness.Stytch, other);
        var foreign = await SessionHarness.LoginAsync(otherClient, other);

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = foreign.SessionJwt });

        SessionHarness.AssertError(response, 400, "unable_to_parse_session_jwt");
    }

    [Test]
    public async Task Authenticate_JwtForgedWithForeignKeyForRealSession_Returns400UnableToParseSessionJwt()
    {
        var login = await Harness.LoginAsync();
        var kid = SessionHarness.JwtHeader(login.SessionJwt)["kid"]!.GetValue<string>();
        var forged = Harness.Forge(login.SessionId, login.UserId, kid);

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = forged });

        SessionHarness.AssertError(response, 400, "unable_to_parse_session_jwt");
    }

    [Test]
    public async Task Authenticate_UnsignedJwtForRealSession_Returns400UnableToParseSessionJwt()
    {
        var login = await Harness.LoginAsync();
        var parts = login.SessionJwt.Split('.');
        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var unsigned = $"{header}.{parts[1]}.";

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = unsigned });

        SessionHarness.AssertError(response, 400, "unable_to_parse_session_jwt");
    }

    [Test]
    public async Task Authenticate_WithoutBasicAuth_Returns401UnauthorizedCredentials()
    {
        var login = await Harness.LoginAsync();
        using var anonymous = new HttpClient { BaseAddress = Harness.Stytch.Url };
        using var content = new StringContent($$"""{"session_token":"{{login.SessionToken}}"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await anonymous.PostAsync(new Uri("v1/sessions/authenticate", UriKind.Relative), content);

        SessionHarness.AssertError(
            new WireResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), null), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task Authenticate_RevokeOnlySessionIdField_IsIgnoredAndRecorded()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_id = login.SessionId });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Harness.Stytch.DefaultProject.Requests.All[^1].IgnoredFields, Is.EqualTo(new[] { "session_id" }));
    }
}
