// The README's B2B magic link example, compiled and run as it stands. ReadmeTests checks the two stay identical.
#pragma warning disable CA1050 // The README shows the class without a namespace, as a user would paste it.
// README:b2b-magic-link:begin
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;
using Stytch.Fake.NUnit;

public class MemberLinkLoginTests : StytchFakeTest
{
    [Test]
    public async Task MagicLink_NewMemberOfAJitOrganization_LogsIn()
    {
        using var http = Stytch.CreateClient();
        await http.PostAsJsonAsync("v1/b2b/organizations", new
        {
            organization_name = "Acme", organization_slug = "acme",
            email_jit_provisioning = "RESTRICTED", email_allowed_domains = new[] { "acme.io" },
        });
        await http.PostAsJsonAsync("v1/b2b/magic_links/email/login_or_signup", new { organization_id = "acme", email_address = "ada@acme.io" });
        var message = Stytch.Outbox.LatestFor("ada@acme.io");   // message.Link: the URL the email carries
        var auth = await http.PostAsJsonAsync("v1/b2b/magic_links/authenticate", new { magic_links_token = message.Token });
        var body = await auth.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(auth.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("member").GetProperty("status").GetString(), Is.EqualTo("active"));
    }
}
// README:b2b-magic-link:end
