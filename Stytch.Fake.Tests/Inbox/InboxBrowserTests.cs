using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Stytch.Fake.Tests.Browser;
using Stytch.Fake.Tests.Wire;
using static Microsoft.Playwright.Assertions;

namespace Stytch.Fake.Tests.Inbox;

/// <summary>
/// The web inbox at <c>/_fake/</c> in a real headless Chromium: Debian's <c>/usr/bin/chromium</c> (or
/// <c>STYTCH_FAKE_CHROMIUM</c>) driven by Playwright, one browser for the fixture and a fresh fake, browser context
/// and page per test. Without Chromium every test fails and says how to install it. Waits are Playwright's
/// auto-retrying expectations (the page polls every 200 ms here); time moves only on the fake clock.
/// <para>
/// <c>Inbox_PopulatedProject_ShowsEverySection</c> saves <c>inbox.png</c> in the test's work directory and attaches
/// it; with <c>STYTCH_FAKE_UPDATE_SCREENSHOT=1</c> it also refreshes <c>docs/inbox.png</c>, the README's picture.
/// </para>
/// </summary>
public sealed partial class InboxBrowserTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StytchFake? _stytch;
    private IBrowserContext? _context;
    private IPage _page = null!;
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _dialogs = [];

    private StytchFake Stytch => _stytch ?? throw new InvalidOperationException("Call OpenAsync first.");

    [OneTimeSetUp]
    public async Task LaunchChromiumAsync()
    {
        // A hang guard only: every wait is an auto-retrying expectation that passes as soon as the page shows the
        // change, so a generous bound costs nothing when all is well and keeps a loaded machine from failing them.
        SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright, "inbox browser tests");
    }

    [OneTimeTearDown]
    public async Task CloseChromiumAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    [TearDown]
    public async Task CloseAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        if (_stytch is not null)
        {
            await _stytch.DisposeAsync();
        }

        _context = null;
        _stytch = null;
        Assert.That(_pageErrors, Is.Empty, "The page logged errors (script exceptions or Content-Security-Policy refusals).");
        Assert.That(_dialogs, Is.Empty, "The page opened a dialog.");
    }

    /// <summary>Starts a fake on a frozen fake clock and opens its inbox in a fresh browser context.</summary>
    private async Task OpenAsync(string? adminToken = null, bool bypassCsp = false)
    {
        _pageErrors.Clear();
        _dialogs.Clear();
        _stytch = await StytchFake.StartAsync(new StytchFakeOptions
        {
            AdminToken = adminToken,
            Project = new StytchProjectOptions { TimeProvider = new FakeTimeProvider(Start), Seed = 2030 },
        });
        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            BypassCSP = bypassCsp,
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Add(error);
        _page.Console += (_, message) =>
        {
            // A refused admin token is a 401 the page handles; anything else logged as an error is a fault.
            if (message.Type == "error" && !message.Text.Contains("401 (Unauthorized)", StringComparison.Ordinal))
            {
                _pageErrors.Add(message.Text);
            }
        };
        _page.Dialog += (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        // The page polls every second; a quicker poll (its #poll= option) keeps the waits for a server-side change short.
        await _page.GotoAsync(new Uri(Stytch.Url, "_fake/#poll=200").ToString());
    }

    private async Task ExpectLiveAsync() => await Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("live");

    private ILocator Message(string email) =>
        _page.GetByTestId("message").Filter(new LocatorFilterOptions { Has = _page.GetByTestId("email").Filter(new() { HasText = email }) });

    private ILocator Button(string name) => _page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private async Task<HttpStatusCode> StytchPostAsync(string path, object body)
    {
        using var http = Stytch.CreateClient();
        using var response = await http.PostAsJsonAsync(path, body);
        return response.StatusCode;
    }

    private async Task SendCodeAsync(string email) =>
        Assert.That(await StytchPostAsync("v1/otps/email/login_or_create", new { email }), Is.EqualTo(HttpStatusCode.OK));

    // ---- outbox -----------------------------------------------------------------------------------

    [Test]
    public async Task Outbox_CodeRequestedThroughTheStytchApi_AppearsWithItsCode()
    {
        await OpenAsync();
        await ExpectLiveAsync();

        await SendCodeAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var message = Message("ada@example.com");
        await Expect(message.GetByTestId("code")).ToHaveTextAsync(code);
        await Expect(message).ToContainTextAsync("signup");
        await Expect(message.GetByTestId("countdown")).ToHaveTextAsync("expires in 2:00");
        await Expect(_page.GetByTestId("clock")).ToHaveTextAsync("2030-01-02 03:04:05 UTC");
    }

    [Test]
    public async Task CopyButton_Clicked_PutsTheCodeOnTheClipboard()
    {
        await OpenAsync();
        await SendCodeAsync("ada@example.com");
        var message = Message("ada@example.com");

        await message.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();

        await Expect(message.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        Assert.That(await _page.EvaluateAsync<string>("navigator.clipboard.readText()"), Is.EqualTo(Stytch.Outbox.LatestFor("ada@example.com").Code));
    }

    [Test]
    public async Task Outbox_SecondCodeForTheSameAddress_IsListedFirstAndSupersedesTheFirst()
    {
        await OpenAsync();
        await SendCodeAsync("ada@example.com");
        var first = Stytch.Outbox.LatestFor("ada@example.com").Code;
        await Expect(_page.GetByTestId("code")).ToHaveTextAsync([first]);
        await Expect(_page.GetByTestId("message")).Not.ToContainTextAsync("superseded");

        await SendCodeAsync("ada@example.com");
        var second = Stytch.Outbox.LatestFor("ada@example.com").Code;

        await Expect(_page.GetByTestId("code")).ToHaveTextAsync([second, first]);
        await Expect(_page.GetByTestId("message").Nth(1)).ToContainTextAsync("superseded");
        await Expect(_page.GetByTestId("message").Nth(0)).Not.ToContainTextAsync("superseded");
    }

    [Test]
    public async Task ClearOutbox_Button_EmptiesTheOutbox()
    {
        await OpenAsync();
        await SendCodeAsync("ada@example.com");
        await Expect(Message("ada@example.com")).ToHaveCountAsync(1);

        await Button("Clear outbox").ClickAsync();

        await Expect(_page.GetByTestId("message")).ToHaveCountAsync(0);
        await Expect(_page.GetByTestId("outbox")).ToContainTextAsync("No messages yet");
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    // ---- clock ------------------------------------------------------------------------------------

    [Test]
    public async Task AdvanceClock_PastTheCodesExpiry_ShowsTheCodeExpired()
    {
        await OpenAsync();
        await SendCodeAsync("ada@example.com");
        var message = Message("ada@example.com");
        await Expect(message.GetByTestId("countdown")).ToHaveTextAsync("expires in 2:00");

        await Button("+1 min").ClickAsync();
        await Expect(message.GetByTestId("countdown")).ToHaveTextAsync("expires in 1:00");
        await Expect(_page.GetByTestId("clock")).ToHaveTextAsync("2030-01-02 03:05:05 UTC");

        await Button("+10 min").ClickAsync();
        await Expect(message.GetByTestId("countdown")).ToHaveTextAsync("expired 9:00 ago");
        await Expect(message).ToHaveClassAsync(ExpiredClass());
        Assert.That(Stytch.Clock.Now, Is.EqualTo(Start.AddMinutes(11)));
    }

    [Test]
    public async Task AdvanceClock_CustomSeconds_MovesTheFakeClockByThem()
    {
        await OpenAsync();
        await ExpectLiveAsync();

        await _page.GetByLabel("Seconds to advance").FillAsync("90");
        await Button("Advance").ClickAsync();

        await Expect(_page.GetByTestId("clock")).ToHaveTextAsync("2030-01-02 03:05:35 UTC");
        await Expect(_page.GetByTestId("clock-offset")).ToHaveTextAsync("offset +1:30");
        Assert.That(Stytch.Clock.Now, Is.EqualTo(Start.AddSeconds(90)));
    }

    [Test]
    public async Task AdvanceClock_ApplicationTimerThrows_SaysSoAndTheClockHasMoved()
    {
        await OpenAsync();
        using var failing = Stytch.Clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        await ExpectLiveAsync();

        await Button("+1 min").ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The clock moved, but a timer callback of the application threw: System.InvalidOperationException: boom");
        await Expect(_page.GetByTestId("clock")).ToHaveTextAsync("2030-01-02 03:05:05 UTC");
    }

    // ---- faults -----------------------------------------------------------------------------------

    [Test]
    public async Task AddFault_NextCall_FailsOnlyTheNextStytchCall()
    {
        await OpenAsync();
        await ExpectLiveAsync();

        await _page.GetByLabel("Endpoint", new() { Exact = true }).SelectOptionAsync("otps.email.login_or_create");
        await _page.GetByLabel("Error", new() { Exact = true }).SelectOptionAsync("too_many_requests");
        await _page.GetByLabel("When", new() { Exact = true }).SelectOptionAsync("next");
        await Button("Add fault").ClickAsync();

        var fault = _page.GetByTestId("fault");
        await Expect(fault).ToHaveCountAsync(1);
        await Expect(fault).ToContainTextAsync("otps.email.login_or_create");
        await Expect(fault).ToContainTextAsync("too_many_requests");
        await Expect(fault).ToContainTextAsync("next call");
        Assert.That(await StytchPostAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" }), Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await StytchPostAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" }), Is.EqualTo(HttpStatusCode.OK));
        await Expect(fault).ToHaveCountAsync(0);
    }

    [Test]
    public async Task ClearFaults_Button_RemovesEveryRuleAddedFromThePage()
    {
        await OpenAsync();
        await ExpectLiveAsync();
        await _page.GetByLabel("Error", new() { Exact = true }).SelectOptionAsync("internal_server_error");
        await _page.GetByLabel("When", new() { Exact = true }).SelectOptionAsync("always");
        await Button("Add fault").ClickAsync();
        await Expect(_page.GetByTestId("fault")).ToContainTextAsync("any endpoint");
        Assert.That(await StytchPostAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" }), Is.EqualTo(HttpStatusCode.InternalServerError));

        await Button("Clear faults").ClickAsync();

        await Expect(_page.GetByTestId("fault")).ToHaveCountAsync(0);
        Assert.That(Stytch.Faults.All, Is.Empty);
        Assert.That(await StytchPostAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" }), Is.EqualTo(HttpStatusCode.OK));
    }

    // ---- reset ------------------------------------------------------------------------------------

    [Test]
    public async Task ResetProject_Button_WipesUsersCodesAndTheClockOffset()
    {
        await OpenAsync();
        await SendCodeAsync("ada@example.com");
        Stytch.Clock.Advance(TimeSpan.FromMinutes(1));
        await Expect(_page.GetByTestId("user")).ToHaveCountAsync(1);

        await Button("Reset project").ClickAsync();

        await Expect(_page.GetByTestId("user")).ToHaveCountAsync(0);
        await Expect(_page.GetByTestId("message")).ToHaveCountAsync(0);
        await Expect(_page.GetByTestId("clock")).ToHaveTextAsync("2030-01-02 03:04:05 UTC");
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task Users_UserWithNamePhoneAndExternalId_ShowsThemInItsRow()
    {
        await OpenAsync();
        var created = Stytch.Seed.UserWithPhone("+14155550123", "ada@example.com");
        Stytch.DefaultProject.ConsumerProducts.Users.Update(created.UserId, new() { Name = new("Ada", null, "Lovelace"), ExternalId = "crm-42" });

        var row = _page.GetByTestId("user");
        await Expect(row.GetByTestId("user-name")).ToHaveTextAsync("Ada Lovelace");
        await Expect(row.GetByTestId("user-email")).ToHaveTextAsync("ada@example.com");
        await Expect(row.GetByTestId("user-phone")).ToHaveTextAsync("+14155550123");
        await Expect(row.GetByTestId("user-external-id")).ToHaveTextAsync("external: crm-42");
    }

    // ---- everything at once, and the README's screenshot ------------------------------------------

    [Test]
    public async Task Inbox_PopulatedProject_ShowsEverySection()
    {
        await OpenAsync();
        var acme = Stytch.Seed.Organization(o => o.Name("Acme Inc").Slug("acme").JitDomains("acme.io"))
            .WithMember("ada@acme.io", name: "Ada Lovelace")
            .WithMember("grace@acme.io", active: false, name: "Grace Hopper");
        Stytch.Seed.User("bob@example.com");
        var carol = Stytch.DefaultProject.Users.Create("carol@example.com");
        Stytch.DefaultProject.Sessions.Mint(carol.UserId, TimeSpan.FromHours(2));
        Stytch.DefaultProject.B2B.Sessions.Mint("acme", acme.MemberFor("ada@acme.io").MemberId);
        Stytch.Faults.Always("otps.email.send").Fail(StytchError.TooManyRequests);
        await SendCodeAsync("bob@example.com");
        Stytch.Clock.Advance(TimeSpan.FromSeconds(100));
        Assert.That(await StytchPostAsync("v1/b2b/otps/email/login_or_signup", new { organization_id = "acme", email_address = "grace@acme.io" }), Is.EqualTo(HttpStatusCode.OK));
        await SendCodeAsync("dave@example.com");
        Stytch.Clock.Advance(TimeSpan.FromSeconds(30));

        var grace = Message("grace@acme.io");
        await Expect(grace.GetByTestId("code")).ToHaveTextAsync(Stytch.Outbox.LatestFor("grace@acme.io").Code);
        await Expect(grace).ToContainTextAsync("Acme Inc (acme)");
        await Expect(grace).ToContainTextAsync("Grace Hopper");
        await Expect(grace.GetByTestId("countdown")).ToHaveTextAsync("expires in 9:30");
        await Expect(Message("bob@example.com").GetByTestId("countdown")).ToHaveTextAsync("expired 0:10 ago");
        await Expect(Message("bob@example.com")).ToHaveClassAsync(ExpiredClass());
        await Expect(Message("dave@example.com").GetByTestId("countdown")).ToHaveTextAsync("expires in 1:30");
        await Expect(_page.GetByTestId("user")).ToHaveCountAsync(3);
        await Expect(_page.GetByTestId("organization")).ToContainTextAsync("Acme Inc");
        await Expect(_page.GetByTestId("member")).ToHaveTextAsync([new Regex("Ada Lovelace.*ada@acme.io.*active"), new Regex("Grace Hopper.*grace@acme.io.*pending")]);
        await Expect(_page.GetByTestId("session")).ToHaveCountAsync(2);
        await Expect(_page.GetByTestId("session").Nth(0)).ToContainTextAsync("carol@example.com");
        await Expect(_page.GetByTestId("session").Nth(1)).ToContainTextAsync("Ada Lovelace");
        await Expect(_page.GetByTestId("fault")).ToContainTextAsync("otps.email.send");

        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "inbox.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.AddTestAttachment(screenshot, "The inbox with a populated project");
        if (Environment.GetEnvironmentVariable("STYTCH_FAKE_UPDATE_SCREENSHOT") == "1" && WireShapes.RepoRoot() is { } repo)
        {
            Directory.CreateDirectory(Path.Combine(repo.FullName, "docs"));
            File.Copy(screenshot, Path.Combine(repo.FullName, "docs", "inbox.png"), overwrite: true);
        }

        Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(10_000));
    }

    // ---- escaping ---------------------------------------------------------------------------------

    [Test]
    public async Task Render_MarkupInNamesSentThroughTheStytchApi_ShowsAsText()
    {
        // Without the page's Content-Security-Policy, so that it is the page's own escaping under test.
        await OpenAsync(bypassCsp: true);
        const string orgName = "<img src=x onerror=alert(1)>";
        const string memberName = "<script>alert(2)</script><b>Ada</b>";
        Assert.That(await StytchPostAsync("v1/b2b/organizations", new { organization_name = orgName, organization_slug = "evil" }), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StytchPostAsync("v1/b2b/organizations/evil/members", new { email_address = "ada@evil.io", name = memberName }), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StytchPostAsync("v1/b2b/otps/email/login_or_signup", new { organization_id = "evil", email_address = "ada@evil.io" }), Is.EqualTo(HttpStatusCode.OK));

        await Expect(_page.GetByTestId("organization")).ToContainTextAsync(orgName);
        await Expect(_page.GetByTestId("member")).ToContainTextAsync(memberName);
        await Expect(Message("ada@evil.io")).ToContainTextAsync(orgName);
        await Expect(Message("ada@evil.io")).ToContainTextAsync(memberName);

        Assert.That(await _page.Locator("main img, main script, main b").CountAsync(), Is.Zero);
        Assert.That(await _page.EvaluateAsync<int>("document.images.length"), Is.Zero);
    }

    // ---- admin token ------------------------------------------------------------------------------

    [Test]
    public async Task AdminToken_ServerHasOne_PageAsksForItAndSendsItOnEveryCall()
    {
        var calls = new List<(int Status, string? Token)>();
        await OpenAsync(adminToken: "t0ken");
        _page.Response += (_, response) =>
        {
            if (response.Url.Contains("/_fake/v1/", StringComparison.Ordinal))
            {
                calls.Add((response.Status, response.Request.Headers.TryGetValue("x-admin-token", out var t) ? t : null));
            }
        };
        var tokenBox = _page.GetByLabel("Admin token", new() { Exact = true });
        await Expect(tokenBox).ToBeVisibleAsync();

        await tokenBox.FillAsync("wrong");
        await Button("Open inbox").ClickAsync();
        await Expect(_page.GetByText("That token was refused.")).ToBeVisibleAsync();
        await tokenBox.FillAsync("t0ken");
        await Button("Open inbox").ClickAsync();
        await SendCodeAsync("ada@example.com");

        await Expect(tokenBox).ToBeHiddenAsync();
        await Expect(Message("ada@example.com").GetByTestId("code")).ToHaveTextAsync(Stytch.Outbox.LatestFor("ada@example.com").Code);
        Assert.That(calls.Where(c => c.Status == 200).Select(c => c.Token), Is.Not.Empty.And.All.EqualTo("t0ken"));
        Assert.That(calls.Where(c => c.Status != 200).Select(c => c.Status), Has.All.EqualTo(401));
    }

    [GeneratedRegex(@"\bexpired\b")]
    private static partial Regex ExpiredClass();
}
