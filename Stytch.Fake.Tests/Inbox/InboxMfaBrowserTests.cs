using System.Net;
using static Microsoft.Playwright.Assertions;

namespace Stytch.Fake.Tests.Inbox;

/// <summary>The SMS code of a B2B MFA login, sent by the login itself, in the web inbox.</summary>
public sealed partial class InboxBrowserTests
{
    [Test]
    public async Task Outbox_B2BMfaLogin_ShowsTheSmsCodeWithItsPhoneKindAndOrganization()
    {
        await OpenAsync();
        Stytch.Seed.Organization(o => o.Slug("acme").Name("Acme Inc").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" }))
            .WithSmsMfaMember("ada@acme.io", "+14155550123");
        Assert.That(await StytchPostAsync("v1/b2b/otps/email/login_or_signup", new { organization_id = "acme", email_address = "ada@acme.io" }), Is.EqualTo(HttpStatusCode.OK));
        var code = Stytch.Outbox.LatestFor("ada@acme.io").Code;
        Assert.That(await StytchPostAsync("v1/b2b/otps/email/authenticate", new { organization_id = "acme", email_address = "ada@acme.io", code }), Is.EqualTo(HttpStatusCode.OK));
        var sms = Stytch.Outbox.All.Single(m => m.Channel == DeliveryChannel.Sms);

        var message = Message("+14155550123");

        await Expect(message.GetByTestId("code")).ToHaveTextAsync(sms.Code);
        await Expect(message).ToContainTextAsync("mfa");
        await Expect(message).ToContainTextAsync("B2B");
        await Expect(message).ToContainTextAsync("Acme Inc (acme)");
    }
}
