using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stytch.Fake.Tests.FrontendSdk;

/// <summary>The pre-built password login (<c>Products.passwords</c>): the page's <c>?products=passwords</c>.</summary>
public sealed partial class FrontendSdkBrowserTests
{
    private const string Password = "correct-horse-battery-staple-41";

    [Test]
    public async Task PasswordLogin_NewEmail_CreatesTheUserWithThePasswordAndLandsSignedIn()
    {
        await OpenLoginAsync("passwords");
        await _page.GetByLabel("Email").FillAsync(Email);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // No user has the address, so the UI asks for a new password (strength-checked at the fake as it is typed).
        await Expect(_page.GetByText("Set a password")).ToBeVisibleAsync();
        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(Status).ToHaveTextAsync("signed in");
        var user = Stytch.Users.All.Single(u => u.Email == Email);
        await Expect(_page.GetByTestId("user-id")).ToHaveTextAsync(user.UserId);
        Assert.That(user.PasswordId, Is.Not.Empty, "the user has the password");
    }

    [Test]
    public async Task PasswordLogin_UserWithThePassword_LandsSignedIn()
    {
        var created = await Client.PostAsync("/v1/passwords", new { email = Email, password = Password });
        Assert.That(created.Status, Is.EqualTo(200), created.Text);
        await OpenLoginAsync("passwords");
        await _page.GetByLabel("Email").FillAsync(Email);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await _page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(Status).ToHaveTextAsync("signed in");
        await Expect(_page.GetByTestId("user-id")).ToHaveTextAsync(created["user_id"]!);
    }
}
