namespace Stytch.Fake.Tests.Wire;

public sealed class SnapshotWireTests : FakeWireTest
{
    private static string SnapshotPath(string projectId) => $"/_fake/v1/projects/{projectId}/snapshot";

    [Test]
    public async Task GetThenPutSnapshot_OtherProject_CarriesUsersCodesSessionsAndOutbox()
    {
        var sent = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;
        await LoginOrCreateAsync("bob@example.com");
        var bob = Stytch.DefaultProject.Users.All.Single(u => u.Email == "bob@example.com");
        var minted = Stytch.DefaultProject.Sessions.Mint(bob.UserId);

        var exported = await Client.GetAsync(SnapshotPath(Stytch.ProjectId));
        var other = Stytch.CreateProject();
        var imported = await Client.SendAsync(HttpMethod.Put, SnapshotPath(other.ProjectId), exported.Text);
        using var otherClient = new WireClient(Stytch, other);
        var auth = await otherClient.PostAsync("/v1/otps/authenticate", new { method_id = sent["email_id"], code });
        var session = await otherClient.PostAsync("/v1/sessions/authenticate", new { session_token = minted.SessionToken });
        var jwksA = await Client.GetAsync($"/v1/sessions/jwks/{Stytch.ProjectId}");
        var jwksB = await otherClient.GetAsync($"/v1/sessions/jwks/{other.ProjectId}");

        Assert.Multiple(() =>
        {
            Assert.That(exported.Status, Is.EqualTo(200));
            Assert.That(imported.Status, Is.EqualTo(200), imported.Text);
            Assert.That(other.Users.All.Select(u => u.Email), Is.EquivalentTo(new[] { "ada@example.com", "bob@example.com" }));
            Assert.That(other.Outbox.All, Has.Count.EqualTo(2));
            Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
            Assert.That(session.Status, Is.EqualTo(200), session.Text);
            // The signing keys travel with the snapshot (a JWT still names its own project as issuer).
            Assert.That(jwksB.Json["keys"]![0]!["kid"]!.GetValue<string>(), Is.EqualTo(jwksA.Json["keys"]![0]!["kid"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task PutSnapshot_SetsTheClockToTheSnapshotTime()
    {
        var snapshot = Stytch.DefaultProject.ExportSnapshot();
        var other = Stytch.CreateProject();

        await Client.SendAsync(HttpMethod.Put, SnapshotPath(other.ProjectId), snapshot);

        Assert.That(other.Clock.Now, Is.EqualTo(Stytch.Clock.Now).Within(TimeSpan.FromSeconds(5)));
    }

    [TestCase("not json")]
    [TestCase("""{"version":5,"project_id":"x","state":null,"signing_keys":[]}""")]
    [TestCase("""[]""")]
    public async Task PutSnapshot_Malformed_Is400AndChangesNothing(string body)
    {
        await LoginOrCreateAsync("ada@example.com");

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath(Stytch.ProjectId), body);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400));
            Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
            Assert.That(Stytch.DefaultProject.Users.All, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task PutSnapshot_DuplicateUsers_Is400AndChangesNothing()
    {
        await LoginOrCreateAsync("ada@example.com");
        var snapshot = System.Text.Json.Nodes.JsonNode.Parse(Stytch.DefaultProject.ExportSnapshot())!;
        var users = snapshot["users"]!.AsArray();
        users.Add(users[0]!.DeepClone());

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath(Stytch.ProjectId), snapshot.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Text);
            Assert.That(Stytch.DefaultProject.Users.All, Has.Count.EqualTo(1));
        });
    }
}
