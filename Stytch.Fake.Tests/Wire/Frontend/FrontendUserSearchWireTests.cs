namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>
/// <c>POST /sdk/v1/users/search</c>, the pre-built password login's first call: which screen an address leads to.
/// </summary>
public sealed class FrontendUserSearchWireTests : FrontendWireTest
{
    private const string Path = "/sdk/v1/users/search";

    [Test]
    public async Task UsersSearch_UnknownAddress_IsNew()
    {
        var response = await SdkPostAsync(Path, new { email = "nobody@example.com" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["userType"]!.GetValue<string>(), Is.EqualTo("new"));
    }

    [Test]
    public async Task UsersSearch_UserWithAPassword_IsPassword()
    {
        var user = Stytch.Users.Create("ada@example.com");
        Stytch.DefaultProject.Passwords.SetForUser(user.UserId, "correct-horse-battery-staple-42");

        var response = await SdkPostAsync(Path, new { email = "Ada@Example.com" });

        Assert.That(response.Data["userType"]!.GetValue<string>(), Is.EqualTo("password"));
    }

    [Test]
    public async Task UsersSearch_UserWithoutAPassword_IsPasswordless()
    {
        Stytch.Users.Create("ada@example.com");

        var response = await SdkPostAsync(Path, new { email = "ada@example.com", dfp_telemetry_id = "t", captcha_token = "c" });

        Assert.That(response.Data["userType"]!.GetValue<string>(), Is.EqualTo("passwordless"));
    }

    [TestCase("not an email", "invalid_email")]
    [TestCase(null, "bad_request")]
    public async Task UsersSearch_BadEmail_IsStytchsError(string? email, string errorType)
    {
        var response = await SdkPostAsync(Path, new { email });

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo(errorType));
    }
}
