// README:suite-password:begin
using NUnit.Framework;

// README:suite-password:end
using System.Net;
using Stytch.Fake;

namespace Stytch.Sample.Web.Tests;

/// <summary>Signing in with a password: create an account, sign in, and "forgot password" through the fake's outbox.</summary>
public sealed class PasswordTests : SampleAppTest
{
    private const string Strong = "violet-Tractor-umbrella-88";
    private const string Replacement = "another-Quiet-lantern-71";

    /// <summary>The path and query of the reset link Stytch "sent": the part the app's redirect page receives.</summary>
    private string ResetLinkFor(string email) => new Uri(Project.Outbox.LatestFor(email).Link!).PathAndQuery;

    private static async Task<Page> CreateAccountAsync(Browser browser, string email = "ada@example.com", string password = Strong) =>
        await browser.SubmitAsync(await browser.GetAsync("/"), "/password", ("email", email), ("password", password), ("intent", "create"));

    // README:suite-password:begin
    [Test]
    public async Task ForgotPassword_LinkFromOutbox_NewPasswordSignsIn()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var user = Project.Users.Create("ada@example.com");
        Project.Passwords.SetForUser(user.UserId, "violet-Tractor-umbrella-88");

        var home = await browser.GetAsync("/");
        await browser.SubmitAsync(home, "/password/forgot", ("email", "ada@example.com"));
        var link = Project.Outbox.LatestFor("ada@example.com").Link!;                      // the reset email Stytch "sent"
        var choose = await browser.GetAsync(new Uri(link).PathAndQuery);                   // as if clicked
        var account = await browser.SubmitAsync(choose, "/password/reset", ("password", "another-Quiet-lantern-71"));

