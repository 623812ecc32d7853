using System.Net;
using System.Text.RegularExpressions;
using Stytch.Fake.Http;
using Stytch.Fake.Products.Admin.Wire;
using Stytch.Fake.Tests.Server;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Inbox;

/// <summary>The inbox page's files over HTTP: where they are served, with which headers, and what they may call.</summary>
public sealed partial class InboxWireTests : FakeWireTest
{
    private HttpClient _http = null!;

    [SetUp]
    public void OpenClient() => _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Stytch.Url };

    [TearDown]
    public void CloseClient() => _http.Dispose();

    [TestCase("_fake/")]
    [TestCase("_fake/index.html")]
    public async Task Page_Get_ServesTheHtmlPage(string path)
    {
        using var response = await _http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
        Assert.That(html, Does.StartWith("<!doctype html>").And.Contain("<script src=\"inbox.js\" defer></script>"));
    }

    [TestCase("_fake/inbox.js", "text/javascript; charset=utf-8")]
    [TestCase("_fake/inbox.css", "text/css; charset=utf-8")]
    public async Task Asset_Get_ServesItWithItsContentType(string path, string contentType)
    {
        using var response = await _http.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(contentType));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(InboxPage.Read(path["_fake/".Length..])));
    }

    [Test]
    public async Task Page_WithoutTrailingSlash_RedirectsToIt()
    {
        using var response = await _http.GetAsync("_fake");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/_fake/"));
    }

    [Test]
    public async Task Page_Get_SendsAStrictContentSecurityPolicy()
    {
        using var response = await _http.GetAsync("_fake/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Multiple(() =>
        {
            Assert.That(csp, Does.Contain("default-src 'none'"));
            Assert.That(csp, Does.Contain("script-src 'self'"));
            Assert.That(csp, Does.Contain("connect-src 'self'"));
            Assert.That(csp, Does.Contain("require-trusted-types-for 'script'"));
            Assert.That(csp, Does.Contain("frame-ancestors 'none'"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    [Test]
    public async Task Page_Post_Returns405MethodNotAllowed()
    {
        using var response = await _http.PostAsync("_fake/", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.That((int)response.StatusCode, Is.EqualTo(405));
    }

    [Test]
    public async Task Page_ServerWithAdminToken_IsServedButTheBackDoorsStillRefuseWithoutIt()
    {
        await using var guarded = await StytchFake.StartAsync(new StytchFakeOptions { AdminToken = "t0ken" });
        using var http = new HttpClient { BaseAddress = guarded.Url };

        using var page = await http.GetAsync("_fake/");
        using var script = await http.GetAsync("_fake/inbox.js");
        using var projects = await http.GetAsync("_fake/v1/projects");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(projects.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Not.Contain("t0ken"));
    }

    [Test]
    public void Script_BackDoorCalls_AreAllBackDoorEndpoints()
    {
        var script = System.Text.Encoding.UTF8.GetString(InboxPage.Read("inbox.js"));
        var backDoors = ProductCatalog.BackDoors
            .Select(e => $"{e.Method} {e.Route.Template}")
            .ToHashSet(StringComparer.Ordinal);

        var called = ApiCall().Matches(script).Select(m =>
        {
            var path = m.Groups["path"].Value;
            path = m.Groups["project"].Success ? "projects/{project_id}/" + path : path;
            return $"{m.Groups["method"].Value} /_fake/v1/{(path.EndsWith("faults/", StringComparison.Ordinal) ? path + "{fault_id}" : path)}";
        }).Distinct().ToArray();

        Assert.That(called, Has.Length.GreaterThanOrEqualTo(12));
        Assert.That(called, Is.SubsetOf(backDoors));
    }

    [Test]
    public void Script_FaultEndpoints_AreEveryStytchEndpoint()
    {
        var script = System.Text.Encoding.UTF8.GetString(InboxPage.Read("inbox.js"));
        var list = script[script.IndexOf("const ENDPOINTS = [", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("];", StringComparison.Ordinal)];

        var names = QuotedName().Matches(list).Select(m => m.Groups[1].Value);

        Assert.That(names, Is.EquivalentTo(ProductCatalog.StytchEndpointNames));
    }

    [Test]
    public void Script_NeverAssignsMarkup()
    {
        var script = System.Text.Encoding.UTF8.GetString(InboxPage.Read("inbox.js"));

        Assert.That(script, Does.Not.Contain("innerHTML").And.Not.Contain("outerHTML").And.Not.Contain("insertAdjacentHTML")
            .And.Not.Contain("document.write").And.Not.Contain("eval("));
    }

    [Test]
    public async Task Server_Banner_PrintsTheInboxUrlAndServesThePage()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0");
        using var http = new HttpClient { BaseAddress = server.Url };

        using var page = await http.GetAsync("_fake/");

        Assert.That(server.Output, Does.Contain($"inbox:      {server.Url}_fake/"));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    // api('GET', 'projects'), api('POST', projectPath('clock/advance'), …), api('DELETE', projectPath('faults/' + …)).
    [GeneratedRegex(@"api\('(?<method>GET|POST|PUT|DELETE)', (?:(?<project>projectPath)\('(?<path>[^']*)'|'(?<path>[^']+)')")]
    private static partial Regex ApiCall();

    [GeneratedRegex(@"'([a-z0-9_.]+)'")]
    private static partial Regex QuotedName();
}
