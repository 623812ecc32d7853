using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>The users calls of the Node SDK (users.mjs): create, update, get by external id, search, searchAll and the deletes.</summary>
public sealed partial class NodeSdkTests
{
    private ScriptRun _users = ScriptRun.NotRun;

    [OneTimeSetUp]
    public async Task RunUsersSdkAsync() => _users = await RunScriptAsync("users.mjs");

    [Test]
    public void UsersCreate_EmailPhoneNameMetadataAndExternalId_ReturnsThemOnTheUser()
    {
        var value = Ok(_users, "users_create");
        var user = value["user"]!;

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["email_id"]!.GetValue<string>(), Does.Match(Wire.WireShapes.EmailId()));
            Assert.That(value["phone_id"]!.GetValue<string>(), Does.StartWith("phone-number-test-"));
            Assert.That(value["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(user["phone_numbers"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "+14155550123" }));
            Assert.That(user["name"]!["first_name"]!.GetValue<string>(), Is.EqualTo("Ada"));
            Assert.That(user["trusted_metadata"]!["plan"]!.GetValue<string>(), Is.EqualTo("free"));
            Assert.That(user["external_id"]!.GetValue<string>(), Does.StartWith("crm-"));
            Assert.That(user["password"], Is.Null);
        });
    }

    [Test]
    public void UsersCreate_TakenPhone_ThrowsStytchErrorDuplicatePhoneNumber()
    {
        AssertStytchError(_users, "users_create_duplicate_phone", 400, "duplicate_phone_number");
    }

    [Test]
    public void UsersUpdate_NameMetadataAndRoles_MergesAndReplaces()
    {
        var value = Ok(_users, "users_update");
        var user = value["user"]!;

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That((value["emails"]!.GetValue<int>(), value["phone_numbers"]!.GetValue<int>()), Is.EqualTo((1, 1)));
            Assert.That(JsonNode.DeepEquals(user["name"], JsonNode.Parse("""{"first_name":"Ada","middle_name":"","last_name":"Lovelace"}""")), Is.True, user["name"]!.ToJsonString());
            Assert.That(JsonNode.DeepEquals(user["trusted_metadata"], JsonNode.Parse("""{"plan":"pro"}""")), Is.True, user["trusted_metadata"]!.ToJsonString());
            Assert.That(user["untrusted_metadata"]!["theme"]!.GetValue<string>(), Is.EqualTo("light"));
            Assert.That(user["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "editor" }));
        });
    }

    [Test]
    public void UsersGet_ExternalId_ReturnsTheUser()
    {
        Assert.That(Ok(_users, "users_get_by_external_id")["user_id"]!.GetValue<string>(), Is.EqualTo(Ok(_users, "users_create")["user"]!["user_id"]!.GetValue<string>()));
    }

    [Test]
    public void UsersSearch_StatusFilterWithLimitAndCursor_PagesThroughThePendingUsers()
    {
        var value = Ok(_users, "users_search_pending");

        Assert.Multiple(() =>
        {
            Assert.That(value["total"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(value["first"]!.AsArray().Single()!.GetValue<string>(), Does.StartWith("node-sdk-more-1-"));
            Assert.That(value["second"]!.AsArray().Single()!.GetValue<string>(), Does.StartWith("node-sdk-more-2-"));
            Assert.That(value["next_cursor_after_second"], Is.Null);
        });
    }

    [Test]
    public void UsersSearch_OrOfPhoneAndName_FindsThePhonesUser()
    {
        var value = Ok(_users, "users_search_phone");

        Assert.That(value["user_ids"]!.AsArray().Select(u => u!.GetValue<string>()), Is.EqualTo(new[] { Ok(_users, "users_create")["user"]!["user_id"]!.GetValue<string>() }));
    }

    [Test]
    public void UsersSearchAll_LimitTwo_IteratesEveryPage()
    {
        Assert.That(Ok(_users, "users_search_all")["pages"]!.AsArray().Select(p => p!.GetValue<int>()), Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public void UsersDeletePhoneNumberAndExternalId_TakeThemOffTheUser()
    {
        Assert.That(Ok(_users, "users_delete_phone_number")["phone_numbers"]!.GetValue<int>(), Is.Zero);
        Assert.That(Ok(_users, "users_delete_external_id")["external_id"]!.GetValue<string>(), Is.Empty);
    }

    [Test]
    public void UsersCalls_RequestLog_ShowsNoIgnoredFields()
    {
        Assert.That(Ok(_users, "request_log")["ignored"]!.AsArray(), Is.Empty);
    }
}
