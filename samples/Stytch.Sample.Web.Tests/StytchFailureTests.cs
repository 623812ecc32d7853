using System.Net;
using Stytch.Fake;

namespace Stytch.Sample.Web.Tests;

public sealed class StytchFailureTests : SampleAppTest
{
    [Test]
    public async Task Login_StytchAnswers429_ShowsTooManyAttempts()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var home = await browser.GetAsync("/");
        Project.Faults.Next("otps.email.login_or_create").Fail(StytchError.TooManyRequests);

        var page = await browser.SubmitAsync(home, "/login", ("email", "ada@example.com"));

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(page.Alert, Is.EqualTo("Too many attempts, try again later."));
            Assert.That(page.Form("/login")["email"], Is.EqualTo("ada@example.com"));
            Assert.That(Project.Outbox.All, Is.Empty);
        });
    }

    [TestCase("500 error envelope")]
    [TestCase("503 plain text")]
    [TestCase("dropped connection")]
    public async Task Login_StytchUnavailable_ShowsUnavailableMessage(string failure)
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var home = await browser.GetAsync("/");
        var next = Project.Faults.Next("otps.email.login_or_create");
        _ = failure switch
        {
            "500 error envelope" => next.Fail(StytchError.InternalServerError),
            "503 plain text" => next.Respond(503, "upstream connect error"),
            _ => next.DropConnection(),
        };

        var page = await browser.SubmitAsync(home, "/login", ("email", "ada@example.com"));

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(page.Alert, Is.EqualTo("Stytch is unavailable, try again."));
            Assert.That(page.Form("/login")["email"], Is.EqualTo("ada@example.com"));
        });
    }

    [Test]
    public async Task Authenticate_StytchAnswers429_ShowsTooManyAttemptsAndKeepsTheCodeForm()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var home = await browser.GetAsync("/");
        var codeForm = await browser.SubmitAsync(home, "/login", ("email", "ada@example.com"));
        var code = Project.Outbox.LatestFor("ada@example.com").Code;
        Project.Faults.Next("otps.authenticate").Fail(StytchError.TooManyRequests);

        var page = await browser.SubmitAsync(codeForm, "/authenticate", ("code", code));
        var retry = await browser.SubmitAsync(page, "/authenticate", ("code", code));

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(page.Alert, Is.EqualTo("Too many attempts, try again later."));
            Assert.That(retry.Path, Is.EqualTo("/account"));
        });
    }

    [Test]
    public async Task Authenticate_StytchAnswers500_ShowsUnavailableMessage()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var home = await browser.GetAsync("/");
        var codeForm = await browser.SubmitAsync(home, "/login", ("email", "ada@example.com"));
        var code = Project.Outbox.LatestFor("ada@example.com").Code;
        Project.Faults.Next("otps.authenticate").Fail(StytchError.InternalServerError);

        var page = await browser.SubmitAsync(codeForm, "/authenticate", ("code", code));

        Assert.Multiple(() =>
        {
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(page.Alert, Is.EqualTo("Stytch is unavailable, try again."));
            Assert.That(page.SetCookies, Has.None.StartsWith("stytch_session"));
        });
    }

    [Test]
    public async Task Account_StytchDownWhileJwtIsStale_ShowsUnavailableAndKeepsTheSession()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        await LogInAsync(browser, "ada@example.com");
        Project.Clock.Advance(TimeSpan.FromMinutes(6));
        Project.Faults.Next("sessions.authenticate").Fail(StytchError.ServerUnavailable);

        var down = await browser.GetAsync("/account");
        var later = await browser.GetAsync("/account");

        Assert.Multiple(() =>
        {
            Assert.That(down.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(down.Alert, Is.EqualTo("Stytch is unavailable, try again."));
            Assert.That(down.SetCookies, Is.Empty);
            Assert.That(later.Path, Is.EqualTo("/account"));
            Assert.That(later.Text("email"), Is.EqualTo("ada@example.com"));
        });
    }
}
