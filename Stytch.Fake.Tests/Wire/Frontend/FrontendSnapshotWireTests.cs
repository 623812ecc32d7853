using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>The public token in snapshots: exported, taken on import, and derived for a file without one.</summary>
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
}
