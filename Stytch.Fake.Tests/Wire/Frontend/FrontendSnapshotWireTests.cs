using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>
/// The public token and the allowed browser origins in snapshots: exported, taken on import; a file without a token gets
/// the derived one, and a file without origins leaves the project's as they are.
/// </summary>
public sealed class FrontendSnapshotWireTests : FrontendWireTest
{
    [Test]
    public void ExportSnapshot_Project_HoldsItsPublicToken() =>
        Assert.That(JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!["public_token"]!.GetValue<string>(), Is.EqualTo(PublicToken));

    [Test]
    public void ImportSnapshot_AnotherProjectsFile_TakesItsPublicToken()
    {
        var other = Stytch.CreateProject();

        other.ImportSnapshot(Stytch.DefaultProject.ExportSnapshot());

        Assert.That(other.PublicToken, Is.EqualTo(PublicToken));
    }

    [Test]
    public void ImportSnapshot_FileWithoutPublicToken_GetsTheTokenDerivedFromTheProjectId()
    {
        var fixedToken = Stytch.CreateProject(new StytchProjectOptions { PublicToken = "public-token-test-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" });
        var older = JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!.AsObject();
        older.Remove("public_token");

        fixedToken.ImportSnapshot(older.ToJsonString());

        Assert.That(fixedToken.PublicToken, Is.EqualTo(global::Stytch.Fake.Products.Frontend.PublicTokens.For(fixedToken.ProjectId)));
    }

    [Test]
    public void ImportSnapshot_MalformedPublicToken_IsBadRequestAndChangesNothing()
    {
        var snapshot = JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!.AsObject();
        snapshot["public_token"] = "pk_live_123";
        var other = Stytch.CreateProject();
        var before = other.PublicToken;

        var refused = Assert.Throws<StytchException>(() => other.ImportSnapshot(snapshot.ToJsonString()));

        Assert.That(refused!.Error.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(other.PublicToken, Is.EqualTo(before));
    }

    [Test]
    public async Task SnapshotBackDoor_OriginsExportedAndImported_AllowThatOriginOnTheOtherProject()
    {
        Stytch.DefaultProject.Origins.Set(["https://app.example.com"], allowLoopback: false);
        var other = Stytch.CreateProject();
        var exported = await Client.GetAsync($"/_fake/v1/projects/{Stytch.ProjectId}/snapshot");

        var imported = await Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{other.ProjectId}/snapshot", exported.Text);

        Assert.That(imported.Status, Is.EqualTo(200), imported.Text);
        Assert.That(exported.Json["allowed_origins"]![0]!.GetValue<string>(), Is.EqualTo("https://app.example.com"));
        Assert.That(other.Origins.All, Is.EqualTo(new[] { "https://app.example.com" }));
        Assert.That(other.Origins.AllowLoopback, Is.False);
    }

    [Test]
    public void ImportSnapshot_FileWithoutOrigins_KeepsTheProjectsOrigins()
    {
        var other = Stytch.CreateProject(new StytchProjectOptions { AllowedOrigins = ["https://keep.example.com"] });
        var older = JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!.AsObject();
        older.Remove("allowed_origins");
        older.Remove("allow_loopback_origins");

        other.ImportSnapshot(older.ToJsonString());

        Assert.That(other.Origins.All, Is.EqualTo(new[] { "https://keep.example.com" }));
        Assert.That(other.Origins.AllowLoopback, Is.True);
    }

    [Test]
    public void ImportSnapshot_NotAnOrigin_IsBadRequestAndChangesNothing()
    {
        var snapshot = JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!.AsObject();
        snapshot["allowed_origins"] = new JsonArray("https://app.example.com/login");
        snapshot["public_token"] = "public-token-test-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        var other = Stytch.CreateProject();
        var before = other.PublicToken;

        var refused = Assert.Throws<StytchException>(() => other.ImportSnapshot(snapshot.ToJsonString()));

        Assert.That(refused!.Error.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(other.Origins.All, Is.Empty);
        Assert.That(other.PublicToken, Is.EqualTo(before));
    }
}
