// README:suite-magic-link:begin
using NUnit.Framework;

// README:suite-magic-link:end
using System.Net;
using Stytch.Fake;

namespace Stytch.Sample.Web.Tests;

/// <summary>"Email me a link": the magic link from the fake's outbox, followed as a person clicks it.</summary>
public sealed class MagicLinkTests : SampleAppTest
{
    /// <summary>The path and query of the link Stytch "sent": the part the app's redirect page receives.</summary>
    private string LinkFor(string email) => new Uri(Project.Outbox.LatestFor(email).Link!).PathAndQuery;

    // README:suite-magic-link:begin
    [Test]
    public async Task LogIn_LinkFromOutbox_AccountShowsTheUser()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var home = await browser.GetAsync("/");
        var checkEmail = await browser.SubmitAsync(home, "/login", ("email", "ada@example.com"), ("method", "link"));
        var link = Project.Outbox.LatestFor("ada@example.com").Link!;                     // the link Stytch "sent"
        var account = await browser.GetAsync(new Uri(link).PathAndQuery);                // as if clicked

        Assert.Multiple(() =>
        {
            Assert.That(checkEmail.Title, Is.EqualTo("Check your email"));
            Assert.That(account.Path, Is.EqualTo("/account"));
            Assert.That(account.Text("email"), Is.EqualTo("ada@example.com"));
        });
    }
    // README:suite-magic-link:end

    [Test]
    public async Task Home_ShowsBothWaysToSignIn()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var home = await browser.GetAsync("/");

        Assert.That(home.Html, Does.Contain("Email me a code").And.Contain("Email me a link"));
    }

    [Test]
    public async Task LinkLogin_StartsASessionWithAMagicLinkFactor()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        await browser.SubmitAsync(await browser.GetAsync("/"), "/login", ("email", "ada@example.com"), ("method", "link"));

        await browser.GetAsync(LinkFor("ada@example.com"));

        var session = Project.Sessions.Of(Project.Users.All.Single().UserId).Single();
        Assert.That(session.AuthenticationFactors.Single().Kind, Is.EqualTo(FactorKind.MagicLink));
        Assert.That(session.ExpiresAt - session.StartedAt, Is.EqualTo(TimeSpan.FromMinutes(60)));
    }

    [Test]
    public async Task Link_ClickedTwice_AsksForANewLink()
    {
        await using var app = StartApp();
        using var first = Open(app);
        using var second = Open(app);
        await first.SubmitAsync(await first.GetAsync("/"), "/login", ("email", "ada@example.com"), ("method", "link"));
        var link = LinkFor("ada@example.com");
        await first.GetAsync(link);

        var again = await second.GetAsync(link);

        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(again.Alert, Is.EqualTo("That link has expired or was already used. Send yourself a new one."));
    }

    [Test]
    public async Task Link_AfterItExpired_AsksForANewLink()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        await browser.SubmitAsync(await browser.GetAsync("/"), "/login", ("email", "ada@example.com"), ("method", "link"));
        Project.Clock.Advance(TimeSpan.FromDays(7));     // a new user's signup link lives a week

        var page = await browser.GetAsync(LinkFor("ada@example.com"));

        Assert.That(page.Alert, Is.EqualTo("That link has expired or was already used. Send yourself a new one."));
    }

    [Test]
    public async Task Link_WithAnUnknownToken_SaysTheLinkIsNotValid()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var page = await browser.GetAsync("/authenticate?stytch_token_type=magic_links&token=rM_kw42CWBhsHLF62V75jELMbvJ87njMe3tFVj7Qupu7");

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(page.Alert, Is.EqualTo("That link is not valid. Send yourself a new one."));
    }

    [Test]
    public async Task CheckEmail_SendANewLink_SendsAnotherLink()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var checkEmail = await browser.SubmitAsync(await browser.GetAsync("/"), "/login", ("email", "ada@example.com"), ("method", "link"));

        var again = await browser.SubmitAsync(checkEmail, "/login");

        Assert.That(again.Title, Is.EqualTo("Check your email"));
        Assert.That(Project.Outbox.For("ada@example.com").Select(m => m.Token).Distinct().Count(), Is.EqualTo(2));
    }
}
