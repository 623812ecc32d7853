using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.M2M;

/// <summary>M2M clients in snapshots (format version 3) and resets: they survive a round trip, secrets only as hashes.</summary>
public sealed class M2MSnapshotWireTests : M2MWireTest
{
    private string SnapshotPath => $"/_fake/v1/projects/{Stytch.ProjectId}/snapshot";

    [Test]
    public async Task Snapshot_RoundTrip_KeepsClientsAndTheirSecretsWork()
    {
        var client = await CreateClientAsync(new { scopes = new[] { "read:users" }, client_name = "svc", trusted_metadata = new { tier = "gold" } });
        var exported = Stytch.DefaultProject.ExportSnapshot();
        Stytch.DefaultProject.Reset();

        Stytch.DefaultProject.ImportSnapshot(exported);
        var token = await TokenAsync(client);

        var restored = Stytch.M2M.Get(Str(client["client_id"]));
        Assert.Multiple(() =>
        {
            Assert.That((restored.ClientName, restored.TrustedMetadata, restored.Scopes.Single()), Is.EqualTo(("svc", """{"tier":"gold"}""", "read:users")));
            Assert.That(token.Status, Is.EqualTo(200), token.Text);
            Assert.That(Stytch.DefaultProject.ExportSnapshot(), Is.EqualTo(exported));
        });
    }

    [Test]
    public async Task Snapshot_RotationUnderWay_SurvivesWithBothSecretsValid()
    {
        var client = await CreateClientAsync("a");
        var started = await Client.PostRawAsync($"{ClientsPath}/{Str(client["client_id"])}/secrets/rotate/start", "{}");
        var next = Str(started.Json["m2m_client"]!["next_client_secret"]);
        var exported = Stytch.DefaultProject.ExportSnapshot();
        var other = Stytch.CreateProject();

        other.ImportSnapshot(exported);
        Stytch.DefaultProject.ImportSnapshot(other.ExportSnapshot());
        var withOld = await TokenAsync(client);
        var withNext = await TokenAsync(client, secret: next);

        Assert.That((withOld.Status, withNext.Status), Is.EqualTo((200, 200)), withOld.Text + withNext.Text);
        Assert.That(other.M2M.Get(Str(client["client_id"])).NextClientSecretLastFour, Is.EqualTo(next[^4..]));
    }

    [Test]
    public async Task Snapshot_Export_HoldsHashesNotSecrets()
    {
        var client = await CreateClientAsync("a");

        var snapshot = JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!["m2m_clients"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(Str(snapshot["secret_hash"]), Does.StartWith("sha256:"));
            Assert.That(snapshot.ToJsonString(), Does.Not.Contain(Str(client["client_secret"])));
            Assert.That(snapshot["next_secret_hash"], Is.Null);
        });
    }

    [TestCase("secret_hash", "\"plain-secret\"")]
    [TestCase("status", "\"suspended\"")]
    [TestCase("next_secret_hash", "\"sha256:AAAA\"")]
    public async Task PutSnapshot_BadM2MClient_Is400AndChangesNothing(string field, string value)
    {
        await CreateClientAsync("a");
        var snapshot = JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!.AsObject();
        snapshot["m2m_clients"]![0]![field] = JsonNode.Parse(value);
        await CreateClientAsync("b");
        var before = Stytch.DefaultProject.ExportSnapshot();

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task PutSnapshot_Version2File_LoadsWithNoM2MClients()
    {
        await CreateClientAsync("a");
        var snapshot = SnapshotLayouts.AsVersion4(JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!.AsObject());
        snapshot["version"] = 2;
        snapshot.Remove("m2m_clients");

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.M2M.All, Is.Empty);
    }

    [Test]
    public async Task Reset_Project_ForgetsItsM2MClients()
    {
        var client = await CreateClientAsync("a");

        Stytch.Reset();
        var token = await TokenAsync(client);

        Assert.That(Stytch.M2M.All, Is.Empty);
        Assert.That(token["error"], Is.EqualTo("invalid_client"));
    }
}
