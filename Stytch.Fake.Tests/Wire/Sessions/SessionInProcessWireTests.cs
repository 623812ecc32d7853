
namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>The in-process session back doors (<see cref="StytchFakeProject.Sessions"/>: mint, list and revoke), seen over HTTP.</summary>
public sealed class SessionInProcessWireTests : SessionWireTest
{
    private StytchFakeProject Project => Harness.Stytch.DefaultProject;

    [Test]
    public async Task SessionsMint_Token_AuthenticatesOverHttp()
    {
        var user = Project.Users.Create("ada@example.com");
        var minted = Project.Sessions.Mint(user.UserId);

        var response = await Harness.AuthenticateSessionAsync(new { session_token = minted.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["session"]?["session_id"]?.GetValue<string>(), Is.EqualTo(minted.Session.SessionId));
    }

    [Test]
    public async Task SessionsMint_Jwt_AuthenticatesOverHttp()
    {
        var user = Project.Users.Create("ada@example.com");
        var minted = Project.Sessions.Mint(user.UserId);

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = minted.SessionJwt });

        Assert.That(response.Json["session"]?["session_id"]?.GetValue<string>(), Is.EqualTo(minted.Session.SessionId));
    }

    [Test]
    public async Task SessionsMint_Jwt_ValidatesAgainstJwks()
    {
        var user = Project.Users.Create("ada@example.com");
        var minted = Project.Sessions.Mint(user.UserId);

        var result = await Harness.ValidateAsync(minted.SessionJwt);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public void SessionsMint_WithoutDuration_Lasts60Minutes()
    {
        var user = Project.Users.Create("ada@example.com");

        var minted = Project.Sessions.Mint(user.UserId);

        Assert.That(minted.Session.ExpiresAt - minted.Session.StartedAt, Is.EqualTo(TimeSpan.FromMinutes(60)));
    }

    [Test]
    public async Task SessionsMint_WithDuration_ExpiresOnTheFakeClock()
    {
        var user = Project.Users.Create("ada@example.com");
        var minted = Project.Sessions.Mint(user.UserId, TimeSpan.FromMinutes(15));
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(15));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = minted.SessionToken });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public void SessionsMint_UnknownUser_ThrowsUserNotFound()
    {
        var e = Assert.Throws<StytchException>(() => Project.Sessions.Mint("user-test-" + Guid.NewGuid().ToString("D")));

        Assert.That(e.Error.ErrorType, Is.EqualTo("user_not_found"));
    }

    [Test]
    public async Task SessionsMint_ForUserLoggedInOverHttp_IsListedOverHttp()
    {
        var login = await Harness.LoginAsync();
        var minted = Project.Sessions.Mint(login.UserId);

        var list = await Harness.ListSessionsAsync(login.UserId);

        Assert.That(list.Json["sessions"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()), Is.EquivalentTo(new[] { login.SessionId, minted.Session.SessionId }));
    }

    [Test]
    public async Task SessionsOf_AfterHttpLogin_ListsThatSession()
    {
        var login = await Harness.LoginAsync();

        var sessions = Project.Sessions.Of(login.UserId);

        Assert.That(sessions.Select(s => s.SessionId), Is.EqualTo(new[] { login.SessionId }));
    }

    [Test]
    public async Task SessionsOf_AfterHttpLogin_HoldsTheSameTokenAndExpiry()
    {
        var login = await Harness.LoginAsync(minutes: 30);

        var session = Project.Sessions.Of(login.UserId).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.SessionToken, Is.EqualTo(login.SessionToken));
            Assert.That(session.ExpiresAt, Is.EqualTo(login.ExpiresAt));
        }
    }

    [Test]
    public async Task SessionsOf_AfterHttpRevoke_IsEmpty()
    {
        var login = await Harness.LoginAsync();
        await Harness.RevokeAsync(new { session_token = login.SessionToken });

        Assert.That(Project.Sessions.Of(login.UserId), Is.Empty);
    }

    [Test]
    public async Task SessionsRevoke_InProcess_TokenGets404OverHttp()
    {
        var login = await Harness.LoginAsync();

        Project.Sessions.Revoke(login.SessionId);

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });
        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public void SessionsRevoke_UnknownId_ThrowsSessionNotFound()
    {
        var e = Assert.Throws<StytchException>(() => Project.Sessions.Revoke(SessionHarness.UnknownSessionId()));

        Assert.That(e.Error.ErrorType, Is.EqualTo("session_not_found"));
    }

    [Test]
    public async Task Reset_WithSession_TokenNoLongerAuthenticates()
    {
        var login = await Harness.LoginAsync();

        Harness.Stytch.Reset();

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });
        SessionHarness.AssertError(response, 404, "session_not_found");
    }
}
