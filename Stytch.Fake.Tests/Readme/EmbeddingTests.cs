// The README's examples for using the fake without NUnit's base class and beside a WireMock server of your own,
// compiled and run as they stand. ReadmeTests checks each README block is the code between its markers here.
// README:embedding:begin
using System.Net.Http.Json;
// README:shared-wiremock:begin
// README:reset-mappings:begin
using Stytch.Fake;
// README:reset-mappings:end
// README:embedding:end
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
// README:reset-mappings:begin
using WireMock.Server;
// README:reset-mappings:end
// README:shared-wiremock:end
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Readme;

public sealed class EmbeddingTests
{
    [Test]
    public async Task Embedding_StartAdvanceResetCreate_WorksAsTheReadmeSays()
    {
        // README:embedding:begin

        await using var stytch = await StytchFake.StartAsync();       // loopback, free port, a fresh project
        using var client = stytch.CreateClient();                      // HttpClient with Basic project_id:secret
        // or point any Stytch SDK at stytch.Url with stytch.ProjectId / stytch.Secret
        await client.PostAsJsonAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var code = stytch.Outbox.LatestFor("ada@example.com").Code;   // the captured code
        stytch.Clock.Advance(TimeSpan.FromMinutes(3));                 // the 2-minute code has now expired
        stytch.Reset();                                                // wipe state, keep the server
        var other = stytch.CreateProject();                            // isolated state, its own credentials
        // README:embedding:end

        Assert.Multiple(() =>
        {
            Assert.That(code, Does.Match("^[0-9]{6}$"));
            Assert.That(stytch.Outbox.All, Is.Empty);
            Assert.That(stytch.Clock.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(other.ProjectId, Is.Not.EqualTo(stytch.ProjectId));
        });
    }

    [Test]
    public async Task SharedWireMock_AttachedFake_ServesBesideYourMappingsAndYoursWin()
    {
        // README:shared-wiremock:begin

        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/payments")).RespondWith(Response.Create().WithStatusCode(200));
        await using var stytch = StytchFake.AttachTo(server);         // same port; your mappings stay
        // A mapping of yours for a Stytch path, at WireMock's default priority, answers instead of the fake:
        server.Given(Request.Create().WithPath("/v1/otps/email/send").UsingPost())
              .RespondWith(Response.Create().WithStatusCode(503));
        // README:shared-wiremock:end
        using var client = new WireClient(stytch);

        var payments = await client.GetAsync("/payments");
        var send = await client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });
        var login = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(payments.Status, Is.EqualTo(200));
            Assert.That(send.Status, Is.EqualTo(503));
            Assert.That(login.Status, Is.EqualTo(200), login.Text);
        });
    }

    [Test]
    public async Task WireMockResetMappings_OnTheSharedServer_RemovesTheFakeUntilMapToPutsItBack()
    {
        using var server = WireMockServer.Start();
        await using var stytch = StytchFake.AttachTo(server);
        using var client = new WireClient(stytch);
        var before = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        // README:reset-mappings:begin

        // server is your WireMockServer, stytch the fake attached to it (as above)
        server.ResetMappings();    // deletes every mapping, the fake's too: Stytch paths now get WireMock's 404
        // README:reset-mappings:end
        var gone = await client.GetAsync($"/v1/users/{before["user_id"]}");
        // README:reset-mappings:begin
        stytch.MapTo(server);      // serves the fake from this server again; its state was never touched
        // README:reset-mappings:end
        var back = await client.GetAsync($"/v1/users/{before["user_id"]}");

        Assert.Multiple(() =>
        {
            Assert.That(gone.Status, Is.EqualTo(404));
            Assert.That(gone.Text, Does.Not.Contain("user_not_found"), "WireMock's own 404, not the fake's");
            Assert.That(back.Status, Is.EqualTo(200), back.Text);
            Assert.That(back["user_id"], Is.EqualTo(before["user_id"]));
        });
    }

    [Test]
    public async Task WireMockReset_OnTheSharedServer_RemovesTheFakeToo()
    {
        using var server = WireMockServer.Start();
        await using var stytch = StytchFake.AttachTo(server);
        using var client = new WireClient(stytch);

        server.Reset();
        var login = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(server.Mappings, Is.Empty);
            Assert.That(login.Status, Is.EqualTo(404));
            Assert.That(stytch.DefaultProject.Users.All, Is.Empty);
        });
    }

    [Test]
    public async Task StytchFakeReset_OnTheSharedServer_WipesStateAndKeepsEveryMapping()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/payments")).RespondWith(Response.Create().WithStatusCode(200));
        await using var stytch = StytchFake.AttachTo(server);
        using var client = new WireClient(stytch);
        await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var mappings = server.Mappings.Count;

        stytch.Reset();
        var payments = await client.GetAsync("/payments");
        var login = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(server.Mappings, Has.Count.EqualTo(mappings));
            Assert.That(payments.Status, Is.EqualTo(200));
            Assert.That(login.Json["user_created"]!.GetValue<bool>(), Is.True, "the user from before the reset is gone");
        });
    }
}
