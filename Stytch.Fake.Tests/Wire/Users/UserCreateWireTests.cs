using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Users;

/// <summary><c>POST /v1/users</c> over loopback HTTP.</summary>
public sealed class UserCreateWireTests : FakeWireTest
{
    private const string Phone = "+14155550123";

    [Test]
    public async Task Create_EmailAndPhone_ReturnsTheUserWithBothAndTheirIds()
    {
        var response = await Client.PostAsync("/v1/users", new { email = "Ada@Example.com", phone_number = Phone });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var user = response.Json["user"]!;
        Assert.That(response["email_id"], Does.Match(WireShapes.EmailId()));
        Assert.That(response["phone_id"], Does.StartWith("phone-number-test-"));
        Assert.That(user["emails"]![0]!["email"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
        Assert.That(user["emails"]![0]!["email_id"]!.GetValue<string>(), Is.EqualTo(response["email_id"]));
        Assert.That(user["phone_numbers"]![0]!["phone_id"]!.GetValue<string>(), Is.EqualTo(response["phone_id"]));
        Assert.That(user["phone_numbers"]![0]!["phone_number"]!.GetValue<string>(), Is.EqualTo(Phone));
        Assert.That((response["status"], response["user_id"]), Is.EqualTo(("active", user["user_id"]!.GetValue<string>())));
    }

    [Test]
    public async Task Create_PhoneOnly_ReturnsAnEmptyEmailIdAndNoEmails()
    {
        var response = await Client.PostAsync("/v1/users", new { phone_number = Phone });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["email_id"], Is.Empty);
        Assert.That(response.Json["user"]!["emails"]!.AsArray(), Is.Empty);
        Assert.That(Stytch.Users.Get(response["user_id"]!).PhoneNumbers.Single().PhoneNumber, Is.EqualTo(Phone));
    }

    [Test]
    public async Task Create_NameMetadataExternalIdAndRoles_AreOnTheUser()
    {
        var response = await Client.PostAsync("/v1/users", new
        {
            email = "ada@example.com",
            name = new { first_name = "Ada", last_name = "Lovelace" },
            trusted_metadata = new { plan = "pro", seats = 3 },
            untrusted_metadata = new { theme = "dark" },
            external_id = "crm-42",
            roles = new[] { "editor" },
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var user = response.Json["user"]!;
        Assert.That(JsonNode.DeepEquals(user["name"], JsonNode.Parse("""{"first_name":"Ada","middle_name":"","last_name":"Lovelace"}""")), Is.True, user["name"]!.ToJsonString());
        Assert.That(JsonNode.DeepEquals(user["trusted_metadata"], JsonNode.Parse("""{"plan":"pro","seats":3}""")), Is.True);
        Assert.That(JsonNode.DeepEquals(user["untrusted_metadata"], JsonNode.Parse("""{"theme":"dark"}""")), Is.True);
        Assert.That(user["external_id"]!.GetValue<string>(), Is.EqualTo("crm-42"));
        Assert.That(user["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "editor" }));
    }

    [Test]
    public async Task Create_AsPending_IsPending()
    {
        var response = await Client.PostAsync("/v1/users", new { email = "ada@example.com", create_user_as_pending = true });

        Assert.That((response["status"], response.Json["user"]!["status"]!.GetValue<string>()), Is.EqualTo(("pending", "pending")));
    }

    [Test]
    public async Task Create_NeitherEmailNorPhone_Returns400BadRequest()
    {
        var response = await Client.PostAsync("/v1/users", new { name = new { first_name = "Ada" } });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
        Assert.That(Stytch.Users.All, Is.Empty);
    }

    [Test]
    public async Task Create_TakenEmail_Returns400DuplicateEmailAndMakesNoUser()
    {
        Stytch.Users.Create("ada@example.com");

        var response = await Client.PostAsync("/v1/users", new { email = "ada@example.com", phone_number = Phone });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "duplicate_email")));
        Assert.That(Stytch.Users.All, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Create_TakenPhone_Returns400DuplicatePhoneNumber()
    {
        await Client.PostAsync("/v1/users", new { phone_number = Phone });

        var response = await Client.PostAsync("/v1/users", new { email = "bob@example.com", phone_number = Phone });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "duplicate_phone_number")));
        Assert.That(Stytch.Users.All, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Create_TakenExternalId_Returns400DuplicateUserExternalId()
    {
        await Client.PostAsync("/v1/users", new { email = "ada@example.com", external_id = "crm-42" });

        var response = await Client.PostAsync("/v1/users", new { email = "bob@example.com", external_id = "crm-42" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "duplicate_user_external_id")));
        Assert.That(Stytch.Users.All, Has.Count.EqualTo(1));
    }

    [TestCase("+15555550100")]
    [TestCase("4155550123")]
    public async Task Create_PhoneNotARealE164Number_Returns400InvalidPhoneNumber(string phone)
    {
        var response = await Client.PostAsync("/v1/users", new { phone_number = phone });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "invalid_phone_number")));
    }

    [Test]
    public async Task Create_MalformedEmail_Returns400InvalidEmail()
    {
        var response = await Client.PostAsync("/v1/users", new { email = "not an email" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "invalid_email")));
    }

    [TestCase("a b")]
    [TestCase("crm/42")]
    public async Task Create_MalformedExternalId_Returns400BadRequest(string externalId)
    {
        var response = await Client.PostAsync("/v1/users", new { email = "ada@example.com", external_id = externalId });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
        Assert.That(Stytch.Users.All, Is.Empty);
    }

    [TestCase("""{"email":"ada@example.com","trusted_metadata":"x"}""")]
    [TestCase("""{"email":"ada@example.com","name":"Ada"}""")]
    [TestCase("""{"email":"ada@example.com","name":{"first_name":5}}""")]
    [TestCase("""{"email":"ada@example.com","roles":"admin"}""")]
    public async Task Create_FieldOfTheWrongType_Returns400BadRequest(string body)
    {
        var response = await Client.PostRawAsync("/v1/users", body);

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
    }

    [Test]
    public async Task Create_MetadataWithMoreThanTwentyKeys_Returns400MetadataTooManyKeys()
    {
        var metadata = string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"k{i}\":{i}"));

        var response = await Client.PostRawAsync("/v1/users", "{\"email\":\"ada@example.com\",\"trusted_metadata\":{" + metadata + "}}");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "metadata_too_many_keys")));
        Assert.That(Stytch.Users.All, Is.Empty);
    }

    [Test]
    public async Task Create_MetadataOverFourKilobytes_Returns400MetadataTooLarge()
    {
        var response = await Client.PostAsync("/v1/users", new { email = "ada@example.com", untrusted_metadata = new { note = new string('x', 4100) } });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "metadata_too_large")));
    }
}
