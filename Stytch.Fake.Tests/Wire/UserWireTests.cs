using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary><c>GET</c> and <c>DELETE /v1/users/{user_id}</c> over loopback HTTP.</summary>
public sealed class UserWireTests : FakeWireTest
{
    private static readonly string[] RequiredUserFields =
    [
        "user_id", "emails", "status", "phone_numbers", "webauthn_registrations", "providers", "totps",
        "crypto_wallets", "biometric_registrations", "is_locked", "roles",
    ];

    [Test]
    public async Task GetUser_ExistingUser_ReturnsUserFieldsAtTopLevel()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(user.Status, Is.EqualTo(200));
        Assert.That(WireShapes.Keys(user.Json), Is.SupersetOf(RequiredUserFields.Concat(["request_id", "status_code"])));
        Assert.That(user.Json.ContainsKey("user"), Is.False);
        Assert.That(user["user_id"], Is.EqualTo(created["user_id"]));
        Assert.That(user["request_id"], Does.Match(WireShapes.RequestId()));
        Assert.That(user.Json["status_code"]!.GetValue<int>(), Is.EqualTo(200));
    }

    [Test]
    public async Task GetUser_ExistingUser_ReturnsItsEmail()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        var emails = user.Json["emails"]!.AsArray();
        Assert.That(emails, Has.Count.EqualTo(1));
        Assert.That(WireShapes.Keys(emails[0]!.AsObject()), Is.EqualTo(WireShapes.Sorted("email_id", "email", "verified")));
        Assert.That(emails[0]!["email_id"]!.GetValue<string>(), Is.EqualTo(created["email_id"]));
        Assert.That(emails[0]!["email"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
    }

    [Test]
    public async Task GetUser_ExistingUser_ReturnsEmptyListsAndNotLocked()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        foreach (var list in new[] { "phone_numbers", "webauthn_registrations", "providers", "totps", "crypto_wallets", "biometric_registrations" })
        {
            Assert.That(user.Json[list]!.AsArray(), Is.Empty, list);
        }

        Assert.That(user.Json["is_locked"]!.GetValue<bool>(), Is.False);
        Assert.That(user.Json["roles"], Is.InstanceOf<JsonArray>());
        Assert.That(user["created_at"], Is.EqualTo("2030-01-02T03:04:05Z"));
    }

    [Test]
    public async Task GetUser_UnknownWellFormedId_Returns404UserNotFound()
    {
        var user = await Client.GetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000");

        Assert.That(user.Status, Is.EqualTo(404));
        Assert.That(user.ErrorType, Is.EqualTo("user_not_found"));
        Assert.That(user["error_message"], Is.EqualTo("User could not be found."));
    }

    [TestCase("a%20b")]
    [TestCase("a%22b")]
    [TestCase("%3Cscript%3E")]
    public async Task GetUser_MalformedId_Returns400InvalidUserId(string id)
    {
        var user = await Client.GetAsync($"/v1/users/{id}");

        Assert.That(user.Status, Is.EqualTo(400));
        Assert.That(user.ErrorType, Is.EqualTo("invalid_user_id"));
    }

    [Test]
    public async Task GetUser_TriplyEncodedId_FakeAddsNoDecodingOfItsOwn()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var id = created["user_id"]!;
        // The server decodes "%2525" once, to "%25"; the route takes that as it is, so this names "...%25XX"
        // (not a user id) rather than the user that two more decodings would reach.
        var encoded = $"{id[..^1]}%2525{(int)id[^1]:X2}";

        var user = await Client.GetAsync($"/v1/users/{encoded}");

        Assert.That(user.Status, Is.EqualTo(400));
        Assert.That(user.ErrorType, Is.EqualTo("invalid_user_id"));
    }

    [Test]
    public async Task GetUser_DoublyEncodedId_IsNotTheUser()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var id = created["user_id"]!;
        // Decoded once, "%25XX" is "%XX": only a second decoding would make it the user's id.
        var encoded = $"{id[..^1]}%25{(int)id[^1]:X2}";

        var user = await Client.GetAsync($"/v1/users/{encoded}");

        Assert.That(user.Status, Is.EqualTo(400), user.Text);
        Assert.That(user.ErrorType, Is.EqualTo("invalid_user_id"));
    }

    [Test]
    public async Task GetUser_SandboxUserId_ReturnsTheSandboxUser()
    {
        var user = await Client.GetAsync("/v1/users/user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd");

        Assert.That(user.Status, Is.EqualTo(200));
        Assert.That(user.Json["emails"]![0]!["email"]!.GetValue<string>(), Is.EqualTo("sandbox@stytch.com"));
        Assert.That(user.Json["emails"]![0]!["email_id"]!.GetValue<string>(), Is.EqualTo("email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286"));
    }

    [Test]
    public async Task DeleteUser_ExistingUser_ReturnsItsUserId()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var deleted = await Client.DeleteAsync($"/v1/users/{created["user_id"]}");

        Assert.That(deleted.Status, Is.EqualTo(200));
        Assert.That(deleted["user_id"], Is.EqualTo(created["user_id"]));
        Assert.That(WireShapes.Keys(deleted.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "status_code")));
    }

    [Test]
    public async Task DeleteUser_ThenGet_Returns404UserNotFound()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        await Client.DeleteAsync($"/v1/users/{created["user_id"]}");

        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(user.Status, Is.EqualTo(404));
        Assert.That(user.ErrorType, Is.EqualTo("user_not_found"));
    }

    [Test]
    public async Task DeleteUser_Twice_SecondReturns404UserNotFound()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        await Client.DeleteAsync($"/v1/users/{created["user_id"]}");

        var again = await Client.DeleteAsync($"/v1/users/{created["user_id"]}");

        Assert.That(again.Status, Is.EqualTo(404));
        Assert.That(again.ErrorType, Is.EqualTo("user_not_found"));
    }

    [Test]
    public async Task DeleteUser_PendingCode_NoLongerAuthenticates()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;
        await Client.DeleteAsync($"/v1/users/{created["user_id"]}");

        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(404));
        Assert.That(auth.ErrorType, Is.EqualTo("otp_code_not_found"));
    }

    [Test]
    public async Task DeleteUser_ThenLoginOrCreate_CreatesAFreshUser()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        await Client.DeleteAsync($"/v1/users/{created["user_id"]}");

        var again = await LoginOrCreateAsync("ada@example.com");

        Assert.That(again.Json["user_created"]!.GetValue<bool>(), Is.True);
        Assert.That(again["user_id"], Is.Not.EqualTo(created["user_id"]));
    }

    [Test]
    public async Task DeleteUser_ThenSend_Returns404EmailNotFound()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        await Client.DeleteAsync($"/v1/users/{created["user_id"]}");

        var sent = await Client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });

        Assert.That(sent.Status, Is.EqualTo(404));
        Assert.That(sent.ErrorType, Is.EqualTo("email_not_found"));
    }

    [Test]
    public async Task DeleteUser_MalformedId_Returns400InvalidUserId()
    {
        var deleted = await Client.DeleteAsync("/v1/users/a%20b");

        Assert.That(deleted.Status, Is.EqualTo(400));
        Assert.That(deleted.ErrorType, Is.EqualTo("invalid_user_id"));
    }

    [Test]
    public async Task DeleteUser_OnlyThatUser_OtherUsersRemain()
    {
        var ada = await LoginOrCreateAsync("ada@example.com");
        var bob = await LoginOrCreateAsync("bob@example.com");

        await Client.DeleteAsync($"/v1/users/{ada["user_id"]}");
        var user = await Client.GetAsync($"/v1/users/{bob["user_id"]}");

        Assert.That(user.Status, Is.EqualTo(200));
        Assert.That(Stytch.DefaultProject.Users.All.Select(u => u.UserId), Is.EqualTo(new[] { bob["user_id"] }));
    }
}
