using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.FrontendSdk;

/// <summary>
/// The app a browser test loads: the files of <c>FrontendSdk/Site</c> and the browser bundle of npm
/// <c>@stytch/vanilla-js</c> (<c>dist/iife/index.js</c> under <c>NodeSdk/node_modules</c>), served by Kestrel on
/// <c>127.0.0.1</c> at a port of its own, so the page's origin differs from the fake's and every SDK call is a real
/// cross-origin request. <c>/config.js</c> tells the page where the fake is and which public token to use;
/// <c>/authenticate</c> (where magic links land) is the same page.
/// </summary>
internal sealed class PageSite : IAsyncDisposable
{
    /// <summary>The version pinned in NodeSdk/package.json (and its lock file).</summary>
    public const string PinnedSdkVersion = "6.3.0";

    private readonly WebApplication _app;

    private PageSite(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The site's root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The page's origin, as the browser sends it in <c>Origin</c>.</summary>
    public string Origin => Url.GetLeftPart(UriPartial.Authority);

    /// <summary>Where the site reads its files from: this folder's Site and the npm package's browser bundle.</summary>
    public static (string Site, string Bundle) Files()
    {
        var root = WireShapes.RepoRoot()?.FullName ?? throw new InvalidOperationException(
            "The browser SDK tests run from the repository (Stytch.Fake.sln not found above the test directory).");
        return (Path.Combine(root, "Stytch.Fake.Tests", "FrontendSdk", "Site"),
            Path.Combine(root, "Stytch.Fake.Tests", "NodeSdk", "node_modules", "@stytch", "vanilla-js", "dist", "iife", "index.js"));
    }

    /// <summary>Starts the site for a page that talks to the fake at <paramref name="apiUrl"/> with <paramref name="publicToken"/>.</summary>
    public static async Task<PageSite> StartAsync(Uri apiUrl, string publicToken, Uri clientsideServicesIframeUrl, CancellationToken cancellationToken = default)
    {
        var (site, bundle) = Files();
        if (!File.Exists(bundle))
        {
            throw new InvalidOperationException(
                $"@stytch/vanilla-js is not installed: run `npm ci` in {Path.GetDirectoryName(site)}/../NodeSdk (needs Node.js 18+).");
        }

        // The SDK is given the fake's root without a trailing slash: it appends /sdk/v1/... itself.
        var config = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["publicToken"] = publicToken,
            ["apiUrl"] = apiUrl.GetLeftPart(UriPartial.Authority),
            ["clientsideServicesIframeUrl"] = clientsideServicesIframeUrl.ToString(),
        });
        var files = new Dictionary<string, (string Path, string Type)>(StringComparer.Ordinal)
        {
            ["/"] = (Path.Combine(site, "index.html"), "text/html; charset=utf-8"),
            ["/authenticate"] = (Path.Combine(site, "index.html"), "text/html; charset=utf-8"),
            ["/app.js"] = (Path.Combine(site, "app.js"), "text/javascript; charset=utf-8"),
            ["/vendor/stytch-vanilla-js.js"] = (bundle, "text/javascript; charset=utf-8"),
            ["/b2b"] = (Path.Combine(site, "b2b.html"), "text/html; charset=utf-8"),
            ["/b2b.js"] = (Path.Combine(site, "b2b.js"), "text/javascript; charset=utf-8"),
            ["/vendor/stytch-vanilla-js-b2b.js"] = (Path.Combine(Path.GetDirectoryName(bundle)!, "b2b", "index.js"), "text/javascript; charset=utf-8"),
        };

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            context.Response.Headers.CacheControl = "no-store";
            if (path == "/config.js")
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                await context.Response.WriteAsync($"window.stytchFakePage = {config};\n", context.RequestAborted);
            }
            else if (files.TryGetValue(path, out var file) && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.ContentType = file.Type;
                await context.Response.SendFileAsync(file.Path, context.RequestAborted);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            : null;
        if (address is null)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        }

        return new PageSite(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
