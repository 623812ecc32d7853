// The README's B2B MFA example, compiled and run as it stands. ReadmeTests checks the two stay identical.
#pragma warning disable CA1050 // The README shows the class without a namespace, as a user would paste it.
// README:mfa:begin
using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Stytch.Fake;
using Stytch.Fake.NUnit;

public class MemberMfaLoginTests : StytchFakeTest
{
    [Test]
    public async Task EmailOtpThenSms_OrganizationRequiringMfa_EndsInAMemberSession()
    {
        var acme = Stytch.Seed.Organization(o => o.Slug("acme").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" }))
                               .WithSmsMfaMember("ada@acme.io", "+14155550123");
        var ada = acme.MemberFor("ada@acme.io").MemberId;
        using var http = Stytch.CreateClient();
        await http.PostAsJsonAsync("v1/b2b/otps/email/login_or_signup", new { organization_id = "acme", email_address = "ada@acme.io" });
        var primary = await (await http.PostAsJsonAsync("v1/b2b/otps/email/authenticate", new
        {
            organization_id = "acme", email_address = "ada@acme.io", code = Stytch.Outbox.LatestFor("ada@acme.io").Code,
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(primary.GetProperty("member_authenticated").GetBoolean(), Is.False);   // an SMS code went out
        var sms = Stytch.Outbox.All.Last(m => m.Channel == DeliveryChannel.Sms);              // kind Mfa, to +14155550123

        var done = await (await http.PostAsJsonAsync("v1/b2b/otps/sms/authenticate", new
        {
            organization_id = "acme", member_id = ada, code = sms.Code,
            intermediate_session_token = primary.GetProperty("intermediate_session_token").GetString(),
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(done.GetProperty("session_token").GetString(), Is.Not.Empty);
    }
}
// README:mfa:end
