namespace Stytch.Fake.Tests.Wire.Users;

/// <summary><c>DELETE /v1/users/emails/{email_id}</c> and <c>/phone_numbers/{phone_id}</c> over loopback HTTP.</summary>
public sealed class UserContactDeleteWireTests : FakeWireTest
{
    private const string Phone = "+14155550123";

    [Test]
    public async Task DeleteEmail_EmailOfAUser_TakesItOffTheUser()
    {
        var created = await Client.PostAsync("/v1/users", new { email = "ada@example.com", phone_number = Phone });

        var response = await Client.DeleteAsync("/v1/users/emails/" + created["email_id"]);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["user_id"], Is.EqualTo(created["user_id"]));
        Assert.That(response.Json["user"]!["emails"]!.AsArray(), Is.Empty);
        Assert.That(Stytch.Users.Get(created["user_id"]!).Emails, Is.Empty);
    }

    [Test]
    public async Task DeleteEmail_Deleted_FreesTheAddressAndItsCode()
    {
        var sent = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        await Client.DeleteAsync("/v1/users/emails/" + sent["email_id"]);
        var authenticate = await AuthenticateAsync(sent["email_id"], code);
        var again = await Client.PostAsync("/v1/users", new { email = "ada@example.com" });

        Assert.That(authenticate.ErrorType, Is.EqualTo("otp_code_not_found"));
        Assert.That(again.Status, Is.EqualTo(200), again.Text);
        Assert.That(again["user_id"], Is.Not.EqualTo(sent["user_id"]));
    }

    [Test]
    public async Task DeleteEmail_UnknownEmailId_Returns404EmailNotFound()
    {
        var response = await Client.DeleteAsync("/v1/users/emails/email-test-00000000-0000-4000-8000-000000000000");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "email_not_found")));
    }

    [Test]
    public async Task DeleteEmail_NotAnEmailId_Returns400InvalidEmailId()
    {
        var response = await Client.DeleteAsync("/v1/users/emails/ada");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "invalid_email_id")));
    }

    [Test]
    public async Task DeletePhoneNumber_PhoneOfAUser_TakesItOffAndFreesTheNumber()
    {
        var created = await Client.PostAsync("/v1/users", new { email = "ada@example.com", phone_number = Phone });

        var response = await Client.DeleteAsync("/v1/users/phone_numbers/" + created["phone_id"]);
        var reused = await Client.PostAsync("/v1/users", new { phone_number = Phone });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["user"]!["phone_numbers"]!.AsArray(), Is.Empty);
        Assert.That(reused.Status, Is.EqualTo(200), reused.Text);
    }

    [Test]
    public async Task DeletePhoneNumber_UnknownPhoneId_Returns404PhoneNumberNotFound()
    {
        var response = await Client.DeleteAsync("/v1/users/phone_numbers/phone-number-test-00000000-0000-4000-8000-000000000000");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "phone_number_not_found")));
    }
}
