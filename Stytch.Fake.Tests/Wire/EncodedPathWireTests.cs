using System.Globalization;
using System.Text;
using Stytch.Fake.Http;
using WireMock.Server;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// Paths spelled with more percent-encoding than a plain client uses: <c>%2F</c> for a slash, <c>%25XX</c> for an
/// escape that another decoding would undo. The fake routes the path decoded once, the one the request guard judged,
/// and a cross-site back-door call is refused by the endpoint it reaches too. Raw sockets, so nothing re-encodes them.
/// </summary>
public sealed class EncodedPathWireTests : FakeWireTest
{
    private const string FaultBody = """{"endpoint":"*","error_type":"too_many_requests"}""";
    private const string AdvanceBody = """{"seconds":60}""";

    private string Port => Stytch.Url.Port.ToString(CultureInfo.InvariantCulture);

    [TestCase("/_fake%2Fv1/projects/{id}/faults", FaultBody)]
    [TestCase("/_fake%2fv1%2Fprojects/{id}/faults", FaultBody)]
    [TestCase("/%255Ffake/v1/projects/{id}/clock/advance", AdvanceBody)]
    [TestCase("/%255ffake/v1/projects/{id}/clock/advance", AdvanceBody)]
    [TestCase("/_fak%2565/v1/projects/{id}/clock/advance", AdvanceBody)]
    [TestCase("/%255F%66ake%2Fv1/projects/{id}/clock/advance", AdvanceBody)]
    public async Task Post_EncodedBackDoorPathFromAnotherSite_Returns403AndChangesNothing(string path, string body)
    {
        var response = await SendAsync("POST", path, body, "Content-Type: text/plain\r\nOrigin: http://evil.example\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(403), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("origin_not_allowed"));
            Assert.That(Stytch.DefaultProject.Faults.All, Is.Empty);
            Assert.That(Stytch.Clock.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [TestCase("/_fake%2Fv1/projects/{id}/faults", FaultBody)]
    [TestCase("/%255Ffake/v1/projects/{id}/clock/advance", AdvanceBody)]
    public async Task Post_EncodedBackDoorPathAsTextPlain_Returns415AndChangesNothing(string path, string body)
    {
        var response = await SendAsync("POST", path, body, "Content-Type: text/plain\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(415), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("json_content_type_required"));
            Assert.That(Stytch.DefaultProject.Faults.All, Is.Empty);
            Assert.That(Stytch.Clock.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [TestCase("/_fake%2Fv1/projects/{id}/clock/advance")]
    [TestCase("/%255Ffake/v1/projects/{id}/clock/advance")]
    [TestCase("/_fake/v1/projects/{id}%2Fclock/advance")]
    public async Task Post_EncodedBackDoorPathAsJson_IsNotRoutedToTheBackDoor(string path)
    {
        var response = await SendAsync("POST", path, AdvanceBody, "Content-Type: application/json\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(404), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("route_not_found"));
            Assert.That(Stytch.Clock.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task Post_SingleEncodedUnderscore_IsTheBackDoorItSpells()
    {
        // %5F is "_" decoded once, as any server reads it: this is the back door, and same-site JSON reaches it.
        var response = await SendAsync("POST", "/%5Ffake/v1/projects/{id}/clock/advance", AdvanceBody, "Content-Type: application/json\r\n");

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        Assert.That(Stytch.Clock.Offset, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [TestCase("%2F")]
    [TestCase("%2f")]
    [TestCase("%252F")]
    public async Task Delete_OrganizationIdHoldingEncodedSlashes_DoesNotReachTheMember(string slash)
    {
        var organization = (await Client.PostAsync("/v1/b2b/organizations", new { organization_name = "Acme", organization_slug = "acme" }))
            .Json["organization"]!["organization_id"]!.GetValue<string>();
        var member = (await Client.PostAsync($"/v1/b2b/organizations/{organization}/members", new { email_address = "ada@acme.io" }))
            .Json["member"]!["member_id"]!.GetValue<string>();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Stytch.ProjectId}:{Stytch.Secret}"));

        // An encoded slash is part of the id it is in, not a separator: this names one odd organization id.
        var response = await SendAsync("DELETE", $"/v1/b2b/organizations/{organization}{slash}members{slash}{member}", null, $"Authorization: Basic {auth}\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.InRange(400, 499), response.Body);
            Assert.That(response.Body, Does.Not.Contain(member));
            Assert.That(Stytch.DefaultProject.B2B.Members.All.Select(m => m.MemberId), Does.Contain(member));
            Assert.That(Stytch.DefaultProject.B2B.Organizations.All.Select(o => o.OrganizationId), Does.Contain(organization));
        });
    }

    [TestCase("/_fake/v1/projects/{id}%2Fx/snapshot")]
    [TestCase("/_fake/v1/projects/{id}%252Fx/snapshot")]
    [TestCase("/%255Ffake/v1/projects/{id}/snapshot")]
    [TestCase("/_fake%2Fv1/projects/{id}/snapshot")]
    public async Task Put_SnapshotPathSpelledWithEscapes_GetsTheOrdinaryBodyLimit(string path)
    {
        // No body follows: the answer is the guard's limit alone, which only the plain import path lifts to 64 MB.
        var response = await SendAsync("PUT", path, null, "Content-Type: application/json\r\nContent-Length: 1073741824\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Body);
            Assert.That(response.Json["error_message"]!.GetValue<string>(), Is.EqualTo("The request body is larger than 1 MB."));
        });
    }

    [Test]
    public async Task Put_PlainSnapshotPath_KeepsItsBiggerLimit()
    {
        var response = await SendAsync("PUT", "/_fake/v1/projects/{id}/snapshot", null, $"Content-Type: application/json\r\nContent-Length: {2 * 1024 * 1024}\r\n",
            RawHttp.Bytes(2 * 1024 * 1024));

        // Two megabytes of "a" is read whole and refused as a snapshot, not as a body over 1 MB.
        Assert.That(response.Status, Is.EqualTo(400), response.Body);
        Assert.That(response.Json["error_message"]!.GetValue<string>(), Does.Not.Contain("larger than"));
    }

    [Test]
    public async Task Post_CrossSiteBackDoorCallWithoutTheGuard_IsRefusedByTheEndpointItReached()
    {
        // The fake's pipeline alone, with no guard mapping in front: the endpoint reached decides.
        using var server = WireMockServer.Start();
        var projects = new ProjectRegistry();
        var project = projects.Add(new StytchProjectOptions());
        WireMockAdapter.MapPipeline(new RequestPipeline(projects, adminToken: null), server, new HostAllowList([], []));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url!) };
        var path = $"_fake/v1/projects/{project.ProjectId}/clock/advance";

        using var fromAnotherSite = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(AdvanceBody, Encoding.UTF8, "application/json") };
        fromAnotherSite.Headers.Add("Origin", "http://evil.example");
        using var crossSite = await http.SendAsync(fromAnotherSite);
        using var textPlain = await http.PostAsync(path, new StringContent(AdvanceBody, Encoding.UTF8, "text/plain"));
        using var json = await http.PostAsync(path, new StringContent(AdvanceBody, Encoding.UTF8, "application/json"));

        Assert.Multiple(async () =>
        {
            Assert.That((int)crossSite.StatusCode, Is.EqualTo(403));
            Assert.That(await crossSite.Content.ReadAsStringAsync(), Does.Contain("origin_not_allowed"));
            Assert.That((int)textPlain.StatusCode, Is.EqualTo(415));
            Assert.That((int)json.StatusCode, Is.EqualTo(200));
            Assert.That(project.Clock.Offset, Is.EqualTo(TimeSpan.FromSeconds(60)));
        });
    }

    [Test]
    public async Task Post_CrossSiteBackDoorCallWithoutTheGuard_IsRecordedInTheProjectItsPathNames()
    {
        // Refused by the endpoint it reached, before any project: the route it matched names the project that logs it.
        using var server = WireMockServer.Start();
        var projects = new ProjectRegistry();
        var first = projects.Add(new StytchProjectOptions());
        var named = projects.Add(new StytchProjectOptions());
        WireMockAdapter.MapPipeline(new RequestPipeline(projects, adminToken: null), server, new HostAllowList([], []));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url!) };
        var path = $"/_fake/v1/projects/{named.ProjectId}/clock/advance";

        using var response = await http.PostAsync(path.TrimStart('/'), new StringContent(AdvanceBody, Encoding.UTF8, "text/plain"));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(415));
            Assert.That(named.Requests.All.SingleOrDefault(r => r.Path == path)?.ErrorType, Is.EqualTo("json_content_type_required"));
            Assert.That(first.Requests.All.Where(r => r.Path == path), Is.Empty);
        });
    }

    private Task<RawResponse> SendAsync(string method, string path, string? body, string headers, Func<Stream, CancellationToken, Task>? stream = null)
    {
        var length = body is null ? "" : $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n";
        var head = $"{method} {path.Replace("{id}", Stytch.ProjectId, StringComparison.Ordinal)} HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\n{headers}{length}Connection: close\r\n\r\n";
        return RawHttp.SendAsync(Stytch.Url, head + body, stream);
    }
}
