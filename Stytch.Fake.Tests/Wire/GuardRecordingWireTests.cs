using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using WireMock.Server;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// What the request guard refuses before the pipeline (a foreign Host or Origin, a back-door call without the JSON
/// type, a body too large or unreadable) is recorded as an unrouted call is: in the project a back-door path names,
/// else the one the Basic credentials name, else the default project; a request Kestrel could not parse goes to the
/// default project without a path.
/// </summary>
public sealed class GuardRecordingWireTests : FakeWireTest
{
    private string Port => Stytch.Url.Port.ToString(CultureInfo.InvariantCulture);

    private string ProjectPath => $"/_fake/v1/projects/{Stytch.ProjectId}";

    private static RecordedRequest? Find(StytchFakeProject project, string path) => project.Requests.All.LastOrDefault(r => r.Path == path);

    [Test]
    public async Task Requests_BackDoorCallAsTextPlain_IsRecordedWith415AndItsMessage()
    {
        var response = await Client.PostRawAsync(ProjectPath + "/reset", "", "text/plain");

        var recorded = Find(Stytch.DefaultProject, ProjectPath + "/reset");
        Assert.That(recorded, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That((recorded!.Method, recorded.StatusCode, recorded.ErrorType), Is.EqualTo(("POST", 415, "json_content_type_required")));
            Assert.That(recorded.RequestId, Is.EqualTo(response["request_id"]));
            Assert.That(recorded.ErrorMessage, Is.EqualTo(response["error_message"]));
        });
    }

    [Test]
    public async Task Requests_ForeignOrigin_IsRecordedInTheProjectTheCredentialsName()
    {
        var other = Stytch.CreateProject();
        using var client = new WireClient(Stytch, other);
        var path = $"/_fake/v1/projects/{other.ProjectId}/clock/advance";

        var response = await SendAsync(client, HttpMethod.Post, path, """{"seconds":1}""", origin: "http://evil.example");

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorType, Is.EqualTo("origin_not_allowed"));
            Assert.That(Find(other, path)?.ErrorType, Is.EqualTo("origin_not_allowed"));
            Assert.That(Find(Stytch.DefaultProject, path), Is.Null);
        });
    }

    [Test]
    public async Task Requests_BackDoorRefusalWithoutCredentials_IsRecordedInTheProjectItsPathNames()
    {
        // Back-door calls need no Basic credentials, so the project in the path is the one whose report shows it.
        var other = Stytch.CreateProject();
        using var anonymous = new WireClient(Stytch);
        anonymous.Http.DefaultRequestHeaders.Authorization = null;
        var path = $"/_fake/v1/projects/{other.ProjectId}/reset";

        await anonymous.PostRawAsync(path, "", "text/plain");

        Assert.Multiple(() =>
        {
            Assert.That(Find(other, path)?.ErrorType, Is.EqualTo("json_content_type_required"));
            Assert.That(Find(Stytch.DefaultProject, path), Is.Null);
        });
    }

    [Test]
    public async Task Requests_ForeignHost_IsRecordedAndAnsweredWithTheEnvelopeOnly()
    {
        await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        var response = await SendAsync(Client, HttpMethod.Get, ProjectPath + "/outbox", host: $"evil.example:{Port}");

        var recorded = Find(Stytch.DefaultProject, ProjectPath + "/outbox");
        Assert.Multiple(() =>
        {
            Assert.That((recorded?.StatusCode, recorded?.ErrorType), Is.EqualTo(((int?)403, "host_not_allowed")));
            Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("status_code", "request_id", "error_type", "error_message", "error_url")));
            Assert.That(response.Text, Does.Not.Contain(code).And.Not.Contain(Stytch.Secret).And.Not.Contain("/outbox"));
        });
    }

    [Test]
    public async Task Requests_BodyOverOneMegabyte_IsRecordedWithTheLimit()
    {
        var response = await RawHttp.SendAsync(Stytch.Url, Head("POST", "/v1/otps/email/login_or_create", "Content-Length: 1073741824\r\n"));

        var recorded = Find(Stytch.DefaultProject, "/v1/otps/email/login_or_create");
        Assert.Multiple(() =>
        {
            Assert.That((recorded?.StatusCode, recorded?.ErrorType), Is.EqualTo(((int?)400, "bad_request")));
            Assert.That(recorded?.ErrorMessage, Does.Contain("larger than 1 MB"));
            Assert.That(recorded?.RequestId, Is.EqualTo(response.Json["request_id"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task Requests_BodyWithMalformedChunks_IsRecordedAsUnreadable()
    {
        await RawHttp.SendAsync(
            Stytch.Url, Head("POST", "/v1/otps/email/login_or_create", "Transfer-Encoding: chunked\r\n"),
            async (stream, cancel) => await stream.WriteAsync("zz\r\n{}\r\n0\r\n\r\n"u8.ToArray(), cancel));

        var recorded = Find(Stytch.DefaultProject, "/v1/otps/email/login_or_create");
        Assert.That(recorded?.StatusCode, Is.EqualTo(400));
        Assert.That(recorded?.ErrorMessage, Does.StartWith("The request body could not be read"));
    }

    [Test]
    public async Task Requests_RequestKestrelCannotParse_IsRecordedInTheDefaultProjectWithoutAPath()
    {
        var response = await RawHttp.SendAsync(Stytch.Url, Head("GET", "/v1/users/%00", ""));

        var recorded = Stytch.DefaultProject.Requests.All.SingleOrDefault(r => r.RequestId == response.Json["request_id"]!.GetValue<string>());
        Assert.That(recorded, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That((recorded!.Method, recorded.Path, recorded.StatusCode, recorded.ErrorType), Is.EqualTo(("", "", 400, "bad_request")));
            Assert.That(recorded.ErrorMessage, Does.StartWith("The request could not be parsed as HTTP"));
        });
    }

    [Test]
    public async Task Requests_BackDoor_ListsAGuardRefusalWithItsMessage()
    {
        await Client.PostRawAsync(ProjectPath + "/clock/advance", """{"seconds":1}""", "text/plain");

        var listed = await Client.GetAsync(ProjectPath + "/requests");

        var entry = listed.Json["requests"]!.AsArray().Select(r => r!.AsObject()).Last(r => r["path"]!.GetValue<string>() == ProjectPath + "/clock/advance");
        Assert.Multiple(() =>
        {
            Assert.That(entry["status_code"]!.GetValue<int>(), Is.EqualTo(415));
            Assert.That(entry["error_type"]!.GetValue<string>(), Is.EqualTo("json_content_type_required"));
            Assert.That(entry["error_message"]!.GetValue<string>(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task DiagnosticReport_BodyOverOneMegabyte_ShowsTheRefusalUnderTheRequest()
    {
        await RawHttp.SendAsync(Stytch.Url, Head("POST", "/v1/otps/email/send", "Content-Length: 1073741824\r\n"));

        var report = DiagnosticReport.Describe(Stytch.DefaultProject);

        var lines = report.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var request = lines.FindIndex(l => l.Contains("POST   /v1/otps/email/send -> 400 bad_request", StringComparison.Ordinal));
        Assert.That(request, Is.GreaterThan(0), report);
        Assert.That(lines[request + 1].Trim(), Does.StartWith("The request body is larger than 1 MB."));
    }

    [Test]
    public async Task AttachTo_GuardRefusal_IsRecordedInTheProjectTheCredentialsName()
    {
        using var server = WireMockServer.Start();
        await using var fake = StytchFake.AttachTo(server);
        using var client = new WireClient(fake);
        var path = $"/_fake/v1/projects/{fake.ProjectId}/clock/advance";

        var response = await client.PostRawAsync(path, """{"seconds":1}""", "text/plain");

        var recorded = Find(fake.DefaultProject, path);
        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorType, Is.EqualTo("json_content_type_required"));
            Assert.That((recorded?.StatusCode, recorded?.RequestId), Is.EqualTo(((int?)415, response["request_id"])));
        });
    }

    [Test]
    public async Task AttachTo_GuardRefusalWithTwoAuthorizationHeaders_IsRecordedInTheProjectTheFirstNames()
    {
        // Credentials are read by their first value everywhere: on the fake's own server, in the pipeline, and here.
        using var server = WireMockServer.Start();
        await using var fake = StytchFake.AttachTo(server);
        var other = fake.CreateProject();
        var first = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{other.ProjectId}:{other.Secret}"));
        var head = $"POST /v1/otps/email/login_or_create HTTP/1.1\r\nHost: evil.example:{server.Ports[0]}\r\nAuthorization: Basic {first}\r\n" +
                   "Authorization: Basic bm9ib2R5Om5vdGhpbmc=\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";

        var response = await RawHttp.SendAsync(new Uri(server.Url!), head);

        Assert.Multiple(() =>
        {
            Assert.That(response.ErrorType, Is.EqualTo("host_not_allowed"));
            Assert.That(Find(other, "/v1/otps/email/login_or_create")?.RequestId, Is.EqualTo(response.Json["request_id"]!.GetValue<string>()));
            Assert.That(Find(fake.DefaultProject, "/v1/otps/email/login_or_create"), Is.Null);
        });
    }

    /// <summary>A raw request with the default project's credentials, so its refusal is recorded there by name.</summary>
    private string Head(string method, string path, string headers)
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Stytch.ProjectId}:{Stytch.Secret}"));
        return $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nAuthorization: Basic {auth}\r\nContent-Type: application/json\r\n{headers}Connection: close\r\n\r\n";
    }

    private static async Task<WireResult> SendAsync(WireClient client, HttpMethod method, string path, string? body = null, string? host = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
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
