// The README's SMS OTP example, compiled and run as it stands. ReadmeTests checks the two stay identical.
#pragma warning disable CA1050 // The README shows the class without a namespace, as a user would paste it.
// README:sms-login:begin
using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Stytch.Fake.NUnit;

public class SmsLoginTests : StytchFakeTest
{
    [Test]
    public async Task SmsCode_FromTheOutbox_StartsASessionWithAnSmsFactor()
    {
        using var http = Stytch.CreateClient();
        var sent = await http.PostAsJsonAsync("v1/otps/sms/login_or_create", new { phone_number = "+14155550123" });
        var phoneId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone_id").GetString();
        var code = Stytch.Outbox.LatestFor("+14155550123").Code;          // channel Sms, kind Signup
        var auth = await http.PostAsJsonAsync("v1/otps/authenticate", new { method_id = phoneId, code, session_duration_minutes = 60 });
        var factor = (await auth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session").GetProperty("authentication_factors")[0];
        Assert.That(factor.GetProperty("delivery_method").GetString(), Is.EqualTo("sms"));
        Assert.That(factor.GetProperty("phone_number_factor").GetProperty("phone_id").GetString(), Is.EqualTo(phoneId));
    }
}
// README:sms-login:end
