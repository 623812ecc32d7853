namespace Stytch.Fake.Tests.Wire.B2B.Mfa;

/// <summary>Deleting a member's MFA phone number and TOTP registration over loopback HTTP.</summary>
public sealed class MfaRemovalWireTests : B2BWireTest
{
    private const string Phone = "+14155550123";

    private SeededOrganization _acme = null!;

    [SetUp]
    public void SeedOrganization() => _acme = Stytch.Seed.Organization(o => o.Slug("acme").JitDomains("acme.io"));

    private static string PhonePath(string member, string org = "acme") => $"{OrganizationsPath}/{org}/members/mfa_phone_numbers/{member}";

    private static string TotpPath(string member, string org = "acme") => $"{OrganizationsPath}/{org}/members/{member}/totp";

    private static Dictionary<string, string> As(MintedMemberSession session) => new() { ["X-Stytch-Member-Session"] = session.SessionToken };

    [Test]
    public async Task DeleteMfaPhoneNumber_EnrolledMember_ClearsTheNumberAndItsVerifiedFlag()
    {
        var ada = _acme.WithSmsMfaMember("ada@acme.io", Phone).MemberFor("ada@acme.io");

        var response = await Client.SendAsync(HttpMethod.Delete, PhonePath(ada.MemberId), null);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "member_id", "member", "organization")));
        Assert.That(response["member_id"], Is.EqualTo(ada.MemberId));
        Assert.That(Str(response.Json["member"]!["mfa_phone_number"]), Is.Empty);
        Assert.That(response.Json["member"]!["mfa_phone_number_verified"]!.GetValue<bool>(), Is.False);
        Assert.That(Stytch.B2B.Members.Get("acme", ada.MemberId).MfaPhoneNumber, Is.Empty);
    }

    [Test]
    public async Task DeleteMfaPhoneNumber_ThenSmsSendWithANewNumber_LinksTheNewNumber()
    {
        var ada = _acme.WithSmsMfaMember("ada@acme.io", Phone).MemberFor("ada@acme.io");
        await Client.SendAsync(HttpMethod.Delete, PhonePath(ada.MemberId), null);

        var session = Stytch.B2B.Sessions.Mint("acme", ada.MemberId);
        var sent = await Client.PostAsync("/v1/b2b/otps/sms/send", new { organization_id = "acme", member_id = ada.MemberId, mfa_phone_number = "+14155550199", session_token = session.SessionToken });

        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        Assert.That(Str(sent.Json["member"]!["mfa_phone_number"]), Is.EqualTo("+14155550199"));
    }

    [Test]
    public async Task DeleteMfaPhoneNumber_MemberWithoutNumber_Answers404()
    {
        var bob = _acme.WithMember("bob@acme.io").MemberFor("bob@acme.io");

        var response = await Client.SendAsync(HttpMethod.Delete, PhonePath(bob.MemberId), null);

        AssertError(response, 404, "member_phone_number_not_found");
    }

    [Test]
    public async Task DeleteMfaPhoneNumber_UnknownMember_Answers404()
    {
        var response = await Client.SendAsync(HttpMethod.Delete, PhonePath("member-test-00000000-0000-4000-8000-000000000000"), null);

        AssertError(response, 404, "member_not_found");
    }

    [Test]
    public async Task DeleteMfaPhoneNumber_UnknownOrganization_Answers404()
    {
        var ada = _acme.WithSmsMfaMember("ada@acme.io", Phone).MemberFor("ada@acme.io");

        var response = await Client.SendAsync(HttpMethod.Delete, PhonePath(ada.MemberId, org: "globex"), null);

        AssertError(response, 404, "organization_not_found");
    }

    [Test]
    public async Task DeleteMfaPhoneNumber_OwnSessionHeader_IsAllowedByStytchSelf()
    {
        var ada = _acme.WithSmsMfaMember("ada@acme.io", Phone).MemberFor("ada@acme.io");

        var response = await Client.SendAsync(HttpMethod.Delete, PhonePath(ada.MemberId), null, headers: As(Stytch.B2B.Sessions.Mint("acme", ada.MemberId)));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task DeleteMfaPhoneNumber_AnotherMembersPlainSession_Answers403AndKeepsTheNumber()
    {
        var ada = _acme.WithSmsMfaMember("ada@acme.io", Phone).WithMember("bob@acme.io").MemberFor("ada@acme.io");
        var bob = _acme.MemberFor("bob@acme.io");

        var response = await Client.SendAsync(HttpMethod.Delete, PhonePath(ada.MemberId), null, headers: As(Stytch.B2B.Sessions.Mint("acme", bob.MemberId)));

        AssertError(response, 403, "session_authorization_error");
        Assert.That(Stytch.B2B.Members.Get("acme", ada.MemberId).MfaPhoneNumber, Is.EqualTo(Phone));
    }

    [Test]
    public async Task DeleteTotp_EnrolledMember_EmptiesTheRegistrationIdAndDropsItsCodes()
    {
        var ada = _acme.WithTotpMember("ada@acme.io").MemberFor("ada@acme.io");

        var response = await Client.SendAsync(HttpMethod.Delete, TotpPath(ada.MemberId), null);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "member_id", "member", "organization")));
        Assert.That(Str(response.Json["member"]!["totp_registration_id"]), Is.Empty);
        var ex = Assert.Throws<StytchException>(() => Stytch.B2B.Totps.CodeFor("acme", ada.MemberId));
        Assert.That(ex!.Error.ErrorType, Is.EqualTo("totp_not_found"));
        var codes = await Client.GetAsync($"/v1/b2b/recovery_codes/acme/{ada.MemberId}");
        AssertError(codes, 404, "no_active_recovery_code_backed_factor");
    }

    [Test]
    public async Task DeleteTotp_ThenTotpCreate_MintsANewRegistration()
    {
        var ada = _acme.WithTotpMember("ada@acme.io").MemberFor("ada@acme.io");
        await Client.SendAsync(HttpMethod.Delete, TotpPath(ada.MemberId), null);

        var created = await Client.PostAsync("/v1/b2b/totp", new { organization_id = "acme", member_id = ada.MemberId });

        Assert.That(created.Status, Is.EqualTo(200), created.Text);
    }

    [Test]
    public async Task DeleteTotp_MemberWithoutRegistration_Answers404()
    {
        var bob = _acme.WithMember("bob@acme.io").MemberFor("bob@acme.io");

        var response = await Client.SendAsync(HttpMethod.Delete, TotpPath(bob.MemberId), null);

        AssertError(response, 404, "totp_not_found");
    }

    [Test]
    public async Task DeleteTotp_UnknownMember_Answers404()
    {
        var response = await Client.SendAsync(HttpMethod.Delete, TotpPath("member-test-00000000-0000-4000-8000-000000000000"), null);

        AssertError(response, 404, "member_not_found");
    }

    [Test]
    public async Task DeleteTotp_AnotherMembersPlainSession_Answers403AndKeepsTheRegistration()
    {
        var ada = _acme.WithTotpMember("ada@acme.io").WithMember("bob@acme.io").MemberFor("ada@acme.io");
        var bob = _acme.MemberFor("bob@acme.io");

        var response = await Client.SendAsync(HttpMethod.Delete, TotpPath(ada.MemberId), null, headers: As(Stytch.B2B.Sessions.Mint("acme", bob.MemberId)));

        AssertError(response, 403, "session_authorization_error");
        Assert.That(Stytch.B2B.Totps.CodeFor("acme", ada.MemberId), Does.Match("^[0-9]{6}$"));
    }
}
