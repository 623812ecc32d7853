
namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>The in-process session back doors (<see cref="StytchFakeProject.MintSession"/> and friends), seen over HTTP.</summary>
public sealed class SessionInProcessWireTests : SessionWireTest
{
    private StytchFakeProject Project => Harness.Stytch.DefaultProject;

    [Test]
    public async Task MintSession_Token_AuthenticatesOverHttp()
    {
        var user = Project.CreateUser("ada@example.com");
        var minted = Project.MintSession(user.UserId);

        var response = await Harness.AuthenticateSessionAsync(new { session_token = minted.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["session"]?["session_id"]?.GetValue<string>(), Is.EqualTo(minted.Session.SessionId));
    }

    [Test]
    public async Task MintSession_Jwt_AuthenticatesOverHttp()
    {
        var user = Project.CreateUser("ada@example.com");
        var minted = Project.MintSession(user.UserId);

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = minted.SessionJwt });

        Assert.That(response.Json["session"]?["session_id"]?.GetValue<string>(), Is.EqualTo(minted.Session.SessionId));
    }

    [Test]
    public async Task MintSession_Jwt_ValidatesAgainstJwks()
    {
        var user = Project.CreateUser("ada@example.com");
        var minted = Project.MintSession(user.UserId);

        var result = await Harness.ValidateAsync(minted.SessionJwt);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public void MintSession_WithoutDuration_Lasts60Minutes()
    {
        var user = Project.CreateUser("ada@example.com");

        var minted = Project.MintSession(user.UserId);

        Assert.That(minted.Session.ExpiresAt - minted.Session.StartedAt, Is.EqualTo(TimeSpan.FromMinutes(60)));
    }

    [Test]
    public async Task MintSession_WithDuration_ExpiresOnTheFakeClock()
    {
        var user = Project.CreateUser("ada@example.com");
        var minted = Project.MintSession(user.UserId, TimeSpan.FromMinutes(15));
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(15));

        var response = await Harness.AuthenticateSessionAsync(new { session_token = minted.SessionToken });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public void MintSession_UnknownUser_ThrowsUserNotFound()
    {
        var e = Assert.Throws<StytchException>(() => Project.MintSession("user-test-" + Guid.NewGuid().ToString("D")));

        Assert.That(e.Error.ErrorType, Is.EqualTo("user_not_found"));
    }

    [Test]
    public async Task MintSession_ForUserLoggedInOverHttp_IsListedOverHttp()
    {
        var login = await Harness.LoginAsync();
        var minted = Project.MintSession(login.UserId);

        var list = await Harness.ListSessionsAsync(login.UserId);

        Assert.That(list.Json["sessions"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()), Is.EquivalentTo(new[] { login.SessionId, minted.Session.SessionId }));
    }

    [Test]
    public async Task SessionsOf_AfterHttpLogin_ListsThatSession()
    {
        var login = await Harness.LoginAsync();

        var sessions = Project.SessionsOf(login.UserId);

        Assert.That(sessions.Select(s => s.SessionId), Is.EqualTo(new[] { login.SessionId }));
    }

    [Test]
    public async Task SessionsOf_AfterHttpLogin_HoldsTheSameTokenAndExpiry()
    {
        var login = await Harness.LoginAsync(minutes: 30);

        var session = Project.SessionsOf(login.UserId).Single();

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

        Assert.That(Project.SessionsOf(login.UserId), Is.Empty);
    }

    [Test]
    public async Task RevokeSession_InProcess_TokenGets404OverHttp()
    {
        var login = await Harness.LoginAsync();

        Project.RevokeSession(login.SessionId);

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });
        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public void RevokeSession_UnknownId_ThrowsSessionNotFound()
    {
        var e = Assert.Throws<StytchException>(() => Project.RevokeSession(SessionHarness.UnknownSessionId()));

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
