using Microsoft.Playwright;

namespace Stytch.Fake.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, launched the one way every browser suite here needs: headless, with no
/// background traffic (this machine's network is closed), and failing, never skipping, when Chromium is missing.
/// </summary>
internal static class Chromium
{
    private const string Default = "/usr/bin/chromium";

    /// <summary>Where Chromium is: <c>STYTCH_FAKE_CHROMIUM</c>, or Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("STYTCH_FAKE_CHROMIUM") is { Length: > 0 } path ? path : Default;

    /// <summary>Launches it for <paramref name="suite"/> (named in the failure when Chromium is missing), with any extra flags.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, string suite, params string[] extraArgs)
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"Chromium was not found at {ExecutablePath}, and the {suite} need it: install it with " +
                "`apt-get install -y chromium` (.ci/run does), or set STYTCH_FAKE_CHROMIUM to a Chromium or Chrome binary.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                .. extraArgs,
            ],
        });
    }
}
