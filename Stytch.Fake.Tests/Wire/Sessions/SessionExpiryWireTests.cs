namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>Session and JWT lifetimes on the fake clock.</summary>
public sealed class SessionExpiryWireTests : SessionWireTest
{
    [Test]
    public async Task Authenticate_OneSecondBeforeExpiry_Returns200()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(60) - TimeSpan.FromSeconds(1));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Authenticate_AtExpiresAt_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(60));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Authenticate_ByTokenAfterExpiry_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(61));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task ListSessions_AfterExpiry_NoLongerListsSession()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(61));

        var list = await Harness.ListSessionsAsync(login.UserId);

        Assert.That(list.Status, Is.EqualTo(200), list.Text);
        Assert.That(list.Json["sessions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ListSessions_AfterOneOfTwoSessionsExpired_ListsOnlyLiveOne()
    {
        var shortLived = await Harness.LoginAsync(minutes: 10);
        var longLived = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(11));

        var list = await Harness.ListSessionsAsync(shortLived.UserId);

        Assert.That(list.Json["sessions"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()), Is.EqualTo(new[] { longLived.SessionId }));
    }

    [Test]
    public async Task Authenticate_JwtOlderThanFiveMinutesWhileSessionLives_Returns200()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["session"]?["session_id"]?.GetValue<string>(), Is.EqualTo(login.SessionId));
    }

    [Test]
    public async Task Authenticate_JwtOlderThanFiveMinutes_ReturnsNewJwtExpiringInFuture()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        var fresh = response["session_jwt"]!;
        var exp = DateTimeOffset.FromUnixTimeSeconds(SessionHarness.JwtPayload(fresh)["exp"]!.GetValue<long>());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fresh, Is.Not.EqualTo(login.SessionJwt));
            Assert.That(exp, Is.GreaterThan(Harness.Stytch.Clock.Now));
            Assert.That(exp, Is.EqualTo(SessionHarness.Start.AddMinutes(6 + 5)));
        }
    }

    [Test]
    public async Task Authenticate_JwtOlderThanFiveMinutes_NewJwtValidatesOnFakeClock()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        var result = await Harness.ValidateAsync(response["session_jwt"]!);
        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task SessionJwt_OlderThanFiveMinutes_FailsLocalLifetimeValidation()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(6));

        var result = await Harness.ValidateAsync(login.SessionJwt);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Exception, Is.InstanceOf<Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException>());
    }

    [Test]
    public async Task Authenticate_ExpiredJwtAfterSessionExpired_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(61));

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Authenticate_ExpiredJwtAfterSessionRevoked_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(6));
        await Harness.RevokeAsync(new { session_token = login.SessionToken });

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Authenticate_FreshJwtAfterSessionRevoked_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        await Harness.RevokeAsync(new { session_id = login.SessionId });

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Revoke_ExpiredSession_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync(minutes: 5);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await Harness.RevokeAsync(new { session_id = login.SessionId });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task OtpAuthenticate_WithExpiredSessionToken_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync(minutes: 5);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await Harness.AuthenticateOtpAsync("ada@example.com", new Dictionary<string, object?>
        {
            ["session_token"] = login.SessionToken,
            ["session_duration_minutes"] = 60,
        });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task SessionsOf_AfterExpiry_IsEmpty()
    {
        var login = await Harness.LoginAsync(minutes: 5);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.That(Harness.Stytch.DefaultProject.Sessions.Of(login.UserId), Is.Empty);
    }
}
