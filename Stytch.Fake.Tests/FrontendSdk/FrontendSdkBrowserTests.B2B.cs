using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stytch.Fake.Tests.FrontendSdk;

/// <summary>The B2B client's pre-built discovery login (<c>StytchB2BUIClient</c>, email OTP) on the page's <c>/b2b</c>.</summary>
public sealed partial class FrontendSdkBrowserTests
{
    private async Task<SeededOrganization> LogInToB2BAsync()
    {
        var organization = Stytch.Seed.Organization(o => o.Name("Acme")).WithMember(Email);
        await _page.GotoAsync(new Uri(Site.Url, "b2b").ToString());
        await _page.GetByLabel("Email").FillAsync(Email);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Continue with email" }).ClickAsync();
        await Expect(_page.GetByText("Enter passcode")).ToBeVisibleAsync();   // the code is in the outbox by then
        await _page.GetByLabel("One-time passcode").FillAsync(Stytch.Outbox.LatestFor(Email, MessageKind.Discovery).Code);

        // Discovery lists the organizations the address belongs to; picking one exchanges the intermediate session.
        await Expect(_page.GetByText("Select an organization to continue")).ToBeVisibleAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Acme" }).ClickAsync();
        await Expect(Status).ToHaveTextAsync("signed in");
        return organization;
    }

    [Test]
    public async Task B2BDiscoveryLogin_CodeFromTheOutbox_LandsSignedInAsTheMember()
    {
        var organization = await LogInToB2BAsync();

        await Expect(_page.GetByTestId("organization-id")).ToHaveTextAsync(organization.OrganizationId);
        await Expect(_page.GetByTestId("member-id")).ToHaveTextAsync(organization.MemberFor(Email).MemberId);
        await Expect(_page.GetByTestId("member-email")).ToHaveTextAsync(Email);
    }

    [Test]
    public async Task B2BDiscoveryLogin_CodeFromTheOutbox_IsAMemberSessionTheBackendApiAuthenticates()
    {
        var organization = await LogInToB2BAsync();
        var sessionId = await _page.GetByTestId("session-id").TextContentAsync();

        var answer = await Client.PostAsync("/v1/b2b/sessions/authenticate", new { session_token = await SessionCookieAsync() });

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
            Assert.That(answer.Json["member_session"]!["member_session_id"]!.GetValue<string>(), Is.EqualTo(sessionId));
            Assert.That(answer.Json["organization"]!["organization_id"]!.GetValue<string>(), Is.EqualTo(organization.OrganizationId));
        });
    }

    [Test]
    public async Task B2BReload_SignedIn_KeepsTheMemberSession()
    {
        await LogInToB2BAsync();
        var sessionId = await _page.GetByTestId("session-id").TextContentAsync();

        var check = await _page.RunAndWaitForResponseAsync(
            () => _page.ReloadAsync(),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/sdk/v1/b2b/sessions/authenticate");

        Assert.That(check.Status, Is.EqualTo(200), await check.TextAsync());
        await Expect(Status).ToHaveTextAsync("signed in");
        await Expect(_page.GetByTestId("session-id")).ToHaveTextAsync(sessionId!);
    }

    [Test]
    public async Task B2BLogout_SignedIn_RevokesTheMemberSessionAtTheFake()
    {
        await LogInToB2BAsync();
        var token = await SessionCookieAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();

        await Expect(Status).ToHaveTextAsync("signed out");
        var after = await Client.PostAsync("/v1/b2b/sessions/authenticate", new { session_token = token });
        Assert.Multiple(() =>
        {
            Assert.That(after.Status, Is.EqualTo(404), after.Text);
            Assert.That(after.ErrorType, Is.EqualTo("session_not_found"));
        });
    }
}
