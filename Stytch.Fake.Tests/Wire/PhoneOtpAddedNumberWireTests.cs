namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// A number a send adds to an existing user stays only if a code for it is authenticated within five minutes, as Stytch
/// documents for <c>otps/sms/send</c> and <c>otps/whatsapp/send</c>; over loopback HTTP on the project clock.
/// </summary>
public sealed class PhoneOtpAddedNumberWireTests : FakeWireTest
{
    private const string Phone = "+14155550123";

    [Test]
    public async Task AddedNumber_NotVerifiedWithinFiveMinutes_IsGoneFromTheUser()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        await Client.PostAsync("/v1/otps/sms/send", new { phone_number = Phone, user_id = user.UserId });
        Time.Advance(TimeSpan.FromMinutes(5));

        var read = await Client.GetAsync($"/v1/users/{user.UserId}");

        Assert.That(read.Json["phone_numbers"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task AddedNumber_JustBeforeFiveMinutes_IsStillOnTheUser()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        await Client.PostAsync("/v1/otps/sms/send", new { phone_number = Phone, user_id = user.UserId });
        Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));

        var read = await Client.GetAsync($"/v1/users/{user.UserId}");

        Assert.That(read.Json["phone_numbers"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AddedNumber_Gone_NextLoginOrCreateMakesANewUser()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        await Client.PostAsync("/v1/otps/whatsapp/send", new { phone_number = Phone, user_id = user.UserId, expiration_minutes = 10 });
        Time.Advance(TimeSpan.FromMinutes(6));

        var login = await Client.PostAsync("/v1/otps/sms/login_or_create", new { phone_number = Phone });

        Assert.That(login.Json["user_created"]!.GetValue<bool>(), Is.True);
        Assert.That(login["user_id"], Is.Not.EqualTo(user.UserId));
    }

    [Test]
    public async Task AddedNumber_Gone_ItsCodeNoLongerAuthenticates()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        var sent = await Client.PostAsync("/v1/otps/sms/send", new { phone_number = Phone, user_id = user.UserId, expiration_minutes = 10 });
        var code = Stytch.Outbox.LatestFor(Phone).Code;
        Time.Advance(TimeSpan.FromMinutes(6));

        var auth = await AuthenticateAsync(sent["phone_id"], code);

        Assert.That((auth.Status, auth["error_type"]), Is.EqualTo((404, "otp_code_not_found")));
    }

    [Test]
    public async Task AddedNumber_VerifiedWithinFiveMinutes_StaysForGood()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        var sent = await Client.PostAsync("/v1/otps/sms/send", new { phone_number = Phone, user_id = user.UserId });
        await AuthenticateAsync(sent["phone_id"], Stytch.Outbox.LatestFor(Phone).Code);
        Time.Advance(TimeSpan.FromHours(1));

        var read = await Client.GetAsync($"/v1/users/{user.UserId}");

        var phone = read.Json["phone_numbers"]!.AsArray().Single()!;
        Assert.That((phone["phone_number"]!.GetValue<string>(), phone["verified"]!.GetValue<bool>()), Is.EqualTo((Phone, true)));
    }

    [Test]
    public async Task LoginOrCreateNumber_UnverifiedAfterFiveMinutes_StaysOnItsUser()
    {
        var created = await Client.PostAsync("/v1/otps/sms/login_or_create", new { phone_number = Phone });
        Time.Advance(TimeSpan.FromMinutes(30));

        var read = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(read.Json["phone_numbers"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AddedNumber_SnapshotRoundTrip_StillGoesAtItsTime()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        await Client.PostAsync("/v1/otps/sms/send", new { phone_number = Phone, user_id = user.UserId });
        var snapshot = await Client.GetAsync($"/_fake/v1/projects/{Stytch.ProjectId}/snapshot");
        Stytch.DefaultProject.Reset();
        var loaded = await Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{Stytch.ProjectId}/snapshot", snapshot.Text);
        Time.Advance(TimeSpan.FromMinutes(5));

        var read = await Client.GetAsync($"/v1/users/{user.UserId}");

        Assert.That(loaded.Status, Is.EqualTo(200), loaded.Text);
        Assert.That(read.Json["phone_numbers"]!.AsArray(), Is.Empty);
    }
}
