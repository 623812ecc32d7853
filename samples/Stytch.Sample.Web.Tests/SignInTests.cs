// README:suite-test:begin
using NUnit.Framework;

// README:suite-test:end
using System.Net;
using Stytch.Fake;

namespace Stytch.Sample.Web.Tests;

// README:suite-test:begin
public sealed class SignInTests : SampleAppTest
{
    [Test]
    public async Task LogIn_RightCodeFromOutbox_AccountShowsTheUser()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var home = await browser.GetAsync("/");
        var codeForm = await browser.SubmitAsync(home, "/login", ("email", "ada@example.com"));
        var code = Project.Outbox.LatestFor("ada@example.com").Code;          // the email Stytch "sent"
        var account = await browser.SubmitAsync(codeForm, "/authenticate", ("code", code));

        Assert.Multiple(() =>
        {
            Assert.That(account.Path, Is.EqualTo("/account"));
            Assert.That(account.Text("email"), Is.EqualTo("ada@example.com"));
            Assert.That(account.Text("user-id"), Is.EqualTo(Project.Users.All.Single().UserId));
            Assert.That(StytchCalls("/v1/sessions/authenticate"), Is.Zero);    // the JWT was verified locally
        });
    }

    // … more tests
    // README:suite-test:end

    [Test]
    public async Task Login_Email_ShowsCodeFormCarryingTheEmailId()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var home = await browser.GetAsync("/");

        var codeForm = await browser.SubmitAsync(home, "/login", ("email", "ada@example.com"));

        Assert.Multiple(() =>
        {
            Assert.That(codeForm.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(codeForm.Title, Is.EqualTo("Enter your code"));
            Assert.That(codeForm.Form("/authenticate")["email_id"], Is.EqualTo(Project.Outbox.LatestFor("ada@example.com").MethodId));
        });
    }

    [Test]
    public async Task Authenticate_RightCode_SetsHttpOnlySessionCookiesAndRedirectsToAccount()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var account = await LogInAsync(browser, "ada@example.com");

        var authenticate = account.Hops[0];
        var session = Project.Sessions.Of(Project.Users.All.Single().UserId).Single();
        Assert.Multiple(() =>
        {
            Assert.That(authenticate.Status, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(authenticate.Location, Is.EqualTo("/account"));
            Assert.That(authenticate.SetCookies, Has.Some.StartsWith("stytch_session_jwt=ey").And.Contains("httponly"));
            Assert.That(authenticate.SetCookies, Has.Some.StartsWith($"stytch_session={session.SessionToken};").And.Contains("httponly"));
            Assert.That(session.ExpiresAt - session.StartedAt, Is.EqualTo(TimeSpan.FromMinutes(60)));
        });
    }

    [Test]
    public async Task Authenticate_WrongCode_ShowsWrongCodeMessageAndKeepsTheCodeForm()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var home = await browser.GetAsync("/");
        var codeForm = await browser.SubmitAsync(home, "/login", ("email", "ada@example.com"));
        var right = Project.Outbox.LatestFor("ada@example.com").Code;

        var page = await browser.SubmitAsync(codeForm, "/authenticate", ("code", right == "123456" ? "654321" : "123456"));

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page.Alert, Is.EqualTo("That code is not right. Check the email we sent and try again."));
            Assert.That(page.Form("/authenticate")["email_id"], Is.EqualTo(codeForm.Form("/authenticate")["email_id"]));
            Assert.That(Project.Sessions.Of(Project.Users.All.Single().UserId), Is.Empty);
        });
    }

    [Test]
    public async Task Authenticate_CodeOlderThanTwoMinutes_ShowsExpiredMessage()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var home = await browser.GetAsync("/");
        var codeForm = await browser.SubmitAsync(home, "/login", ("email", "ada@example.com"));
        var code = Project.Outbox.LatestFor("ada@example.com").Code;

        Project.Clock.Advance(TimeSpan.FromMinutes(3));   // Stytch's default code lifetime is 2 minutes
        var page = await browser.SubmitAsync(codeForm, "/authenticate", ("code", code));

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page.Alert, Is.EqualTo("That code has expired or was already used. Send yourself a new one."));
            Assert.That(page.Form("/login")["email"], Is.EqualTo("ada@example.com"));
        });
    }

    [Test]
    public async Task Login_SandboxAddressWithCode000000_AccountShowsTheSandboxUser()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var home = await browser.GetAsync("/");
        var codeForm = await browser.SubmitAsync(home, "/login", ("email", "sandbox@stytch.com"));

        var account = await browser.SubmitAsync(codeForm, "/authenticate", ("code", "000000"));

        Assert.Multiple(() =>
        {
            Assert.That(account.Path, Is.EqualTo("/account"));
            Assert.That(account.Text("user-id"), Is.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
            Assert.That(account.Text("email"), Is.EqualTo("sandbox@stytch.com"));
            Assert.That(Project.Outbox.All, Is.Empty);
        });
    }

    [Test]
    public async Task Login_MarkupInEmail_IsRenderedEncoded()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var home = await browser.GetAsync("/");
        const string hostile = "\"><script>alert(1)</script>";

        var page = await browser.SubmitAsync(home, "/login", ("email", hostile));

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(page.Alert, Is.EqualTo("That does not look like an email address."));
            Assert.That(page.Html, Does.Not.Contain("<script>"));
            Assert.That(page.Form("/login")["email"], Is.EqualTo(hostile));
        });
    }

    [Test]
    public async Task Login_WithoutAntiforgeryToken_IsRefusedWithAFriendlyPage()
    {
        await using var app = StartApp();
        using var http = app.CreateClient();

        using var response = await http.PostAsync("/login", new FormUrlEncodedContent([new("email", "ada@example.com")]));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(html, Does.Contain("That form has expired. Please start again."));
            Assert.That(Project.Outbox.All, Is.Empty);
        });
    }
    // README:suite-test:begin
}
// README:suite-test:end
