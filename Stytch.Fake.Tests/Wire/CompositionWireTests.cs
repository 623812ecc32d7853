using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Stytch.Fake.Tests.Wire;

/// <summary>The fake sharing a WireMock server with a test's own mappings.</summary>
public sealed class CompositionWireTests
{
    internal const string CannedRateLimit =
        """{"status_code":429,"request_id":"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://stytch.com/docs/api/errors/429"}""";

    private readonly List<WireMockServer> _servers = [];

    [TearDown]
    public void StopServers()
    {
        foreach (var server in _servers)
        {
            server.Stop();
            server.Dispose();
        }

        _servers.Clear();
    }

    private WireMockServer StartServer()
    {
        var server = WireMockServer.Start();
        _servers.Add(server);
        return server;
    }

    private static Guid MapOther(WireMockServer server)
    {
        var id = Guid.NewGuid();
        server.Given(Request.Create().WithPath("/other").UsingGet())
            .WithGuid(id)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"service":"other"}"""));
        return id;
    }

    internal static Guid MapRateLimitedLoginOrCreate(WireMockServer server)
    {
        var id = Guid.NewGuid();
        server.Given(Request.Create().WithPath("/v1/otps/email/login_or_create").UsingPost())
            .WithGuid(id)
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Content-Type", "application/json").WithBody(CannedRateLimit));
        return id;
    }

    private static WireClient ClientFor(WireMockServer server, StytchFake stytch) =>
        new(new Uri(server.Url!), stytch.ProjectId, stytch.Secret);

    [Test]
    public async Task AttachTo_ServerWithOwnMapping_ServesBothOnOnePort()
    {
        var server = StartServer();
        MapOther(server);
        await using var stytch = StytchFake.AttachTo(server);
        using var client = ClientFor(server, stytch);

        var other = await client.GetAsync("/other");
        var login = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(stytch.Url.Port, Is.EqualTo(server.Port));
        Assert.That(other.Status, Is.EqualTo(200));
        Assert.That(other["service"], Is.EqualTo("other"));
        Assert.That(login.Status, Is.EqualTo(200));
        Assert.That(login.Json["user_created"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task AttachTo_FrontendSdkCall_IsServedWrappedInData()
    {
        var server = StartServer();
        await using var stytch = StytchFake.AttachTo(server);
        var token = stytch.DefaultProject.PublicToken;
        using var client = new WireClient(new Uri(server.Url!), token, token);

        var bootstrap = await client.GetAsync("/sdk/v1/projects/bootstrap/" + token);

        Assert.That(bootstrap.Status, Is.EqualTo(200), bootstrap.Text);
        Assert.That(bootstrap.Json["data"]!["captcha_settings"], Is.Not.Null);
    }

    [Test]
    public async Task AttachTo_UserMappingAtDefaultPriority_WinsOverTheFake()
    {
        var server = StartServer();
        await using var stytch = StytchFake.AttachTo(server);
        MapRateLimitedLoginOrCreate(server);
        using var client = ClientFor(server, stytch);

        var login = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(login.Status, Is.EqualTo(429));
        Assert.That(login.ErrorType, Is.EqualTo("too_many_requests"));
        Assert.That(stytch.DefaultProject.Users.All, Is.Empty);
        Assert.That(stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task AttachTo_UserMappingAddedBeforeAttaching_StillWinsOverTheFake()
    {
        var server = StartServer();
        MapRateLimitedLoginOrCreate(server);
        await using var stytch = StytchFake.AttachTo(server);
        using var client = ClientFor(server, stytch);

        var login = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(login.Status, Is.EqualTo(429));
        Assert.That(stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task AttachTo_UserMappingForOneEndpoint_OtherFakeEndpointsStillWork()
    {
        var server = StartServer();
        await using var stytch = StytchFake.AttachTo(server);
        MapRateLimitedLoginOrCreate(server);
        using var client = ClientFor(server, stytch);
        var user = stytch.DefaultProject.Users.Create("ada@example.com");
        var sent = await client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });

        var auth = await client.PostAsync("/v1/otps/authenticate", new { method_id = user.EmailId, code = stytch.Outbox.LatestFor("ada@example.com").Code });

        Assert.That(sent.Status, Is.EqualTo(200));
        Assert.That(auth.Status, Is.EqualTo(200));
        Assert.That(auth["user_id"], Is.EqualTo(user.UserId));
    }

    [Test]
    public async Task AttachTo_ServerThatParsesJson_FakeStillReadsBodies()
    {
        var server = StartServer();
        await using var stytch = StytchFake.AttachTo(server);
        using var client = ClientFor(server, stytch);

        var bad = await client.PostRawAsync("/v1/otps/email/login_or_create", """{"email":5}""");
        var good = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", locale = "fr" });

        Assert.That(bad.Status, Is.EqualTo(400));
        Assert.That(bad.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(good.Status, Is.EqualTo(200));
        Assert.That(stytch.Outbox.LatestFor("ada@example.com").Locale, Is.EqualTo("fr"));
    }

    [Test]
    public async Task Reset_AttachedFake_LeavesUserMappingsAlive()
    {
        var server = StartServer();
        var otherId = MapOther(server);
        var loginId = MapRateLimitedLoginOrCreate(server);
        await using var stytch = StytchFake.AttachTo(server);
        using var client = ClientFor(server, stytch);

        stytch.Reset();
        var other = await client.GetAsync("/other");

        Assert.That(server.Mappings.Select(m => m.Guid), Does.Contain(otherId).And.Contain(loginId));
        Assert.That(other.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Reset_AttachedFake_KeepsTheFakeMappings()
    {
        var server = StartServer();
        await using var stytch = StytchFake.AttachTo(server);
        using var client = ClientFor(server, stytch);
        var before = server.Mappings.Count;

        stytch.Reset();
        var login = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(server.Mappings.Count, Is.EqualTo(before));
        Assert.That(login.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Dispose_AttachedFake_LeavesOnlyUserMappings()
    {
        var server = StartServer();
        var otherId = MapOther(server);
        var stytch = StytchFake.AttachTo(server);
        var loginId = MapRateLimitedLoginOrCreate(server);
        Assert.That(server.Mappings.Count, Is.GreaterThan(2));

        await stytch.DisposeAsync();

        Assert.That(server.Mappings.Select(m => m.Guid), Is.EquivalentTo(new[] { otherId, loginId }));
    }

    [Test]
    public async Task Dispose_AttachedFake_LeavesTheServerRunningForUserMappings()
    {
        var server = StartServer();
        MapOther(server);
        var stytch = StytchFake.AttachTo(server);
        using var client = ClientFor(server, stytch);

        await stytch.DisposeAsync();
        var other = await client.GetAsync("/other");
        var stytchPath = await client.GetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000");

        Assert.That(server.IsStarted, Is.True);
        Assert.That(other.Status, Is.EqualTo(200));
        Assert.That(stytchPath.Status, Is.EqualTo(404));
        Assert.That(stytchPath.Text, Does.Not.Contain("user_not_found").And.Not.Contain("route_not_found"));
    }

    [Test]
    public async Task MapTo_SecondServer_ServesTheSameState()
    {
        await using var stytch = await StytchFake.StartAsync();
        var second = StartServer();
        stytch.MapTo(second);
        using var first = new WireClient(stytch);
        using var viaSecond = ClientFor(second, stytch);

        var created = await first.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var code = stytch.Outbox.LatestFor("ada@example.com").Code;
        var auth = await viaSecond.PostAsync("/v1/otps/authenticate", new { method_id = created["email_id"], code });
        var user = await first.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(second.Port, Is.Not.EqualTo(stytch.Url.Port));
        Assert.That(auth.Status, Is.EqualTo(200));
        Assert.That(auth["user_id"], Is.EqualTo(created["user_id"]));
        Assert.That(user.Json["emails"]![0]!["verified"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task MapTo_SecondServerWithOwnMapping_KeepsItAfterDispose()
    {
        var stytch = await StytchFake.StartAsync();
        var second = StartServer();
        var otherId = MapOther(second);
        stytch.MapTo(second);
        Assert.That(second.Mappings.Count, Is.GreaterThan(1));

        await stytch.DisposeAsync();

        Assert.That(second.Mappings.Select(m => m.Guid), Is.EqualTo(new[] { otherId }));
    }
}
