namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary><c>POST /v1/sessions/revoke</c> by session id, token and JWT, and its argument errors.</summary>
public sealed class SessionRevokeWireTests : SessionWireTest
{
    [Test]
    public async Task Revoke_BySessionId_Returns200WithOnlyRequestIdAndStatusCode()
    {
        var login = await Harness.LoginAsync();

        var response = await Harness.RevokeAsync(new { session_id = login.SessionId });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Json.Select(p => p.Key), Is.EquivalentTo(new[] { "request_id", "status_code" }));
            Assert.That(response["request_id"], Does.StartWith("request-id-test-"));
            Assert.That(response.Json["status_code"]?.GetValue<int>(), Is.EqualTo(200));
        }
    }

    [Test]
    public async Task Revoke_BySessionId_ThenAuthenticateByToken_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync();
        await Harness.RevokeAsync(new { session_id = login.SessionId });

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Revoke_BySessionToken_ThenAuthenticateByToken_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync();
        var revoked = await Harness.RevokeAsync(new { session_token = login.SessionToken });
        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Revoke_BySessionJwt_ThenAuthenticateByToken_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync();
        var revoked = await Harness.RevokeAsync(new { session_jwt = login.SessionJwt });
        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Revoke_BySessionJwt_ThenAuthenticateByJwt_Returns404SessionNotFound()
    {
        var login = await Harness.LoginAsync();
        await Harness.RevokeAsync(new { session_jwt = login.SessionJwt });

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Revoke_ByJwtOlderThanFiveMinutes_RevokesSession()
    {
        var login = await Harness.LoginAsync(minutes: 60);
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(6));

        var revoked = await Harness.RevokeAsync(new { session_jwt = login.SessionJwt });

        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);
        Assert.That(Harness.Stytch.DefaultProject.Sessions.Of(login.UserId), Is.Empty);
    }

    [Test]
    public async Task Revoke_OneOfTwoSessions_LeavesTheOtherLive()
    {
        var first = await Harness.LoginAsync();
        var second = await Harness.LoginAsync();
        await Harness.RevokeAsync(new { session_id = first.SessionId });

        var response = await Harness.AuthenticateSessionAsync(new { session_token = second.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Revoke_BySessionId_RemovesSessionFromList()
    {
        var first = await Harness.LoginAsync();
        var second = await Harness.LoginAsync();
        await Harness.RevokeAsync(new { session_id = first.SessionId });

        var list = await Harness.ListSessionsAsync(first.UserId);

        Assert.That(list.Json["sessions"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()), Is.EqualTo(new[] { second.SessionId }));
    }

    [Test]
    public async Task Revoke_Twice_SecondReturns404SessionNotFound()
    {
        var login = await Harness.LoginAsync();
        await Harness.RevokeAsync(new { session_id = login.SessionId });

        var response = await Harness.RevokeAsync(new { session_id = login.SessionId });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [TestCase(true, true, false)]
    [TestCase(true, false, true)]
    [TestCase(false, true, true)]
    [TestCase(true, true, true)]
    public async Task Revoke_MoreThanOneIdentifier_Returns400TooManySessionRevokeArguments(bool withId, bool withToken, bool withJwt)
    {
        var login = await Harness.LoginAsync();
        var body = new Dictionary<string, object?>();
        if (withId)
        {
            body["session_id"] = login.SessionId;
        }

        if (withToken)
        {
            body["session_token"] = login.SessionToken;
        }

        if (withJwt)
        {
            body["session_jwt"] = login.SessionJwt;
        }

        var response = await Harness.RevokeAsync(body);

        SessionHarness.AssertError(response, 400, "too_many_session_revoke_arguments");
    }

    [Test]
    public async Task Revoke_MoreThanOneIdentifier_LeavesSessionLive()
    {
        var login = await Harness.LoginAsync();
        await Harness.RevokeAsync(new { session_id = login.SessionId, session_token = login.SessionToken });

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Revoke_NoIdentifier_Returns400NoSessionRevokeArguments()
    {
        var response = await Harness.RevokeAsync(new { });

        SessionHarness.AssertError(response, 400, "no_session_revoke_arguments");
    }

    [Test]
    public async Task Revoke_UnknownSessionId_Returns404SessionNotFound()
    {
        var response = await Harness.RevokeAsync(new { session_id = SessionHarness.UnknownSessionId() });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Revoke_UnknownSessionToken_Returns404SessionNotFound()
    {
        var response = await Harness.RevokeAsync(new { session_token = SessionHarness.UnknownToken() });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Revoke_MalformedSessionId_Returns400InvalidSessionId()
    {
        var response = await Harness.RevokeAsync(new { session_id = "abc" });

        SessionHarness.AssertError(response, 400, "invalid_session_id");
    }

    [Test]
    public async Task Revoke_MalformedSessionToken_Returns400InvalidSessionToken()
    {
        var response = await Harness.RevokeAsync(new { session_token = "abc" });

        SessionHarness.AssertError(response, 400, "invalid_session_token");
    }

    [Test]
    public async Task Revoke_GarbageSessionJwt_Returns400UnableToParseSessionJwt()
    {
        var response = await Harness.RevokeAsync(new { session_jwt = "garbage" });

        SessionHarness.AssertError(response, 400, "unable_to_parse_session_jwt");
    }
}
