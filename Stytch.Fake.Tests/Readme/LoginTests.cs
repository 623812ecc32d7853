// The README's quick start, compiled and run as it stands. ReadmeTests checks the two stay identical.
#pragma warning disable CA1050 // The README shows the class without a namespace, as a user would paste it.
// README:quick-start:begin
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Stytch.Fake.NUnit;

public class LoginTests : StytchFakeTest
{
    [Test]
    public async Task EmailOtp_RightCode_LogsIn()
    {
        using var http = Stytch.CreateClient();
        var sent = await http.PostAsJsonAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var emailId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email_id").GetString();
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;   // the code Stytch "sent"
        var auth = await http.PostAsJsonAsync("v1/otps/authenticate", new { method_id = emailId, code });
        Assert.That(auth.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
// README:quick-start:end
