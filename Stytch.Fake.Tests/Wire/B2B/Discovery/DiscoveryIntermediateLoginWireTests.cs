namespace Stytch.Fake.Tests.Wire.B2B.Discovery;

/// <summary>
/// A discovery intermediate session sent to an organization's email OTP or magic-link authenticate over loopback HTTP:
/// its email factor, proved before any member had the address, names the member's email id once the member logs in.
/// </summary>
public sealed class DiscoveryIntermediateLoginWireTests : DiscoveryWireTest
{
    private const string LinkLoginOrSignupPath = "/v1/b2b/magic_links/email/login_or_signup";
    private const string LinkAuthenticatePath = "/v1/b2b/magic_links/authenticate";
    private const string SmsAuthenticatePath = "/v1/b2b/otps/sms/authenticate";

    private string _emailId = "";

    [SetUp]
    public async Task CreateMember()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io");
        _emailId = Stytch.DefaultProject.B2B.Members.All.Single().EmailId;
    }

    private async Task<WireResult> OtpLoginWithAsync(string ist)
    {
        var sent = await LoginOrSignupAsync("acme", "ada@acme.io");
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return await Client.PostAsync(OtpAuthenticatePath, new
        {
            organization_id = "acme",
            email_address = "ada@acme.io",
            code = Stytch.Outbox.LatestFor("ada@acme.io").Code,
            intermediate_session_token = ist,
        });
    }

    private static string[] EmailIds(WireResult response) =>
        [.. response.Json["member_session"]!["authentication_factors"]!.AsArray().Select(f => Str(f!["email_factor"]!["email_id"]))];

    [Test]
    public async Task OtpAuthenticate_DiscoveryIntermediateSession_OneEmailOtpFactorNamingTheMembersEmailId()
    {
        var ist = await IntermediateSessionAsync("ada@acme.io");

        var response = await OtpLoginWithAsync(ist);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(EmailIds(response), Is.EqualTo(new[] { _emailId }), "the discovery factor and the new one are the same factor");
    }

    [Test]
    public async Task MagicLinkAuthenticate_DiscoveryIntermediateSession_EveryEmailFactorNamesTheMembersEmailId()
    {
        var ist = await IntermediateSessionAsync("ada@acme.io");
        var sent = await Client.PostAsync(LinkLoginOrSignupPath, new { organization_id = "acme", email_address = "ada@acme.io" });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);

        var response = await Client.PostAsync(LinkAuthenticatePath, new { magic_links_token = Stytch.Outbox.LatestFor("ada@acme.io").Token, intermediate_session_token = ist });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var types = response.Json["member_session"]!["authentication_factors"]!.AsArray().Select(f => Str(f!["type"]));
        Assert.That(types, Is.EqualTo(new[] { "otp", "magic_link" }));
        Assert.That(EmailIds(response), Is.EqualTo(new[] { _emailId, _emailId }));
    }

    [Test]
    public async Task OtpAuthenticate_DiscoveryIntermediateSessionThenSms_MemberSessionFactorsNameTheMembersEmailId()
    {
        var mfa = Stytch.Seed.Organization(o => o.Slug("secure").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" })).WithSmsMfaMember("bob@acme.io", "+14155550123");
        var member = mfa.MemberFor("bob@acme.io");
        var ist = await IntermediateSessionAsync("bob@acme.io");
        await Client.PostAsync(LoginOrSignupPath, new { organization_id = "secure", email_address = "bob@acme.io" });
        var primary = await Client.PostAsync(OtpAuthenticatePath, new { organization_id = "secure", email_address = "bob@acme.io", code = Stytch.Outbox.LatestFor("bob@acme.io").Code, intermediate_session_token = ist });
        Assert.That(primary.Json["member_authenticated"]!.GetValue<bool>(), Is.False, primary.Text);

        var response = await Client.PostAsync(SmsAuthenticatePath, new
        {
            organization_id = "secure",
            member_id = member.MemberId,
            code = Stytch.Outbox.All.Last(m => m.Channel == DeliveryChannel.Sms).Code,
            intermediate_session_token = ist,
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var email = response.Json["member_session"]!["authentication_factors"]!.AsArray().Single(f => Str(f!["delivery_method"]) == "email")!;
        Assert.That(Str(email["email_factor"]!["email_id"]), Is.EqualTo(member.EmailId));
    }
}
