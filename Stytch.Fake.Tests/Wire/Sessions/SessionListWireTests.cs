namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary><c>GET /v1/sessions?user_id=</c>, and what deleting a user does to its sessions.</summary>
public sealed class SessionListWireTests : SessionWireTest
{
    [Test]
    public async Task ListSessions_LoggedInUser_ReturnsRequestIdSessionsAndStatusCode()
    {
        var login = await Harness.LoginAsync();

        var list = await Harness.ListSessionsAsync(login.UserId);

        Assert.That(list.Status, Is.EqualTo(200), list.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(list.Json.Select(p => p.Key), Is.EquivalentTo(new[] { "request_id", "sessions", "status_code" }));
            Assert.That(list["request_id"], Does.StartWith("request-id-test-"));
            Assert.That(list.Json["status_code"]?.GetValue<int>(), Is.EqualTo(200));
        }
    }

    [Test]
    public async Task ListSessions_LoggedInUser_ListsTheSession()
    {
        var login = await Harness.LoginAsync();

        var list = await Harness.ListSessionsAsync(login.UserId);

        var session = list.Json["sessions"]!.AsArray().Single()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(session["session_id"]?.GetValue<string>(), Is.EqualTo(login.SessionId));
            Assert.That(session["user_id"]?.GetValue<string>(), Is.EqualTo(login.UserId));
            Assert.That(SessionHarness.Time(session["expires_at"]), Is.EqualTo(login.ExpiresAt));
        }
    }

    [Test]
    public async Task ListSessions_SessionsDoNotCarryTheirTokens()
    {
        var login = await Harness.LoginAsync();

        var list = await Harness.ListSessionsAsync(login.UserId);

        Assert.That(list.Text, Does.Not.Contain(login.SessionToken));
    }

    [Test]
    public async Task ListSessions_TwoLogins_ListsBothOldestFirst()
    {
        var first = await Harness.LoginAsync();
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Harness.LoginAsync();

        var list = await Harness.ListSessionsAsync(first.UserId);

        Assert.That(list.Json["sessions"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()), Is.EqualTo(new[] { first.SessionId, second.SessionId }));
    }

    [Test]
    public async Task ListSessions_OtherUsersSessions_AreNotListed()
    {
        var ada = await Harness.LoginAsync("ada@example.com");
        await Harness.LoginAsync("bob@example.com");

        var list = await Harness.ListSessionsAsync(ada.UserId);

        Assert.That(list.Json["sessions"]!.AsArray().Select(s => s!["user_id"]!.GetValue<string>()), Is.EqualTo(new[] { ada.UserId }));
    }

    [Test]
    public async Task ListSessions_UserWithoutSessions_ReturnsEmptyArray()
    {
        var user = Harness.Stytch.DefaultProject.Users.Create("ada@example.com");

        var list = await Harness.ListSessionsAsync(user.UserId);

        Assert.That(list.Status, Is.EqualTo(200), list.Text);
        Assert.That(list.Json["sessions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ListSessions_UnknownUser_Returns404UserNotFound()
    {
        var list = await Harness.ListSessionsAsync("user-test-" + Guid.NewGuid().ToString("D"));

        SessionHarness.AssertError(list, 404, "user_not_found");
    }

    [Test]
    public async Task ListSessions_MissingUserId_Returns400InvalidUserId()
    {
        var list = await Harness.Client.GetAsync("/v1/sessions");

        SessionHarness.AssertError(list, 400, "invalid_user_id");
    }

    [Test]
    public async Task ListSessions_EmptyUserId_Returns400InvalidUserId()
    {
        var list = await Harness.Client.GetAsync("/v1/sessions?user_id=");

        SessionHarness.AssertError(list, 400, "invalid_user_id");
    }

    [Test]
    public async Task DeleteUser_WithSession_TokenNoLongerAuthenticates()
    {
        var login = await Harness.LoginAsync();
        var deleted = await Harness.Client.DeleteAsync("/v1/users/" + login.UserId);
        Assert.That(deleted.Status, Is.EqualTo(200), deleted.Text);

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task DeleteUser_WithSession_JwtNoLongerAuthenticates()
    {
        var login = await Harness.LoginAsync();
        await Harness.Client.DeleteAsync("/v1/users/" + login.UserId);

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task DeleteUser_WithSession_ListSessionsReturns404UserNotFound()
    {
        var login = await Harness.LoginAsync();
        await Harness.Client.DeleteAsync("/v1/users/" + login.UserId);

        var list = await Harness.ListSessionsAsync(login.UserId);

        SessionHarness.AssertError(list, 404, "user_not_found");
    }

    [Test]
    public async Task DeleteUser_SameEmailLogsInAgain_OldSessionStaysGone()
    {
        var old = await Harness.LoginAsync("ada@example.com");
        await Harness.Client.DeleteAsync("/v1/users/" + old.UserId);
        var fresh = await Harness.LoginAsync("ada@example.com");

        var list = await Harness.ListSessionsAsync(fresh.UserId);

        Assert.That(list.Json["sessions"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()), Is.EqualTo(new[] { fresh.SessionId }));
    }

    [Test]
    public async Task DeleteUser_OtherUsersSessions_StayLive()
    {
        var ada = await Harness.LoginAsync("ada@example.com");
        var bob = await Harness.LoginAsync("bob@example.com");
        await Harness.Client.DeleteAsync("/v1/users/" + ada.UserId);

        var response = await Harness.AuthenticateSessionAsync(new { session_token = bob.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }
}
