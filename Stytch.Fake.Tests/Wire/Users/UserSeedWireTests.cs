namespace Stytch.Fake.Tests.Wire.Users;

/// <summary>Users with phone numbers seeded in process (<c>stytch.Seed.UserWithPhone</c>) and over the seed back door.</summary>
public sealed class UserSeedWireTests : FakeWireTest
{
    private string SeedPath => $"/_fake/v1/projects/{Stytch.ProjectId}/seed";

    [Test]
    public async Task SeedUserWithPhone_NumberAndEmail_IsAUserWithBoth()
    {
        var user = Stytch.Seed.UserWithPhone("+14155550123", "ada@example.com");

        var response = await Client.GetAsync("/v1/users/" + user.UserId);

        Assert.That(response.Json["phone_numbers"]![0]!["phone_number"]!.GetValue<string>(), Is.EqualTo("+14155550123"));
        Assert.That(response.Json["emails"]![0]!["email"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
    }

    [Test]
    public void SeedUserWithPhone_NoNumber_DrawsAValidFreeNumber()
    {
        var first = Stytch.Seed.UserWithPhone();
        var second = Stytch.Seed.UserWithPhone();

        Assert.That(first.PhoneNumbers.Single().PhoneNumber, Does.Match(@"^\+1[0-9]{3}55501[0-9]{2}$"));
        Assert.That(second.PhoneNumbers.Single().PhoneNumber, Is.Not.EqualTo(first.PhoneNumbers.Single().PhoneNumber));
        Assert.That(first.Emails, Is.Empty);
    }

    [Test]
    public async Task SeedBackDoor_UserWithPhoneNumber_CreatesIt()
    {
        var response = await Client.PostRawAsync(SeedPath, """{"users":[{"phone_number":"+14155550123","status":"pending"}]}""");

        Assert.That(response.Status, Is.EqualTo(201), response.Text);
        var user = response.Json["users"]![0]!;
        Assert.That(user["phone_numbers"]![0]!["phone_number"]!.GetValue<string>(), Is.EqualTo("+14155550123"));
        Assert.That(user["status"]!.GetValue<string>(), Is.EqualTo("pending"));
    }

    [Test]
    public async Task SeedBackDoor_UserWithNeitherEmailNorPhone_Returns400AndSeedsNothing()
    {
        var response = await Client.PostRawAsync(SeedPath, """{"users":[{"status":"active"}]}""");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
        Assert.That(Stytch.Users.All, Is.Empty);
    }

    [Test]
    public async Task SeedBackDoor_InvalidPhoneNumber_Returns400InvalidPhoneNumberAndSeedsNothing()
    {
        var response = await Client.PostRawAsync(SeedPath, """{"users":[{"email":"ada@example.com"},{"phone_number":"+15555550100"}]}""");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "invalid_phone_number")), response.Text);
        Assert.That(Stytch.Users.All, Is.Empty);
    }
}
