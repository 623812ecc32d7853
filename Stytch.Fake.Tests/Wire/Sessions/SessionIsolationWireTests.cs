namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>Two projects on one server never see each other's sessions or keys.</summary>
public sealed class SessionIsolationWireTests : SessionWireTest
{
    private SessionHarness _h = null!;
    private StytchFakeProject _b = null!;
    private WireClient _clientB = null!;

    [SetUp]
    public void CreateSecondProject()
    {
        _h = Harness;
        _b = _h.Stytch.CreateProject();
        _clientB = new WireClient(_h.Stytch, _b);
    }

    [TearDown]
    public void DisposeSecondClient() => _clientB.Dispose();

    [Test]
    public async Task Authenticate_SessionTokenOfProjectAInProjectB_Returns404SessionNotFound()
    {
        var login = await _h.LoginAsync();

        var response = await _clientB.PostAsync("/v1/sessions/authenticate", new { session_token = login.SessionToken });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Authenticate_SessionTokenOfProjectAInProjectA_StillWorksAfterProjectBTried()
    {
        var login = await _h.LoginAsync();
        await _clientB.PostAsync("/v1/sessions/authenticate", new { session_token = login.SessionToken });

        var response = await _h.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Authenticate_SessionJwtOfProjectAInProjectB_Returns400UnableToParseSessionJwt()
    {
        var login = await _h.LoginAsync();

        var response = await _clientB.PostAsync("/v1/sessions/authenticate", new { session_jwt = login.SessionJwt });

        SessionHarness.AssertError(response, 400, "unable_to_parse_session_jwt");
    }

    [Test]
    public async Task Revoke_SessionIdOfProjectAInProjectB_Returns404SessionNotFound()
    {
        var login = await _h.LoginAsync();

        var response = await _clientB.PostAsync("/v1/sessions/revoke", new { session_id = login.SessionId });

        SessionHarness.AssertError(response, 404, "session_not_found");
    }

    [Test]
    public async Task Revoke_SessionIdOfProjectAInProjectB_LeavesSessionLiveInA()
    {
        var login = await _h.LoginAsync();
        await _clientB.PostAsync("/v1/sessions/revoke", new { session_id = login.SessionId });

        Assert.That(_h.Stytch.DefaultProject.Sessions.Of(login.UserId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ListSessions_UserOfProjectAInProjectB_Returns404UserNotFound()
    {
        var login = await _h.LoginAsync();

        var response = await _clientB.GetAsync("/v1/sessions?user_id=" + login.UserId);

        SessionHarness.AssertError(response, 404, "user_not_found");
    }

    [Test]
    public async Task Jwks_TwoProjects_PublishDifferentKeys()
    {
        var a = (await _h.JwksWithoutAuthAsync()).Json["keys"]!.AsArray();
        var b = (await _h.JwksWithoutAuthAsync(_b.ProjectId)).Json["keys"]!.AsArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(b[0]!["kid"]!.GetValue<string>(), Is.Not.EqualTo(a[0]!["kid"]!.GetValue<string>()));
            Assert.That(b[0]!["n"]!.GetValue<string>(), Is.Not.EqualTo(a[0]!["n"]!.GetValue<string>()));
        }
    }

    [Test]
    public async Task SessionJwt_OfProjectB_FailsValidationAgainstProjectAJwks()
    {
        var foreign = await SessionHarness.LoginAsync(_clientB, _b);

        var result = await _h.ValidateAsync(foreign.SessionJwt);

        Assert.That(result.IsValid, Is.False);
    }
}
