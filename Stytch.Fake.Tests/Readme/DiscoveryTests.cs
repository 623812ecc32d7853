// The README's B2B discovery example, compiled and run as it stands. ReadmeTests checks the two stay identical.
#pragma warning disable CA1050 // The README shows the class without a namespace, as a user would paste it.
// README:discovery:begin
using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Stytch.Fake;
using Stytch.Fake.NUnit;

public class DiscoveryLoginTests : StytchFakeTest
{
    [Test]
    public async Task DiscoveryOtpThenExchange_TwoOrganizations_SwitchesBetweenThem()
    {
        Stytch.Seed.Organization(o => o.Slug("acme")).WithMember("ada@acme.io");
        Stytch.Seed.Organization(o => o.Slug("globex")).WithMember("ada@acme.io");
        using var http = Stytch.CreateClient();
        await http.PostAsJsonAsync("v1/b2b/otps/email/discovery/send", new { email_address = "ada@acme.io" });
        var discovered = await (await http.PostAsJsonAsync("v1/b2b/otps/email/discovery/authenticate", new
        {
            email_address = "ada@acme.io", code = Stytch.Outbox.LatestFor("ada@acme.io").Code,   // kind Discovery
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(discovered.GetProperty("discovered_organizations").GetArrayLength(), Is.EqualTo(2));

        var acme = await (await http.PostAsJsonAsync("v1/b2b/discovery/intermediate_sessions/exchange", new
        {
            intermediate_session_token = discovered.GetProperty("intermediate_session_token").GetString(), organization_id = "acme",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var globex = await (await http.PostAsJsonAsync("v1/b2b/sessions/exchange", new
        {
            organization_id = "globex", session_token = acme.GetProperty("session_token").GetString(),
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(globex.GetProperty("member_authenticated").GetBoolean(), Is.True);
        Assert.That(globex.GetProperty("organization").GetProperty("organization_slug").GetString(), Is.EqualTo("globex"));
    }
}
// README:discovery:end
