namespace Stytch.Fake.Tests.Wire;

public sealed class SmokeTests
{
    [Test]
    public async Task LoginOrCreate_NewEmail_CreatesUserAndCapturesCode()
    {
        await using var stytch = await StytchFake.StartAsync();
        using var client = new WireClient(stytch);

        var response = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        Console.WriteLine(response.Text);
        Assert.That(response.Status, Is.EqualTo(200));
        var code = stytch.Outbox.LatestFor("ada@example.com").Code;
        var auth = await client.PostAsync("/v1/otps/authenticate", new { method_id = response["email_id"], code, session_duration_minutes = 60 });
        Console.WriteLine(auth.Text);
        Assert.That(auth.Status, Is.EqualTo(200));
    }
}
