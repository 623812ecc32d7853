namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// Every request is recorded, routed or not: in the project it reached; else in the project its Basic credentials
/// name; else in the default project. Seen in process, over <c>/requests</c> and in the failed-test report.
/// </summary>
public sealed class RequestLogWireTests : FakeWireTest
{
    private static WireClient ClientFor(StytchFake fake, string projectId, string secret) => new(fake.Url, projectId, secret);

    private static RecordedRequest? Find(StytchFakeProject project, string path) => project.Requests.All.LastOrDefault(r => r.Path == path);

    [Test]
    public async Task Requests_NotImplementedStytchEndpoint_IsRecordedWithItsMessage()
    {
        await Client.PostAsync("/v1/crypto_wallets/authenticate/start", new { crypto_wallet_address = "0x0", crypto_wallet_type = "ethereum" });

        var recorded = Find(Stytch.DefaultProject, "/v1/crypto_wallets/authenticate/start");
        Assert.That(recorded, Is.Not.Null);
        Assert.That((recorded!.Method, recorded.StatusCode, recorded.ErrorType), Is.EqualTo(("POST", 404, "route_not_found")));
        Assert.That(recorded.ErrorMessage, Does.StartWith("POST /v1/crypto_wallets/authenticate/start is a Stytch endpoint Stytch.Fake does not implement yet."));
    }

    [Test]
    public async Task Requests_UnknownRoute_IsRecordedInTheCallersProject()
    {
        var other = Stytch.CreateProject();
        using var client = new WireClient(Stytch, other);

        var response = await client.GetAsync("/v1/nope");

        Assert.That(Find(other, "/v1/nope")?.RequestId, Is.EqualTo(response["request_id"]));
        Assert.That(Find(Stytch.DefaultProject, "/v1/nope"), Is.Null);
    }

    [Test]
    public async Task Requests_WrongSecret_IsRecordedInTheProjectItNames()
    {
        var other = Stytch.CreateProject();
        using var client = ClientFor(Stytch, other.ProjectId, "secret-test-wrong");

        await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        var recorded = Find(other, "/v1/otps/email/login_or_create");
        Assert.That((recorded?.StatusCode, recorded?.ErrorType), Is.EqualTo(((int?)401, "unauthorized_credentials")));
        Assert.That(Find(Stytch.DefaultProject, "/v1/otps/email/login_or_create"), Is.Null);
    }

    [Test]
    public async Task Requests_NoCredentials_IsRecordedInTheDefaultProject()
    {
        using var anonymous = new WireClient(Stytch);
        anonymous.Http.DefaultRequestHeaders.Authorization = null;

        await anonymous.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });

        Assert.That(Find(Stytch.DefaultProject, "/v1/otps/email/send")?.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task Requests_CredentialsOfNoProject_IsRecordedInTheDefaultProject()
    {
        using var stranger = ClientFor(Stytch, "project-test-00000000-0000-4000-8000-000000000000", "secret");

        await stranger.GetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000");

        Assert.That(Find(Stytch.DefaultProject, "/v1/users/user-test-00000000-0000-4000-8000-000000000000")?.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task Requests_PathOutsideTheApi_IsRecordedInTheDefaultProject()
    {
        using var http = new HttpClient { BaseAddress = Stytch.Url };

        using var response = await http.GetAsync("favicon.ico");

        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(Find(Stytch.DefaultProject, "/favicon.ico")?.ErrorType, Is.EqualTo("route_not_found"));
    }

    [Test]
    public async Task Requests_BackDoor_ListsUnroutedCallsWithTheirMessage()
    {
        await Client.PostAsync("/v1/webauthn/register/start", new { });

        var listed = await Client.GetAsync($"/_fake/v1/projects/{Stytch.ProjectId}/requests");

        var entry = listed.Json["requests"]!.AsArray().Select(r => r!.AsObject()).First(r => r["path"]!.GetValue<string>() == "/v1/webauthn/register/start");
        Assert.That(entry["status_code"]!.GetValue<int>(), Is.EqualTo(404));
        Assert.That(entry["error_type"]!.GetValue<string>(), Is.EqualTo("route_not_found"));
        Assert.That(entry["error_message"]!.GetValue<string>(), Does.StartWith("POST /v1/webauthn/register/start is a Stytch endpoint Stytch.Fake does not implement yet."));
    }

    [Test]
    public async Task Requests_BackDoorSuccess_HasANullErrorMessage()
    {
        await LoginOrCreateAsync("ada@example.com");

        var listed = await Client.GetAsync($"/_fake/v1/projects/{Stytch.ProjectId}/requests");

        var entry = listed.Json["requests"]!.AsArray().Select(r => r!.AsObject()).First(r => r["path"]!.GetValue<string>() == "/v1/otps/email/login_or_create");
        Assert.That(entry["status_code"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(entry["error_message"], Is.Null);
    }

    [Test]
    public async Task DiagnosticReport_NotImplementedCall_ShowsTheMessageUnderTheRequest()
    {
        await Client.PostAsync("/v1/crypto_wallets/authenticate/start", new { crypto_wallet_address = "0x0", crypto_wallet_type = "ethereum" });

        var report = DiagnosticReport.Describe(Stytch.DefaultProject);

        var lines = report.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var request = lines.FindIndex(l => l.Contains("POST   /v1/crypto_wallets/authenticate/start -> 404 route_not_found", StringComparison.Ordinal));
        Assert.That(request, Is.GreaterThan(0), report);
        Assert.That(lines[request + 1].Trim(), Does.StartWith("POST /v1/crypto_wallets/authenticate/start is a Stytch endpoint Stytch.Fake does not implement yet."));
    }

    [Test]
    public async Task DiagnosticReport_RefusedCredentials_ShowsTheCallInTheNamedProjectsReport()
    {
        var other = Stytch.CreateProject();
        using var client = ClientFor(Stytch, other.ProjectId, "secret-test-wrong");

        await client.GetAsync("/v1/sessions?user_id=user-test-00000000-0000-4000-8000-000000000000");

        Assert.That(DiagnosticReport.Describe(other), Does.Contain("/v1/sessions -> 401 unauthorized_credentials").And.Contain("Unauthorized credentials."));
    }
}
