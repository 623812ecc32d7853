using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Stytch.Fake.Tests.Browser;
using Stytch.Fake.Tests.Wire;
using static Microsoft.Playwright.Assertions;

namespace Stytch.Fake.Tests.FrontendSdk;

/// <summary>
/// Stytch's frontend SDK (npm <c>@stytch/vanilla-js</c>, pinned in NodeSdk/package.json) with its pre-built login UI,
/// in a real headless Chromium (Debian's <c>/usr/bin/chromium</c> or <c>STYTCH_FAKE_CHROMIUM</c>, launched as the inbox
/// browser tests launch it) against the fake. The page (<see cref="PageSite"/>) is served from another loopback port
/// than the fake, so every SDK call is a real cross-origin request with its CORS preflight. Each test gets its own
/// fake (<see cref="FakeWireTest"/>), site, browser context and page; the browser is the fixture's.
/// <para>
/// No host name but 127.0.0.1 resolves in this Chromium, and a request to any other host fails the test: nothing leaves
/// the machine (the SDK's clientside-services iframe comes from the fake). Script errors and console errors fail it too.
/// Waits are Playwright's auto-retrying expectations on what the page shows; time moves only on the fake clock.
/// </para>
/// </summary>
public sealed partial class FrontendSdkBrowserTests : FakeWireTest
{
    private const string Email = "ada@example.com";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PageSite? _site;
    private IBrowserContext? _context;
    private IPage _page = null!;
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _offMachine = [];
    private readonly List<IRequest> _sdkRequests = [];
    private bool _errorsExpected;

    private PageSite Site => _site ?? throw new InvalidOperationException("No site running.");

    [OneTimeSetUp]
    public async Task LaunchChromiumAsync()
    {
        // A hang guard only: every wait passes as soon as the page shows the change.
        SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright, "frontend SDK browser tests",
            // No host name resolves except 127.0.0.1's: nothing the page asks for can leave the machine.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
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

    [SetUp]
    public async Task OpenSiteAsync()
    {
        _pageErrors.Clear();
        _errorsExpected = false;
        _offMachine.Clear();
        _sdkRequests.Clear();
        _site = await PageSite.StartAsync(Stytch.Url, Stytch.DefaultProject.PublicToken, ClientsideServicesIframeUrl);
        // Magic links land on the page's /authenticate, which the project allows as it would in Stytch's dashboard.
        Stytch.RedirectUrls.Add(new Uri(Site.Url, "authenticate").ToString(), RedirectUrlType.Login, isDefault: true);
        Stytch.RedirectUrls.Add(new Uri(Site.Url, "authenticate").ToString(), RedirectUrlType.Signup, isDefault: true);

        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        // Watched, not intercepted: with a route set, Playwright answers CORS preflights itself and the fake's would go untested.
        _context.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && url.Host != "127.0.0.1")
            {
                lock (_offMachine)
                {
                    _offMachine.Add(request.Url);
                }
            }

            if (url.GetLeftPart(UriPartial.Authority) == Stytch.Url.GetLeftPart(UriPartial.Authority))
            {
                lock (_sdkRequests)
                {
                    _sdkRequests.Add(request);
                }
            }
        };
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Add(error);
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _pageErrors.Add(message.Text);
            }
        };
    }

    [TearDown]
    public async Task CloseSiteAsync()
    {
        if (_context is not null)
        {
            // An SDK error the login UI reported (its onError callback) is shown in the page's alert.
            var alert = _page.Locator("#error");
            if (!_errorsExpected && await alert.IsVisibleAsync())
            {
                _pageErrors.Add($"The page showed the SDK error {await alert.TextContentAsync()}.");
            }

            await _context.CloseAsync();
        }

        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        _context = null;
        _site = null;
        Assert.Multiple(() =>
        {
            Assert.That(_offMachine, Is.Empty, "The page tried to reach a host off the machine.");
            Assert.That(_errorsExpected ? [] : _pageErrors, Is.Empty, "The page logged errors (script exceptions, failed loads or the SDK's console errors).");
        });
    }

    // The fake's stand-in for the SDK's clientside-services iframe (https://js.stytch.com/clientside-services/index.html).
    private Uri ClientsideServicesIframeUrl => new(Stytch.Url, "sdk/clientside-services/index.html");

    private ILocator Status => _page.GetByRole(AriaRole.Status);

    private async Task OpenLoginAsync(string products = "otp")
    {
        await _page.GotoAsync(new Uri(Site.Url, $"?products={products}").ToString());
        await Expect(Status).ToHaveTextAsync("signed out");
    }

    /// <summary>Logs in through the pre-built email OTP screen with the code the fake "sent", as a person would.</summary>
    private async Task LogInWithEmailOtpAsync(string email = Email)
    {
        var (page, stytch, appUrl) = (_page, Stytch, Site.Url);
        // README:browser-playwright:begin
        await page.GotoAsync(appUrl.ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue with email" }).ClickAsync();

        // The passcode screen shows once the fake has answered login_or_create, so the code is in the outbox by then.
        await Expect(page.GetByText("Enter passcode")).ToBeVisibleAsync();
        await page.GetByLabel("One-time passcode").FillAsync(stytch.Outbox.LatestFor(email).Code);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("signed in");   // the app's own "logged in" state
        // README:browser-playwright:end
    }

    /// <summary>The session token the SDK keeps in its <c>stytch_session</c> cookie.</summary>
    private async Task<string> SessionCookieAsync(string name = "stytch_session")
    {
        var cookies = await _context!.CookiesAsync([Site.Url.ToString()]);
        return cookies.SingleOrDefault(c => c.Name == name)?.Value
            ?? throw new AssertionException($"The page has no {name} cookie; it has: {string.Join(", ", cookies.Select(c => c.Name))}.");
    }

    private List<IRequest> SdkRequests()
    {
        lock (_sdkRequests)
        {
            return [.. _sdkRequests];
        }
    }

    private static string SdkPath(IRequest request) => new Uri(request.Url).AbsolutePath;

    private static JsonObject Data(string responseBody) => JsonNode.Parse(responseBody)!["data"]!.AsObject();
}
