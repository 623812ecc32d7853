// README:suite-refresh:begin
using NUnit.Framework;

// README:suite-refresh:end
using System.Net;

namespace Stytch.Sample.Web.Tests;

// README:suite-refresh:begin
public sealed class SessionTests : SampleAppTest
{
    [Test]
    public async Task Account_JwtOlderThanFiveMinutes_IsRefreshedThroughSessionsAuthenticate()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        await LogInAsync(browser, "ada@example.com");

        Project.Clock.Advance(TimeSpan.FromMinutes(6));   // past the JWT's 5 minutes, inside the 60-minute session
        var refreshed = await browser.GetAsync("/account");
        var again = await browser.GetAsync("/account");

        Assert.Multiple(() =>
        {
            Assert.That(refreshed.Text("email"), Is.EqualTo("ada@example.com"));
            Assert.That(refreshed.SetCookies, Has.Some.StartsWith("stytch_session_jwt=ey"));   // a fresh JWT from Stytch
            Assert.That(again.SetCookies, Is.Empty);                                       // which now verifies locally
            Assert.That(StytchCalls("/v1/sessions/authenticate"), Is.EqualTo(1));
        });
    }

    // … more tests
    // README:suite-refresh:end
    private const string SessionsAuthenticate = "/v1/sessions/authenticate";

    [Test]
    public async Task Account_SessionExpired_ClearsCookiesAndRedirectsHome()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        await LogInAsync(browser, "ada@example.com");

        Project.Clock.Advance(TimeSpan.FromMinutes(61));  // the 60-minute session is over
        var page = await browser.GetAsync("/account");
        var afterwards = await browser.GetAsync("/account");

        Assert.Multiple(() =>
        {
            Assert.That(page.Hops[0].Status, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(page.Path, Is.EqualTo("/"));
            Assert.That(page.Title, Is.EqualTo("Sign in"));
            Assert.That(page.Hops[0].SetCookies, Has.Some.StartsWith("stytch_session_jwt=;").And.Contains("expires=Thu, 01 Jan 1970"));
            Assert.That(page.Hops[0].SetCookies, Has.Some.StartsWith("stytch_session=;").And.Contains("expires=Thu, 01 Jan 1970"));
            Assert.That(afterwards.Path, Is.EqualTo("/"));
            Assert.That(StytchCalls(SessionsAuthenticate), Is.EqualTo(1)); // no cookies left to ask Stytch about
        });
    }

    [Test]
    public async Task Logout_SignedIn_RevokesTheSessionAndClearsCookies()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var account = await LogInAsync(browser, "ada@example.com");
        var userId = Project.Users.All.Single().UserId;
        Assert.That(Project.Sessions.Of(userId), Has.Count.EqualTo(1));

        var home = await browser.SubmitAsync(account, "/logout");
        var afterwards = await browser.GetAsync("/account");

        Assert.Multiple(() =>
        {
            Assert.That(home.Path, Is.EqualTo("/"));
            Assert.That(Project.Sessions.Of(userId), Is.Empty);
            Assert.That(home.Hops[0].SetCookies, Has.Some.StartsWith("stytch_session=;"));
            Assert.That(afterwards.Path, Is.EqualTo("/"));
        });
    }

    [Test]
    public async Task Account_NoCookies_RedirectsHomeWithoutCallingStytch()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var page = await browser.GetAsync("/account");

        Assert.Multiple(() =>
        {
            Assert.That(page.Hops[0].Status, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(page.Path, Is.EqualTo("/"));
            Assert.That(Project.Requests.All, Is.Empty);
        });
    }

    [Test]
    public async Task Account_SessionRevokedElsewhere_LogsOutOnceTheJwtIsStale()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        await LogInAsync(browser, "ada@example.com");
        var session = Project.Sessions.Of(Project.Users.All.Single().UserId).Single();

        Project.Sessions.Revoke(session.SessionId);
        Project.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(11));
        var page = await browser.GetAsync("/account");

        Assert.That(page.Path, Is.EqualTo("/"));
    }

    [Test]
    public async Task Account_SigningKeyRotated_RefetchesTheJwksForTheNewKey()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        await LogInAsync(browser, "ada@example.com");
        var jwks = $"/v1/sessions/jwks/{Project.ProjectId}";
        Assert.That(StytchCalls(jwks), Is.EqualTo(1));

        Project.RotateSigningKey();
        Project.Clock.Advance(TimeSpan.FromMinutes(6));
        var refreshed = await browser.GetAsync("/account");   // Stytch signs the fresh JWT with the new key
        var again = await browser.GetAsync("/account");        // unknown kid: the app fetches the JWKS again

        Assert.Multiple(() =>
        {
            Assert.That(refreshed.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(StytchCalls(jwks), Is.EqualTo(2));
            Assert.That(StytchCalls(SessionsAuthenticate), Is.EqualTo(1));
        });
    }
    // README:suite-refresh:begin
}
// README:suite-refresh:end
