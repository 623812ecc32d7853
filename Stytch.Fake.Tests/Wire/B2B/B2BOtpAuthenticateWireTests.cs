using Stytch.Fake.Tests.Wire.Sessions;

namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary><c>POST /v1/b2b/otps/email/authenticate</c> over loopback HTTP.</summary>
public sealed class B2BOtpAuthenticateWireTests : B2BWireTest
{
    private async Task<string> SendAsync(string email = "ada@acme.io", string organization = "acme")
    {
        var sent = await LoginOrSignupAsync(organization, email);
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return Stytch.Outbox.LatestFor(email).Code;
    }

    [SetUp]
    public Task CreateOrganization() => CreateJitOrganizationAsync();

    [Test]
    public async Task Authenticate_RightCode_MakesMemberActiveAndVerified()
    {
        var code = await SendAsync();

        var response = await AuthenticateOtpAsync("acme", "ada@acme.io", code);
        var fetched = await Client.GetAsync($"{OrganizationsPath}/acme/member?email_address=ada%40acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("active"));
        Assert.That(response.Json["member"]!["email_address_verified"]!.GetValue<bool>(), Is.True);
        Assert.That(Str(fetched.Json["member"]!["status"]), Is.EqualTo("active"));
    }

    [Test]
    public async Task Authenticate_Response_HasTheDocumentedFieldsAndAFullyAuthenticatedMember()
    {
        var code = await SendAsync();
        var message = Stytch.Outbox.LatestFor("ada@acme.io");

        var response = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        var json = response.Json;
        Assert.That(WireShapes.Keys(json), Is.EqualTo(WireShapes.Sorted(
            "request_id", "member_id", "method_id", "organization_id", "member", "session_token", "session_jwt", "organization",
            "intermediate_session_token", "member_authenticated", "member_session", "mfa_required", "primary_required", "status_code")));
        Assert.Multiple(() =>
        {
            Assert.That(response["method_id"], Is.EqualTo(message.MethodId).And.Match(WireShapes.EmailId()));
            Assert.That(response["member_id"], Is.EqualTo(message.MemberId));
            Assert.That(response["organization_id"], Is.EqualTo(message.OrganizationId));
            Assert.That(response["intermediate_session_token"], Is.Empty);
            Assert.That(json["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(json["mfa_required"], Is.Null);
            Assert.That(json["primary_required"], Is.Null);
            Assert.That(response["session_token"], Does.Match(SessionHarness.SessionToken()));
            Assert.That(response["session_jwt"]!.Split('.'), Has.Length.EqualTo(3));
        });
    }

    [Test]
    public async Task Authenticate_MemberSession_HasEveryFieldAndAnEmailOtpFactor()
    {
        var code = await SendAsync();

        var response = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        var session = response.Json["member_session"]!.AsObject();
        Assert.That(WireShapes.Keys(session), Is.EqualTo(WireShapes.Sorted(
            "member_session_id", "member_id", "started_at", "last_accessed_at", "expires_at", "authentication_factors",
            "organization_id", "roles", "organization_slug", "custom_claims")));
        var factor = session["authentication_factors"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(Str(session["member_session_id"]), Does.Match(MemberSessionId()));
            Assert.That(Str(session["organization_slug"]), Is.EqualTo("acme"));
            Assert.That(session["roles"]!.AsArray().Select(r => Str(r)), Is.EqualTo(new[] { "stytch_member" }));
            Assert.That(session["custom_claims"]!.AsObject(), Is.Empty);
            Assert.That(Str(factor["type"]), Is.EqualTo("otp"));
            Assert.That(Str(factor["delivery_method"]), Is.EqualTo("email"));
            Assert.That(Str(factor["email_factor"]!["email_address"]), Is.EqualTo("ada@acme.io"));
            Assert.That(Str(factor["email_factor"]!["email_id"]), Is.EqualTo(response["method_id"]));
        });
    }

    [Test]
    public async Task Authenticate_NoSessionDuration_StartsASixtyMinuteSession()
    {
        var code = await SendAsync();

        var response = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        var session = response.Json["member_session"]!;
        Assert.That(SessionHarness.Time(session["started_at"]), Is.EqualTo(Start));
        Assert.That(SessionHarness.Time(session["expires_at"]), Is.EqualTo(Start.AddMinutes(60)));
    }

    [TestCase(5)]
    [TestCase(527_040)]
    public async Task Authenticate_SessionDurationInRange_SetsExpiry(int minutes)
    {
        var code = await SendAsync();

        var response = await Client.PostAsync(OtpAuthenticatePath, new { organization_id = "acme", email_address = "ada@acme.io", code, session_duration_minutes = minutes });

        Assert.That(SessionHarness.Time(response.Json["member_session"]!["expires_at"]), Is.EqualTo(Start.AddMinutes(minutes)));
    }

    [TestCase(4)]
    [TestCase(527_041)]
    public async Task Authenticate_SessionDurationOutOfRange_Returns400AndLeavesTheCodeUsable(int minutes)
    {
        var code = await SendAsync();

        var refused = await Client.PostAsync(OtpAuthenticatePath, new { organization_id = "acme", email_address = "ada@acme.io", code, session_duration_minutes = minutes });
        var retried = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        AssertError(refused, 400, "invalid_session_duration_minutes");
        Assert.That(retried.Status, Is.EqualTo(200), retried.Text);
    }

    [Test]
    public async Task Authenticate_OlderCodeAfterANewerSend_Returns404OtpCodeNotFound()
    {
        var older = await SendAsync();
        var newer = await SendAsync();
        Assert.That(newer, Is.Not.EqualTo(older));

        var response = await AuthenticateOtpAsync("acme", "ada@acme.io", older);
        var newest = await AuthenticateOtpAsync("acme", "ada@acme.io", newer);

        AssertError(response, 404, "otp_code_not_found");
        Assert.That(newest.Status, Is.EqualTo(200), newest.Text);
    }

    [Test]
    public async Task Authenticate_SameCodeTwice_SecondReturns401UnableToAuthOtpCode()
    {
        var code = await SendAsync();
        await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        var again = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        AssertError(again, 401, "unable_to_auth_otp_code");
    }

    [Test]
    public async Task Authenticate_AfterTenMinutes_Returns401UnableToAuthOtpCode()
    {
        var code = await SendAsync();
        Stytch.Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        AssertError(response, 401, "unable_to_auth_otp_code");
    }

    [Test]
    public async Task Authenticate_JustBeforeTenMinutes_Succeeds()
    {
        var code = await SendAsync();
        Stytch.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        var response = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Authenticate_WrongCode_Returns404OtpCodeNotFound()
    {
        var code = await SendAsync();
        var wrong = code == "123456" ? "654321" : "123456";

        AssertError(await AuthenticateOtpAsync("acme", "ada@acme.io", wrong), 404, "otp_code_not_found");
    }

    [TestCase("12345")]
    [TestCase("12a456")]
    [TestCase("")]
    public async Task Authenticate_MalformedCode_Returns400InvalidCode(string code)
    {
        await SendAsync();

        AssertError(await AuthenticateOtpAsync("acme", "ada@acme.io", code), 400, "invalid_code");
    }

    [Test]
    public async Task Authenticate_EmailWithNoMember_Returns404MemberNotFound()
    {
        AssertError(await AuthenticateOtpAsync("acme", "nobody@acme.io", "123456"), 404, "member_not_found");
    }

    [Test]
    public async Task Authenticate_CodeOfAnotherOrganization_Returns404OtpCodeNotFound()
    {
        await CreateJitOrganizationAsync("other", "acme.io");
        var code = await SendAsync(organization: "acme");
        await LoginOrSignupAsync("other", "ada@acme.io");
        var otherCode = Stytch.Outbox.LatestFor("ada@acme.io").Code;
        Assert.That(otherCode, Is.Not.EqualTo(code));

        var response = await AuthenticateOtpAsync("other", "ada@acme.io", code);
        var own = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        AssertError(response, 404, "otp_code_not_found");
        Assert.That(own.Status, Is.EqualTo(200), own.Text);
    }

    [Test]
    public async Task Authenticate_UnknownOrganization_Returns404OrganizationNotFound()
    {
        AssertError(await AuthenticateOtpAsync("nope", "ada@acme.io", "123456"), 404, "organization_not_found");
    }

    [Test]
    public async Task Authenticate_IntermediateSessionToken_Returns404IntermediateSessionNotFound()
    {
        var code = await SendAsync();

        var response = await Client.PostAsync(OtpAuthenticatePath, new { organization_id = "acme", email_address = "ada@acme.io", code, intermediate_session_token = "ist-unknown" });

        AssertError(response, 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task Authenticate_WithTheMembersSessionToken_ExtendsThatSession()
    {
        var first = await LoginMemberAsync("acme", "ada@acme.io");
        Stytch.Clock.Advance(TimeSpan.FromMinutes(1));
        var code = await SendAsync();

        var second = await Client.PostAsync(OtpAuthenticatePath, new
        {
            organization_id = "acme", email_address = "ada@acme.io", code, session_token = first["session_token"], session_duration_minutes = 30,
        });

        Assert.That(second.Status, Is.EqualTo(200), second.Text);
        Assert.That(Str(second.Json["member_session"]!["member_session_id"]), Is.EqualTo(Str(first.Json["member_session"]!["member_session_id"])));
        Assert.That(SessionHarness.Time(second.Json["member_session"]!["expires_at"]), Is.EqualTo(Start.AddMinutes(31)));
        Assert.That(second.Json["member_session"]!["authentication_factors"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Authenticate_WithAnotherMembersSessionToken_Returns404AndLeavesTheCodeUsable()
    {
        var bob = await LoginMemberAsync("acme", "bob@acme.io");
        var code = await SendAsync();

        var refused = await Client.PostAsync(OtpAuthenticatePath, new { organization_id = "acme", email_address = "ada@acme.io", code, session_token = bob["session_token"] });
        var retried = await AuthenticateOtpAsync("acme", "ada@acme.io", code);

        AssertError(refused, 404, "session_not_found");
        Assert.That(retried.Status, Is.EqualTo(200), retried.Text);
    }

    [Test]
    public async Task Authenticate_ConsumerMethodIdField_IsIgnoredAndRecorded()
    {
        var code = await SendAsync();

        var response = await Client.PostAsync(OtpAuthenticatePath, new { organization_id = "acme", email_address = "ada@acme.io", code, method_id = "x" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.DefaultProject.Requests.All[^1].IgnoredFields, Is.EqualTo(new[] { "method_id" }));
    }
}
