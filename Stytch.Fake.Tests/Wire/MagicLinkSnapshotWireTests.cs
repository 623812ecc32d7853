using System.Text.Json.Nodes;
using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Wire;

/// <summary>Consumer magic-link tokens in snapshots: exported with what they name, and usable (or spent) after an import.</summary>
public sealed class MagicLinkSnapshotWireTests : FakeWireTest
{
    private const string Verifier = "a-verifier-of-forty-three-characters-or-more-1234";

    private static string SnapshotPath(string projectId) => $"/_fake/v1/projects/{projectId}/snapshot";

    private async Task<StytchFakeProject> CopyIntoANewProjectAsync()
    {
        var exported = await Client.GetAsync(SnapshotPath(Stytch.ProjectId));
        var other = Stytch.CreateProject();
        var imported = await Client.SendAsync(HttpMethod.Put, SnapshotPath(other.ProjectId), exported.Text);
        Assert.That(imported.Status, Is.EqualTo(200), imported.Text);
        return other;
    }

    [Test]
    public async Task Snapshot_SentLink_AuthenticatesInTheProjectItWasLoadedInto()
    {
        await Client.PostAsync("/v1/magic_links/email/login_or_create", new { email = "ada@example.com", code_challenge = Pkce.ChallengeOf(Verifier) });
        var token = Stytch.Outbox.LatestFor("ada@example.com").Token;

        var other = await CopyIntoANewProjectAsync();
        using var client = new WireClient(Stytch, other);
        var withoutVerifier = await client.PostAsync("/v1/magic_links/authenticate", new { token });
        var response = await client.PostAsync("/v1/magic_links/authenticate", new { token, code_verifier = Verifier });

        Assert.That(withoutVerifier.ErrorType, Is.EqualTo("pkce_expected_code_verifier"), "the PKCE challenge travels with the token");
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["user_id"], Is.EqualTo(other.Users.All.Single().UserId));
    }

    [Test]
    public async Task Snapshot_UsedLink_StaysUsed()
    {
        await Client.PostAsync("/v1/magic_links/email/login_or_create", new { email = "ada@example.com" });
        var token = Stytch.Outbox.LatestFor("ada@example.com").Token;
        await Client.PostAsync("/v1/magic_links/authenticate", new { token });

        using var client = new WireClient(Stytch, await CopyIntoANewProjectAsync());
        var response = await client.PostAsync("/v1/magic_links/authenticate", new { token });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((401, "unable_to_auth_magic_link")));
    }

    [Test]
    public async Task Snapshot_EmbeddableLink_KeepsItsKindAndExpiry()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        await Client.PostAsync("/v1/magic_links", new { user_id = user.UserId, expiration_minutes = 30 });

        var exported = await Client.GetAsync(SnapshotPath(Stytch.ProjectId));

        var link = exported.Json["magic_links"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(link["user_id"]!.GetValue<string>(), Is.EqualTo(user.UserId));
            Assert.That(link["embedded"]!.GetValue<bool>(), Is.True);
            Assert.That(link["kind"]!.GetValue<string>(), Is.EqualTo("login"));
            Assert.That(link["code_challenge"], Is.Null);
            Assert.That(DateTimeOffset.Parse(link["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Start.AddMinutes(30)));
        });
    }

    [TestCase("user_id", "user-test-00000000-0000-4000-8000-000000000000")]
    [TestCase("kind", "mfa")]
    public async Task PutSnapshot_LinkOfNoUserOrOfAnotherKind_Is400AndChangesNothing(string field, string value)
    {
        await Client.PostAsync("/v1/magic_links/email/login_or_create", new { email = "ada@example.com" });
        var snapshot = JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!;
        snapshot["magic_links"]![0]![field] = value;

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath(Stytch.ProjectId), snapshot.ToJsonString());

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
        Assert.That(Stytch.DefaultProject.Users.All, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PutSnapshot_Version2File_LoadsWithNoMagicLinks()
    {
        await Client.PostAsync("/v1/magic_links/email/login_or_create", new { email = "ada@example.com" });
        var snapshot = SnapshotLayouts.AsVersion4(JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!.AsObject());
        snapshot["version"] = 2;
        snapshot.Remove("m2m_clients");
        snapshot.Remove("magic_links");

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath(Stytch.ProjectId), snapshot.ToJsonString());
        var exported = await Client.GetAsync(SnapshotPath(Stytch.ProjectId));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(exported.Json["magic_links"]!.AsArray(), Is.Empty);
        Assert.That(Stytch.DefaultProject.Users.All, Has.Count.EqualTo(1));
    }
}
