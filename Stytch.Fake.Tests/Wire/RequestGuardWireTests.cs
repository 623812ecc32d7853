using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// The guard in front of every request: the Host allowlist, back-door calls that change state (JSON only, no
/// foreign Origin), and request bodies bounded before they are read. The hostile-input table has a row per
/// refused combination; these tests pin what is allowed and the malformed requests only a raw socket can send.
/// </summary>
public sealed class RequestGuardWireTests : FakeWireTest
{
    private string Port => Stytch.Url.Port.ToString(CultureInfo.InvariantCulture);

    private string ProjectPath => $"/_fake/v1/projects/{Stytch.ProjectId}";

    [TestCase("localhost")]
    [TestCase("127.0.0.1")]
    [TestCase("[::1]")]
    [TestCase("LOCALHOST")]
    public async Task Get_LoopbackNameOnTheServersPort_IsServed(string name)
    {
        var response = await SendAsync(HttpMethod.Get, "/_fake/v1/health", host: $"{name}:{Port}");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Get_OutboxWithReboundHost_Returns403AndNoCode()
    {
        await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var response = await SendAsync(HttpMethod.Get, ProjectPath + "/outbox", host: $"evil.example:{Port}");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(403));
            Assert.That(response.ErrorType, Is.EqualTo("host_not_allowed"));
            Assert.That(response.Json["status_code"]!.GetValue<int>(), Is.EqualTo(403));
            Assert.That(response["error_url"], Is.EqualTo("https://stytch.com/docs/api/errors/403"));
            Assert.That(response.Text, Does.Not.Contain(code));
        });
    }

    [Test]
    public async Task Post_BackDoorFromTheInboxOrigin_IsServed()
    {
        var response = await SendAsync(HttpMethod.Post, ProjectPath + "/clock/advance", """{"seconds":60}""", origin: $"http://localhost:{Port}");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.Clock.Offset, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public async Task Post_ResetWithEmptyBodyAndJsonType_IsServed()
    {
        await LoginOrCreateAsync("ada@example.com");

        var response = await SendAsync(HttpMethod.Post, ProjectPath + "/reset", "");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON")]
    public async Task Post_BackDoorWithJsonTypeVariant_IsServed(string contentType)
    {
        var response = await SendAsync(HttpMethod.Post, ProjectPath + "/clock/advance", """{"seconds":1}""", contentType: contentType);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Post_TextPlainResetWithEmptyBody_Returns415AndKeepsTheUsers()
    {
        await LoginOrCreateAsync("ada@example.com");

        var response = await SendAsync(HttpMethod.Post, ProjectPath + "/reset", "", contentType: "text/plain");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(415), response.Text);
            Assert.That(response.ErrorType, Is.EqualTo("json_content_type_required"));
            Assert.That(Stytch.DefaultProject.Users.All, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Post_StytchEndpointAsTextPlain_IsStillServed()
    {
        // Only the back doors insist on the JSON type; Stytch reads a JSON body whatever its Content-Type says.
        var response = await SendAsync(HttpMethod.Post, "/v1/otps/email/login_or_create", """{"email":"ada@example.com"}""", contentType: "text/plain");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Get_AllowedHostsOption_ServesThoseNamesAndNoOthers()
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { AllowedHosts = ["stytch.internal", "proxy.example:8443"] });
        using var client = new WireClient(fake);

        var anyPort = await SendAsync(client, HttpMethod.Get, "/_fake/v1/health", host: "stytch.internal:1234");
        var fixedPort = await SendAsync(client, HttpMethod.Get, "/_fake/v1/health", host: "proxy.example:8443");
        var otherPort = await SendAsync(client, HttpMethod.Get, "/_fake/v1/health", host: "proxy.example:8444");
        var fromThatOrigin = await SendAsync(client, HttpMethod.Post, $"/_fake/v1/projects/{fake.ProjectId}/clock/advance", """{"seconds":1}""",
            host: "stytch.internal:1234", origin: "http://stytch.internal:1234");

        Assert.Multiple(() =>
        {
            Assert.That(anyPort.Status, Is.EqualTo(200), anyPort.Text);
            Assert.That(fixedPort.Status, Is.EqualTo(200), fixedPort.Text);
            Assert.That(otherPort.ErrorType, Is.EqualTo("host_not_allowed"));
            Assert.That(fromThatOrigin.Status, Is.EqualTo(200), fromThatOrigin.Text);
        });
    }

    [Test]
    public async Task Get_ConfiguredHostOption_IsServedOnItsPortAndAForeignNameIsNot()
    {
        // All of 127.0.0.0/8 is loopback on Linux, so the fake can listen on an address other than 127.0.0.1.
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { Host = "127.0.0.2" });
        using var client = new WireClient(fake);
        var port = fake.Url.Port;

        var configured = await SendAsync(client, HttpMethod.Get, "/_fake/v1/health", host: $"127.0.0.2:{port}");
        var otherPort = await SendAsync(client, HttpMethod.Get, "/_fake/v1/health", host: $"127.0.0.2:{(port % 65535) + 1}");
        var foreign = await SendAsync(client, HttpMethod.Get, "/_fake/v1/health", host: $"127.0.0.3:{port}");
        var fromItsOrigin = await SendAsync(client, HttpMethod.Post, $"/_fake/v1/projects/{fake.ProjectId}/clock/advance", """{"seconds":1}""",
            host: $"127.0.0.2:{port}", origin: $"http://127.0.0.2:{port}");
        var fromAnotherOrigin = await SendAsync(client, HttpMethod.Post, $"/_fake/v1/projects/{fake.ProjectId}/clock/advance", """{"seconds":1}""",
            host: $"127.0.0.2:{port}", origin: $"http://127.0.0.3:{port}");

        Assert.Multiple(() =>
        {
            Assert.That(fake.Url.Host, Is.EqualTo("127.0.0.2"));
            Assert.That(configured.Status, Is.EqualTo(200), configured.Text);
            Assert.That(otherPort.ErrorType, Is.EqualTo("host_not_allowed"), otherPort.Text);
            Assert.That(foreign.ErrorType, Is.EqualTo("host_not_allowed"), foreign.Text);
            Assert.That(fromItsOrigin.Status, Is.EqualTo(200), fromItsOrigin.Text);
            Assert.That(fromAnotherOrigin.ErrorType, Is.EqualTo("origin_not_allowed"), fromAnotherOrigin.Text);
            Assert.That(fake.Clock.Offset, Is.EqualTo(TimeSpan.FromSeconds(1)));
        });
    }

    [TestCase("evil example")]
    [TestCase("host:99999")]
    [TestCase("")]
    public void StartAsync_MalformedAllowedHost_Throws(string entry) =>
        Assert.ThrowsAsync<ArgumentException>(() => StytchFake.StartAsync(new StytchFakeOptions { AllowedHosts = [entry] }));

    [Test]
    public async Task AttachTo_UsersServer_GuardsTheFakesPathsOnly()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/mine").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("mine"));
        await using var fake = StytchFake.AttachTo(server);
        using var client = new WireClient(fake);

        var own = await SendAsync(client, HttpMethod.Get, "/mine", host: "evil.example");
        var rebound = await SendAsync(client, HttpMethod.Get, $"/_fake/v1/projects/{fake.ProjectId}/outbox", host: $"evil.example:{fake.Url.Port}");
        var crossSite = await SendAsync(client, HttpMethod.Post, $"/_fake/v1/projects/{fake.ProjectId}/clock/advance", """{"seconds":1}""", contentType: "text/plain");
        var json = await SendAsync(client, HttpMethod.Post, $"/_fake/v1/projects/{fake.ProjectId}/clock/advance", """{"seconds":1}""");

        Assert.Multiple(() =>
        {
            Assert.That(own.Status, Is.EqualTo(200), own.Text);
            Assert.That(rebound.ErrorType, Is.EqualTo("host_not_allowed"), rebound.Text);
            Assert.That(crossSite.ErrorType, Is.EqualTo("json_content_type_required"), crossSite.Text);
            Assert.That(json.Status, Is.EqualTo(200), json.Text);
            Assert.That(fake.Clock.Offset, Is.EqualTo(TimeSpan.FromSeconds(1)));
        });
    }

    [Test]
    public async Task AttachTo_Disposed_RemovesTheGuardToo()
    {
        using var server = WireMockServer.Start();
        var before = server.Mappings.Count;
        var fake = StytchFake.AttachTo(server);

        await fake.DisposeAsync();

        Assert.That(server.Mappings.Count, Is.EqualTo(before));
    }

    [Test]
    public void ImportSnapshot_OverTheLimit_IsRefusedAsOverHttp()
    {
        var error = Assert.Throws<StytchException>(() => Stytch.DefaultProject.ImportSnapshot(new string(' ', (64 * 1024 * 1024) + 1)))!.Error;

        Assert.That(error.Message, Does.Contain("snapshot is larger than 64 MB"));
    }

    [Test]
    public void ImportSnapshot_UnderTheLimitInCharactersButOverItInUtf8_IsRefused()
    {
        // The limit counts UTF-8 bytes, as the HTTP body does: 2-byte characters reach it at half the length.
        var error = Assert.Throws<StytchException>(() => Stytch.DefaultProject.ImportSnapshot(new string('\u00e9', (32 * 1024 * 1024) + 1)))!.Error;

        Assert.That(error.Message, Does.Contain("snapshot is larger than 64 MB"));
    }

    // ---- raw sockets: what HttpClient does not send ----------------------------------------------

    [Test]
    public async Task Request_Http10WithoutHost_Returns403EnvelopeNotA500()
    {
        var response = await RawHttp.SendAsync(Stytch.Url, "GET /_fake/v1/health HTTP/1.0\r\n\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(403), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("host_not_allowed"));
            Assert.That(response.Body, Does.Not.Contain("StackTrace").And.Not.Contain("Exception"));
        });
    }

    [Test]
    public async Task Post_ContentLengthOverOneMegabyte_IsAnsweredBeforeTheBodyIsSent()
    {
        // No body follows the headers: an answer proves the server did not wait to read (or buffer) it.
        var response = await RawHttp.SendAsync(Stytch.Url, Head("POST", "/v1/otps/email/login_or_create", "Content-Length: 1073741824\r\n"));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
            Assert.That(response.Json["error_message"]!.GetValue<string>(), Does.Contain("1 MB"));
        });
    }

    [Test]
    public async Task Put_SnapshotContentLengthOverItsLimit_IsAnsweredBeforeTheBodyIsSent()
    {
        var response = await RawHttp.SendAsync(Stytch.Url, Head("PUT", ProjectPath + "/snapshot", $"Content-Length: {64 * 1024 * 1024 + 1}\r\n"));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Body);
            Assert.That(response.Json["error_message"]!.GetValue<string>(), Does.Contain("snapshot is larger than 64 MB"));
        });
    }

    [Test]
    public async Task Post_ChunkedBodyOverOneMegabyte_Returns400WhenTheLimitIsReached()
    {
        var response = await RawHttp.SendAsync(Stytch.Url, Head("POST", "/v1/otps/email/login_or_create", "Transfer-Encoding: chunked\r\n"), RawHttp.Chunks(16L * 1024 * 1024));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Body);
            Assert.That(response.Json["error_message"]!.GetValue<string>(), Does.Contain("1 MB"));
        });
    }

    [Test]
    public async Task Post_UnknownPathWithLargeBody_IsBoundedToo()
    {
        var response = await RawHttp.SendAsync(Stytch.Url, Head("POST", "/anything/at/all", "Content-Length: 1073741824\r\n"));

        Assert.That(response.Status, Is.EqualTo(400), response.Body);
    }

    [Test]
    public async Task Post_BodyThatStopsArriving_Returns400EnvelopeNotA500()
    {
        // Three bytes of a promised thousand, then silence: Kestrel's minimum data rate ends the wait (after its
        // 5 s grace period), and the fake answers with an envelope instead of WireMock's stack trace.
        var response = await RawHttp.SendAsync(
            Stytch.Url, Head("POST", "/v1/otps/email/login_or_create", "Content-Length: 1000\r\n"),
            async (stream, cancel) => await stream.WriteAsync("{\"e"u8.ToArray(), cancel));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
            Assert.That(response.Body, Does.Not.Contain("StackTrace").And.Not.Contain("Exception"));
        });
    }

    [Test]
    public async Task Post_MalformedChunkedFraming_Returns400EnvelopeNotA500()
    {
        var response = await RawHttp.SendAsync(
            Stytch.Url, Head("POST", "/v1/otps/email/login_or_create", "Transfer-Encoding: chunked\r\n"),
            async (stream, cancel) => await stream.WriteAsync("zz\r\n{}\r\n0\r\n\r\n"u8.ToArray(), cancel));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        });
    }

    [TestCase("/v1/b2b/organizations/%00")]
    [TestCase("/_fake/v1/projects/%00/outbox")]
    [TestCase("/v1/users/\0")]
    public async Task Get_NulInPath_Returns400EnvelopeNotA500(string path)
    {
        // Kestrel refuses these itself, before any middleware; the fake swaps its bodiless answer for the envelope.
        var response = await RawHttp.SendAsync(Stytch.Url, Head("GET", path, ""));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
            Assert.That(response.Json["status_code"]!.GetValue<int>(), Is.EqualTo(400));
            Assert.That(response.Body, Does.Not.Contain("StackTrace").And.Not.Contain("Exception"));
        });
    }

    [Test]
    public async Task Get_NulInPathAfterAGoodRequestOnOneConnection_LeavesTheFirstAnswerWhole()
    {
        var good = $"GET /_fake/v1/health HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\n\r\n";

        var response = await RawHttp.SendAsync(Stytch.Url, good + Head("GET", "/v1/users/%00", ""));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(response.Body.IndexOf("{\"status\":\"ok\",\"projects\":1}", StringComparison.Ordinal), Is.GreaterThanOrEqualTo(0));
            Assert.That(
                response.Body.IndexOf("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json", StringComparison.Ordinal),
                Is.GreaterThan(response.Body.IndexOf("\"projects\":1}", StringComparison.Ordinal)));
            Assert.That(response.Body, Does.EndWith("\"error_url\":\"https://stytch.com/docs/api/errors/400\"}"));
        });
    }

    private string Head(string method, string path, string headers) =>
        $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nContent-Type: application/json\r\n{headers}Connection: close\r\n\r\n";

    private Task<WireResult> SendAsync(HttpMethod method, string path, string? body = null, string? host = null, string? origin = null, string contentType = "application/json") =>
        SendAsync(Client, method, path, body, host, origin, contentType);

    private static async Task<WireResult> SendAsync(WireClient client, HttpMethod method, string path, string? body = null, string? host = null, string? origin = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.Http.SendAsync(request);
        return new WireResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