        Assert.Multiple(() =>
        {
            Assert.That(choose.Title, Is.EqualTo("Choose a new password"));
            Assert.That(account.Path, Is.EqualTo("/account"));
            Assert.That(account.Text("user-id"), Is.EqualTo(user.UserId));
        });
    }
    // README:suite-password:end

    [Test]
    public async Task Home_OffersAPasswordAndForgotPassword()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var home = await browser.GetAsync("/");

        Assert.That(home.Html, Does.Contain("Sign in with password").And.Contain("Create account").And.Contain("Forgot your password?"));
    }

    [Test]
    public async Task CreateAccount_StrongPassword_AccountShowsTheNewUser()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var account = await CreateAccountAsync(browser);

        Assert.Multiple(() =>
        {
            Assert.That(account.Path, Is.EqualTo("/account"));
            Assert.That(account.Text("email"), Is.EqualTo("ada@example.com"));
            Assert.That(Project.Users.All.Single().PasswordId, Does.StartWith("password-test-"));
        });
    }

    [Test]
    public async Task CreateAccount_StartsASessionWithAPasswordFactor()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        await CreateAccountAsync(browser);

        var session = Project.Sessions.Of(Project.Users.All.Single().UserId).Single();
        Assert.That(session.AuthenticationFactors.Single().Kind, Is.EqualTo(FactorKind.Password));
    }

    [Test]
    public async Task CreateAccount_WeakPassword_AsksForAStrongerOneAndCreatesNoUser()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var page = await CreateAccountAsync(browser, password: "password1");

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(page.Alert, Is.EqualTo("That password is too weak or too common. Try a longer one, e.g. a few unrelated words."));
        Assert.That(Project.Users.All, Is.Empty);
    }

    [Test]
    public async Task CreateAccount_ExistingEmail_SaysSignInInstead()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        Project.Users.Create("ada@example.com");

        var page = await CreateAccountAsync(browser);

        Assert.That(page.Alert, Is.EqualTo("There is already an account with that email. Sign in instead."));
    }

    [Test]
    public async Task SignIn_RightPassword_AccountShowsTheUser()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        var user = Project.Users.Create("ada@example.com");
        Project.Passwords.SetForUser(user.UserId, Strong);

        var account = await browser.SubmitAsync(await browser.GetAsync("/"), "/password", ("email", "ada@example.com"), ("password", Strong));

        Assert.That(account.Path, Is.EqualTo("/account"));
        Assert.That(account.Text("user-id"), Is.EqualTo(user.UserId));
    }

    [TestCase("ada@example.com")]
    [TestCase("nobody@example.com")]
    public async Task SignIn_WrongPasswordOrUnknownEmail_SaysTheyDoNotMatch(string email)
    {
        await using var app = StartApp();
        using var browser = Open(app);
        Project.Passwords.SetForUser(Project.Users.Create("ada@example.com").UserId, Strong);

        var page = await browser.SubmitAsync(await browser.GetAsync("/"), "/password", ("email", email), ("password", Replacement));

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(page.Alert, Is.EqualTo("That email and password do not match."));
    }

    [Test]
    public async Task SignIn_WhileTheUserIsLocked_SaysTooManyAttempts()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        Project.Passwords.SetForUser(Project.Users.Create("ada@example.com").UserId, Strong);
        Project.Passwords.Policy = PasswordPolicy.Default with { LockThreshold = 1 };
        await browser.SubmitAsync(await browser.GetAsync("/"), "/password", ("email", "ada@example.com"), ("password", Replacement));

        var page = await browser.SubmitAsync(await browser.GetAsync("/"), "/password", ("email", "ada@example.com"), ("password", Strong));

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(page.Alert, Is.EqualTo("Too many attempts, try again later."));
    }

    [Test]
    public async Task ForgotPassword_UnknownEmail_ShowsTheSamePageAndSendsNothing()
    {
        await using var app = StartApp();
        using var browser = Open(app);

        var page = await browser.SubmitAsync(await browser.GetAsync("/"), "/password/forgot", ("email", "nobody@example.com"));

        Assert.That(page.Title, Is.EqualTo("Check your email"));
        Assert.That(Project.Outbox.For("nobody@example.com"), Is.Empty);
    }

    [Test]
    public async Task ForgotPassword_ThenTheOldPassword_NoLongerSignsIn()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        await CreateAccountAsync(browser);
        await browser.SubmitAsync(await browser.GetAsync("/"), "/password/forgot", ("email", "ada@example.com"));
        await browser.SubmitAsync(await browser.GetAsync(ResetLinkFor("ada@example.com")), "/password/reset", ("password", Replacement));

        var page = await browser.SubmitAsync(await browser.GetAsync("/"), "/password", ("email", "ada@example.com"), ("password", Strong));

        Assert.That(page.Alert, Is.EqualTo("That email and password do not match."));
    }

    [Test]
    public async Task ResetLink_WeakNewPassword_AsksAgainAndTheLinkStillWorks()
    {
        await using var app = StartApp();
        using var browser = Open(app);
        await CreateAccountAsync(browser);
        await browser.SubmitAsync(await browser.GetAsync("/"), "/password/forgot", ("email", "ada@example.com"));
        var choose = await browser.GetAsync(ResetLinkFor("ada@example.com"));

        var again = await browser.SubmitAsync(choose, "/password/reset", ("password", "password1"));
        var account = await browser.SubmitAsync(again, "/password/reset", ("password", Replacement));

        Assert.That((again.Status, again.Title), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "Choose a new password")));
        Assert.That(account.Path, Is.EqualTo("/account"));
    }

    [Test]
    public async Task ResetLink_UsedTwice_AsksForANewOne()
    {
        await using var app = StartApp();
        using var first = Open(app);
        using var second = Open(app);
        await CreateAccountAsync(first);
        await first.SubmitAsync(await first.GetAsync("/"), "/password/forgot", ("email", "ada@example.com"));
        var link = ResetLinkFor("ada@example.com");
        await first.SubmitAsync(await first.GetAsync(link), "/password/reset", ("password", Replacement));

        var page = await second.SubmitAsync(await second.GetAsync(link), "/password/reset", ("password", "Third-Harbor-Lemon-63"));

        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(page.Alert, Is.EqualTo("That reset link has expired or was already used. Ask for a new one."));
    }
}
