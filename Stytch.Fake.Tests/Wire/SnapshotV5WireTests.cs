using System.Text.Json.Nodes;
using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake.Tests.Wire;

/// <summary>Snapshot version 5: consumer users with Stytch's whole User object round-trip; a version-4 file still loads.</summary>
public sealed class SnapshotV5WireTests : FakeWireTest
{
    private const string Phone = "+14155550123";

    private string SnapshotPath => $"/_fake/v1/projects/{Stytch.ProjectId}/snapshot";

    [Test]
    public async Task Snapshot_UserWithPhoneNameMetadataExternalIdAndPassword_RoundTrips()
    {
        var userId = ArrangeFullUser();
        var before = Stytch.Users.Get(userId);
        var snapshot = (await Client.GetAsync(SnapshotPath)).Text;
        Stytch.Reset();

        var loaded = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot);

        Assert.That(loaded.Status, Is.EqualTo(200), loaded.Text);
        Assert.That(Stytch.Users.Get(userId), Is.EqualTo(before));
        Assert.That(Stytch.Users.Get("crm-42").UserId, Is.EqualTo(userId));
    }

    [Test]
    public async Task PutSnapshot_Version4File_LoadsEachUserWithItsOneEmail()
    {
        var ada = Stytch.Users.Create("ada@example.com");
        var v4 = SnapshotLayouts.AsVersion4(JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject());
        v4["version"] = 4;
        Stytch.Reset();

        var loaded = await Client.SendAsync(HttpMethod.Put, SnapshotPath, v4.ToJsonString());

        Assert.That(loaded.Status, Is.EqualTo(200), loaded.Text);
        var user = Stytch.Users.Get(ada.UserId);
        Assert.That(user.Emails, Is.EqualTo(new[] { new StytchUserEmail(ada.EmailId, "ada@example.com", false) }));
        Assert.That((user.PhoneNumbers.Count, user.ExternalId, user.TrustedMetadata, user.UpdatedAt), Is.EqualTo((0, "", "{}", ada.CreatedAt)));
    }

    [Test]
    public async Task PutSnapshot_TwoUsersWithOneNumber_Is400AndChangesNothing()
    {
        var userId = ArrangeFullUser();
        var other = Stytch.Users.Create("bob@example.com");
        var snapshot = JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject();
        var users = snapshot["users"]!.AsArray();
        users.Single(u => Str(u!["user_id"]) == other.UserId)!["phone_numbers"] = users.Single(u => Str(u!["user_id"]) == userId)!["phone_numbers"]!.DeepClone();
        var before = Stytch.DefaultProject.ExportSnapshot();

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Is.EqualTo(before));
    }

    private static string Str(JsonNode? node) => node!.GetValue<string>();

    // Every field a user holds, set in the engine (the endpoints that set them come with the users product).
    private string ArrangeFullUser()
    {
        var project = Stytch.DefaultProject;
        var users = project.ConsumerProducts.Users;
        var created = users.Create("ada@example.com", pending: false);
        project.Store.Transact(() =>
        {
            var user = users.Require(created.UserId);
            users.AddPhone(user, Phone, project.Store.Clock.Now);
            users.AddEmail(user, "ada@work.example", project.Store.Clock.Now);
            user.VerifyEmail(created.EmailId);
            user.Name = new StytchUserName("Ada", "", "Lovelace");
            user.TrustedMetadata = """{"plan":"pro","seats":3}""";
            user.UntrustedMetadata = """{"theme":"dark"}""";
            project.Store.Part<UserTable>().SetExternalId(user, "crm-42");
        });

        // A password id comes with its hash: a snapshot whose user names a password it does not hold is refused.
        project.Passwords.SetForUser(created.UserId, Passwords.ConsumerPasswordWireTests.Strong);
        return created.UserId;
    }
}
