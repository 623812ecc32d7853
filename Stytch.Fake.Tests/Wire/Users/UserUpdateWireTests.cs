using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Users;

/// <summary><c>PUT /v1/users/{user_id}</c> and <c>DELETE /v1/users/{user_id}/external_id</c> over loopback HTTP.</summary>
public sealed class UserUpdateWireTests : FakeWireTest
{
    private async Task<string> CreateAsync(object body) => (await Client.PostAsync("/v1/users", body))["user_id"]!;

    private Task<WireResult> PutAsync(string userId, string body) => Client.SendAsync(HttpMethod.Put, "/v1/users/" + userId, body);

    [Test]
    public async Task Update_Metadata_MergesAtTheTopLevelAndNullDeletesAKey()
    {
        var userId = await CreateAsync(new { email = "ada@example.com", trusted_metadata = new { plan = "free", seats = 1, prefs = new { a = 1 } } });

        var response = await PutAsync(userId, """{"trusted_metadata":{"plan":"pro","seats":null,"prefs":{"b":2},"tier":"gold"}}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(JsonNode.DeepEquals(response.Json["user"]!["trusted_metadata"], JsonNode.Parse("""{"plan":"pro","prefs":{"b":2},"tier":"gold"}""")), Is.True,
            response.Json["user"]!["trusted_metadata"]!.ToJsonString());
    }

    [Test]
    public async Task Update_OnlyUntrustedMetadata_LeavesTrustedMetadataAsTheyWere()
    {
        var userId = await CreateAsync(new { email = "ada@example.com", trusted_metadata = new { plan = "free" } });

        await PutAsync(userId, """{"untrusted_metadata":{"theme":"dark"}}""");

        Assert.That(Stytch.Users.Get(userId).TrustedMetadata, Is.EqualTo("""{"plan":"free"}"""));
        Assert.That(Stytch.Users.Get(userId).UntrustedMetadata, Is.EqualTo("""{"theme":"dark"}"""));
    }

    [Test]
    public async Task Update_NamePart_KeepsTheOtherParts()
    {
        var userId = await CreateAsync(new { email = "ada@example.com", name = new { first_name = "Ada", last_name = "Byron" } });

        await PutAsync(userId, """{"name":{"last_name":"Lovelace"}}""");

        Assert.That(Stytch.Users.Get(userId).Name, Is.EqualTo(new StytchUserName("Ada", "", "Lovelace")));
    }

    [Test]
    public async Task Update_Response_CarriesTheUsersEmailsPhonesAndWallets()
    {
        var userId = await CreateAsync(new { email = "ada@example.com", phone_number = "+14155550123" });

        var response = await PutAsync(userId, """{"name":{"first_name":"Ada"}}""");

        Assert.That(response["user_id"], Is.EqualTo(userId));
        Assert.That(response.Json["emails"]![0]!["email"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
        Assert.That(response.Json["phone_numbers"]![0]!["phone_number"]!.GetValue<string>(), Is.EqualTo("+14155550123"));
        Assert.That(response.Json["crypto_wallets"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Update_Roles_ReplaceTheEarlierOnesAndReachTheNextSession()
    {
        var userId = await CreateAsync(new { email = "ada@example.com", roles = new[] { "viewer" } });

        await PutAsync(userId, """{"roles":["editor"]}""");
        var session = Stytch.DefaultProject.Sessions.Mint(userId);

        Assert.That(Stytch.Users.Get(userId).Roles, Is.EqualTo(new[] { "editor" }));
        Assert.That(session.Session.Roles, Is.EqualTo(new[] { "stytch_user", "editor" }));
    }

    [Test]
    public async Task Update_ByExternalId_UpdatesThatUser()
    {
        var userId = await CreateAsync(new { email = "ada@example.com", external_id = "crm-42" });

        var response = await PutAsync("crm-42", """{"untrusted_metadata":{"theme":"dark"}}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["user_id"], Is.EqualTo(userId));
    }

    [Test]
    public async Task Update_ExternalIdOfAnotherUser_Returns400DuplicateUserExternalIdAndChangesNothing()
    {
        await CreateAsync(new { email = "ada@example.com", external_id = "crm-42" });
        var bob = await CreateAsync(new { email = "bob@example.com" });

        var response = await PutAsync(bob, """{"external_id":"crm-42","untrusted_metadata":{"theme":"dark"}}""");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "duplicate_user_external_id")));
        Assert.That((Stytch.Users.Get(bob).ExternalId, Stytch.Users.Get(bob).UntrustedMetadata), Is.EqualTo(("", "{}")));
    }

    [Test]
    public async Task Update_UnknownUser_Returns404UserNotFound()
    {
        var response = await PutAsync("user-test-00000000-0000-4000-8000-000000000000", """{"name":{"first_name":"Ada"}}""");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "user_not_found")));
    }

    [Test]
    public async Task Update_MetadataMergedPastTwentyKeys_Returns400MetadataTooManyKeysAndChangesNothing()
    {
        var first = string.Join(",", Enumerable.Range(0, 15).Select(i => $"\"a{i}\":{i}"));
        var more = string.Join(",", Enumerable.Range(0, 6).Select(i => $"\"b{i}\":{i}"));
        var userId = (await Client.PostRawAsync("/v1/users", "{\"email\":\"ada@example.com\",\"trusted_metadata\":{" + first + "}}"))["user_id"]!;
        var before = Stytch.Users.Get(userId);

        var response = await PutAsync(userId, "{\"trusted_metadata\":{" + more + "},\"name\":{\"first_name\":\"Ada\"}}");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "metadata_too_many_keys")));
        Assert.That(Stytch.Users.Get(userId), Is.EqualTo(before));
    }

    [Test]
    public async Task DeleteExternalId_UserWithOne_ClearsItAndFreesIt()
    {
        var userId = await CreateAsync(new { email = "ada@example.com", external_id = "crm-42" });

        var response = await Client.DeleteAsync($"/v1/users/{userId}/external_id");
        var reused = await Client.PostAsync("/v1/users", new { email = "bob@example.com", external_id = "crm-42" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["user"]!["external_id"]!.GetValue<string>(), Is.Empty);
        Assert.That(reused.Status, Is.EqualTo(200), reused.Text);
    }

    [Test]
    public async Task Get_ByExternalId_ReturnsTheUser()
    {
        var userId = await CreateAsync(new { email = "ada@example.com", external_id = "crm-42" });

        var response = await Client.GetAsync("/v1/users/crm-42");

        Assert.That(response["user_id"], Is.EqualTo(userId));
    }

    [Test]
    public async Task Delete_ByExternalId_DeletesTheUser()
    {
        await CreateAsync(new { email = "ada@example.com", external_id = "crm-42" });

        var response = await Client.DeleteAsync("/v1/users/crm-42");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.Users.All, Is.Empty);
    }
}
