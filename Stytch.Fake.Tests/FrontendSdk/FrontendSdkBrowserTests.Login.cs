using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stytch.Fake.Tests.FrontendSdk;

public sealed partial class FrontendSdkBrowserTests
{
    [Test]
    public void Package_Installed_IsThePinnedVersion()
    {
        var folder = Path.Combine(Path.GetDirectoryName(PageSite.Files().Site)!, "..", "NodeSdk");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "package.json")))!;
        var lockFile = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "package-lock.json")))!;
        var installed = Path.Combine(folder, "node_modules", "@stytch", "vanilla-js", "package.json");

        Assert.Multiple(() =>
        {
            Assert.That(manifest["dependencies"]!["@stytch/vanilla-js"]!.GetValue<string>(), Is.EqualTo(PageSite.PinnedSdkVersion), "package.json pins an exact version");
            Assert.That(lockFile["packages"]!["node_modules/@stytch/vanilla-js"]!["version"]!.GetValue<string>(), Is.EqualTo(PageSite.PinnedSdkVersion));
            Assert.That(File.Exists(installed), Is.True, $"@stytch/vanilla-js is not installed: run `npm ci` in {folder}");
            Assert.That(JsonNode.Parse(File.ReadAllText(installed))!["version"]!.GetValue<string>(), Is.EqualTo(PageSite.PinnedSdkVersion),
                $"node_modules holds another version: run `npm ci` in {folder}");
        });
    }

    [Test]
    public async Task EmailOtpLogin_CodeFromTheOutbox_LandsSignedInAsTheFakesUser()
    {
        await LogInWithEmailOtpAsync();

        var user = Stytch.Users.All.Single(u => u.Email == Email);
        await Expect(_page.GetByTestId("user-email")).ToHaveTextAsync(Email);
        await Expect(_page.GetByTestId("user-id")).ToHaveTextAsync(user.UserId);
        Assert.That(Stytch.Outbox.For(Email), Has.Count.EqualTo(1), "one code was sent");
    }

    [Test]
    public async Task EmailOtpLogin_CodeFromTheOutbox_IsASessionTheBackendApiAuthenticates()
    {
        await LogInWithEmailOtpAsync();
        var sessionId = await _page.GetByTestId("session-id").TextContentAsync();

        var byToken = await Client.PostAsync("/v1/sessions/authenticate", new { session_token = await SessionCookieAsync() });
        var byJwt = await Client.PostAsync("/v1/sessions/authenticate", new { session_jwt = await SessionCookieAsync("stytch_session_jwt") });

        Assert.Multiple(() =>
        {
            Assert.That(byToken.Status, Is.EqualTo(200), byToken.Text);
            Assert.That(byToken.Json["session"]!["session_id"]!.GetValue<string>(), Is.EqualTo(sessionId));
            Assert.That(byJwt.Status, Is.EqualTo(200), byJwt.Text);
            Assert.That(byJwt.Json["session"]!["session_id"]!.GetValue<string>(), Is.EqualTo(sessionId));
        });
    }

    [Test]
    public async Task EmailOtpLogin_EverySdkCall_IsCrossOriginAndAnsweredWithData()
    {
        await LogInWithEmailOtpAsync();

        // Telemetry (/events) is answered but never read by the SDK; every other call's answer is {"data": …}.
        var calls = SdkRequests().Where(r => r.Method != "OPTIONS" && SdkPath(r).StartsWith("/sdk/v1/", StringComparison.Ordinal) && SdkPath(r) != "/sdk/v1/events").ToList();
        var answers = await Task.WhenAll(calls.Select(async r =>
        {
            var response = await r.ResponseAsync();
            return (Path: SdkPath(r), Origin: await r.HeaderValueAsync("origin"), Status: response?.Status, Body: response is null ? "" : await response.TextAsync());
        }));

        Assert.That(answers.Select(a => a.Path), Is.SupersetOf(new[]
        {
            $"/sdk/v1/projects/bootstrap/{Stytch.DefaultProject.PublicToken}", "/sdk/v1/otps/email/login_or_create", "/sdk/v1/otps/authenticate",
        }));
        Assert.That(Site.Origin, Is.Not.EqualTo(Stytch.Url.GetLeftPart(UriPartial.Authority)), "the page is at another origin than the fake");
        Assert.Multiple(() =>
        {
            foreach (var (path, origin, status, body) in answers)
            {
                Assert.That(origin, Is.EqualTo(Site.Origin), path);
                Assert.That(status, Is.EqualTo(200), path);
                Assert.That(JsonNode.Parse(body)?["data"], Is.InstanceOf<JsonObject>(), path);
            }
        });
    }

    [Test]
    public async Task EmailOtpLogin_ClientsideServicesIframe_ComesFromTheFake()
    {
        await OpenLoginAsync();
        await _page.GetByLabel("Email").FillAsync(Email);

        // The OTP screen loads the SDK's clientside-services iframe (phone formatting, One Tap) even for email.
        var iframe = await _page.RunAndWaitForResponseAsync(
            () => _page.GetByRole(AriaRole.Button, new() { Name = "Continue with email" }).ClickAsync(),
            response => response.Url == ClientsideServicesIframeUrl.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(iframe.Status, Is.EqualTo(200));
            Assert.That(iframe.Headers["content-type"], Does.StartWith("text/html"));
        });
    }

    [Test]
    public async Task MagicLinkLogin_LinkFromTheOutbox_LandsSignedInAsTheFakesUser()
    {
        await OpenLoginAsync("emailMagicLinks");
        await _page.GetByLabel("Email").FillAsync(Email);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Continue with email" }).ClickAsync();
        await Expect(_page.GetByText("Check your email")).ToBeVisibleAsync();
        var link = Stytch.Outbox.LatestFor(Email).Link ?? throw new AssertionException("The fake's message has no link.");
        Assert.That(link, Does.StartWith(new Uri(Site.Url, "authenticate").ToString()), "the link opens the page's /authenticate");

        await _page.GotoAsync(link);

        var user = Stytch.Users.All.Single(u => u.Email == Email);
        await Expect(Status).ToHaveTextAsync("signed in");
        await Expect(_page.GetByTestId("user-id")).ToHaveTextAsync(user.UserId);
        await Expect(_page).ToHaveURLAsync(new Uri(Site.Url, "authenticate").ToString());
    }

    [Test]
    public async Task Reload_SignedIn_KeepsTheSessionTheFakeAuthenticates()
    {
        await LogInWithEmailOtpAsync();
        var sessionId = await _page.GetByTestId("session-id").TextContentAsync();

        // On load with a session cookie the SDK asks the fake whether the session still holds.
        var check = await _page.RunAndWaitForResponseAsync(
            () => _page.ReloadAsync(),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/sdk/v1/sessions/authenticate");

        Assert.That(check.Status, Is.EqualTo(200), await check.TextAsync());
        Assert.That(Data(await check.TextAsync())["session"]!["session_id"]!.GetValue<string>(), Is.EqualTo(sessionId));
        await Expect(Status).ToHaveTextAsync("signed in");
        await Expect(_page.GetByTestId("session-id")).ToHaveTextAsync(sessionId!);
    }

    [Test]
    public async Task Logout_SignedIn_RevokesTheSessionAtTheFake()
    {
        await LogInWithEmailOtpAsync();
        var token = await SessionCookieAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();

        await Expect(Status).ToHaveTextAsync("signed out");
        await Expect(_page.GetByLabel("Email")).ToBeVisibleAsync();
        var after = await Client.PostAsync("/v1/sessions/authenticate", new { session_token = token });
        Assert.Multiple(() =>
        {
            Assert.That(after.Status, Is.EqualTo(404), after.Text);
            Assert.That(after.ErrorType, Is.EqualTo("session_not_found"));
        });
    }

    [Test]
    public async Task Reload_AfterLogout_StaysSignedOut()
    {
        await LogInWithEmailOtpAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(Status).ToHaveTextAsync("signed out");

        await _page.ReloadAsync();

        await Expect(Status).ToHaveTextAsync("signed out");
        var cookies = await _context!.CookiesAsync([Site.Url.ToString()]);
        Assert.That(cookies.Select(c => c.Name), Has.No.Member("stytch_session"));
    }

    [Test]
    public async Task EmailOtpLogin_PageOriginNotAllowed_BrowserNeverSendsTheCall()
    {
        // The project allows only another origin (Stytch's "authorized domains"), not loopback pages.
        Stytch.DefaultProject.Origins.Set(["https://app.example.com"], allowLoopback: false);
        _errorsExpected = true;
        await OpenLoginAsync();
        await _page.GetByLabel("Email").FillAsync(Email);

        await _page.GetByRole(AriaRole.Button, new() { Name = "Continue with email" }).ClickAsync();

        // The preflight gets no CORS headers, so Chromium refuses to send the call and the SDK reports it.
        await Expect(_page.Locator("#error")).ToBeVisibleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(_pageErrors, Has.Some.Contains("blocked by CORS policy"));
            Assert.That(Stytch.DefaultProject.Requests.All.Select(r => $"{r.Method} {r.Path}"), Has.No.Member("POST /sdk/v1/otps/email/login_or_create"));
            Assert.That(Stytch.Outbox.All, Is.Empty);
        });
    }
}
