namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>
/// <c>attributes</c> and <c>options</c> over the wire: the attributes of the send are recorded on the code, those of
/// otps/authenticate on the session (and its JWT claim); <c>options.ip_match_required</c> and
/// <c>options.user_agent_match_required</c> refuse a mismatch with 401 <c>attribute_mismatch</c> and leave the code usable.
/// </summary>
public sealed class AttributeMatchWireTests : SessionWireTest
{
    private const string Email = "ada@example.com";
    private const string LaptopIp = "203.0.113.7";
    private const string LaptopAgent = "Mozilla/5.0 (Laptop)";
    private const string PhoneIp = "198.51.100.9";
    private const string PhoneAgent = "Mozilla/5.0 (Phone)";

    private async Task<(string EmailId, string Code)> SendFromLaptopAsync(string path = "/v1/otps/email/login_or_create")
    {
        var sent = await Harness.Client.PostAsync(path, new { email = Email, attributes = new { ip_address = LaptopIp, user_agent = LaptopAgent } });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return (sent["email_id"]!, Harness.Stytch.Outbox.LatestFor(Email).Code);
    }

    private Task<WireResult> AuthenticateAsync(string emailId, string code, string ip, string agent, bool ipMatch, bool agentMatch) =>
        Harness.Client.PostAsync("/v1/otps/authenticate", new
        {
            method_id = emailId,
            code,
            session_duration_minutes = 60,
            attributes = new { ip_address = ip, user_agent = agent },
            options = new { ip_match_required = ipMatch, user_agent_match_required = agentMatch },
        });

    [Test]
    public async Task OtpsAuthenticate_Attributes_AreTheSessionsAttributes()
    {
        var (emailId, code) = await SendFromLaptopAsync();

        var response = await AuthenticateAsync(emailId, code, PhoneIp, PhoneAgent, ipMatch: false, agentMatch: false);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var attributes = response.Json["session"]!["attributes"]!;
        Assert.That(attributes["ip_address"]!.GetValue<string>(), Is.EqualTo(PhoneIp));
        Assert.That(attributes["user_agent"]!.GetValue<string>(), Is.EqualTo(PhoneAgent));
    }

    [Test]
    public async Task OtpsAuthenticate_Attributes_AreInTheJwtSessionClaimAndListedSessions()
    {
        var (emailId, code) = await SendFromLaptopAsync();
        var login = LoggedIn.From(await AuthenticateAsync(emailId, code, PhoneIp, PhoneAgent, ipMatch: false, agentMatch: false));

        var claim = SessionHarness.JwtPayload(login.SessionJwt)["https://stytch.com/session"]!["attributes"]!;
        var listed = (await Harness.ListSessionsAsync(login.UserId)).Json["sessions"]![0]!["attributes"]!;

        Assert.That(claim["ip_address"]!.GetValue<string>(), Is.EqualTo(PhoneIp));
        Assert.That(listed["user_agent"]!.GetValue<string>(), Is.EqualTo(PhoneAgent));
    }

    [Test]
    public async Task OtpsAuthenticate_NoAttributes_SessionAttributesAreEmptyStrings()
    {
        var login = await Harness.LoginAsync(Email);

        Assert.That(login.Session["attributes"]!.ToJsonString(), Is.EqualTo("""{"ip_address":"","user_agent":""}"""));
    }

    [Test]
    public async Task OtpsAuthenticate_IpMatchRequiredFromAnotherIp_Is401AttributeMismatchAndTheCodeStillWorks()
    {
        var (emailId, code) = await SendFromLaptopAsync();

        var refused = await AuthenticateAsync(emailId, code, PhoneIp, LaptopAgent, ipMatch: true, agentMatch: false);
        var retry = await AuthenticateAsync(emailId, code, LaptopIp, LaptopAgent, ipMatch: true, agentMatch: true);

        SessionHarness.AssertError(refused, 401, "attribute_mismatch");
        Assert.That(refused.Json["error_message"]!.GetValue<string>(), Is.EqualTo("Unable to authenticate because attributes on request don't match stored attributes."));
        Assert.That(retry.Status, Is.EqualTo(200), retry.Text);
    }

    [Test]
    public async Task OtpsAuthenticate_UserAgentMatchRequiredFromAnotherAgent_Is401AttributeMismatch()
    {
        var (emailId, code) = await SendFromLaptopAsync();

        var response = await AuthenticateAsync(emailId, code, LaptopIp, PhoneAgent, ipMatch: false, agentMatch: true);

        SessionHarness.AssertError(response, 401, "attribute_mismatch");
    }

    [Test]
    public async Task OtpsAuthenticate_RefusedForMismatch_StartsNoSession()
    {
        var (emailId, code) = await SendFromLaptopAsync();

        await AuthenticateAsync(emailId, code, PhoneIp, PhoneAgent, ipMatch: true, agentMatch: true);
        var list = await Harness.ListSessionsAsync(Harness.Stytch.DefaultProject.Users.All.Single().UserId);

        Assert.That(list.Json["sessions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task OtpsAuthenticate_BothMatchRequiredFromTheSameDevice_Is200()
    {
        var (emailId, code) = await SendFromLaptopAsync();

        var response = await AuthenticateAsync(emailId, code, LaptopIp, LaptopAgent, ipMatch: true, agentMatch: true);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task OtpsAuthenticate_MatchNotRequiredFromAnotherDevice_Is200()
    {
        var (emailId, code) = await SendFromLaptopAsync();

        var response = await AuthenticateAsync(emailId, code, PhoneIp, PhoneAgent, ipMatch: false, agentMatch: false);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task OtpsAuthenticate_CodeFromSendWithAttributes_IsMatchedAgainstThem()
    {
        await SendFromLaptopAsync();
        var (emailId, code) = await SendFromLaptopAsync("/v1/otps/email/send");

        var refused = await AuthenticateAsync(emailId, code, PhoneIp, LaptopAgent, ipMatch: true, agentMatch: false);
        var accepted = await AuthenticateAsync(emailId, code, LaptopIp, PhoneAgent, ipMatch: true, agentMatch: false);

        SessionHarness.AssertError(refused, 401, "attribute_mismatch");
        Assert.That(accepted.Status, Is.EqualTo(200), accepted.Text);
    }

    [Test]
    public async Task OtpsAuthenticate_OptionsWithOneMember_ReadsTheOtherAsFalse()
    {
        var (emailId, code) = await SendFromLaptopAsync();

        var response = await Harness.Client.PostAsync("/v1/otps/authenticate", new
        {
            method_id = emailId, code, attributes = new { ip_address = LaptopIp, user_agent = PhoneAgent }, options = new { ip_match_required = true },
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [TestCase("""{"ip_match_required":"yes","user_agent_match_required":false}""")]
    [TestCase("""{"ip_match_required":false,"user_agent_match_required":1}""")]
    [TestCase("[]")]
    public async Task OtpsAuthenticate_OptionsOfTheWrongType_Is400BadRequest(string options)
    {
        var (emailId, code) = await SendFromLaptopAsync();

        var response = await Harness.Client.PostRawAsync("/v1/otps/authenticate", $$"""{"method_id":"{{emailId}}","code":"{{code}}","options":{{options}}}""");

        SessionHarness.AssertError(response, 400, "bad_request");
    }

    [Test]
    public async Task GetThenPutSnapshot_CodeAndSessionAttributes_AreCarried()
    {
        var (emailId, code) = await SendFromLaptopAsync();
        var login = LoggedIn.From(await AuthenticateAsync(emailId, code, PhoneIp, PhoneAgent, ipMatch: false, agentMatch: false));
        var (_, second) = await SendFromLaptopAsync();
        var other = Harness.Stytch.CreateProject();
        using var otherClient = new WireClient(Harness.Stytch, other);

        var exported = await Harness.Client.GetAsync($"/_fake/v1/projects/{Harness.ProjectId}/snapshot");
        var imported = await Harness.Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{other.ProjectId}/snapshot", exported.Text);
        var session = await otherClient.PostAsync("/v1/sessions/authenticate", new { session_token = login.SessionToken });
        var refused = await otherClient.PostAsync("/v1/otps/authenticate", new
        {
            method_id = emailId, code = second, attributes = new { ip_address = PhoneIp }, options = new { ip_match_required = true, user_agent_match_required = false },
        });

        Assert.That(imported.Status, Is.EqualTo(200), imported.Text);
        Assert.That(session.Json["session"]!["attributes"]!["ip_address"]!.GetValue<string>(), Is.EqualTo(PhoneIp));
        SessionHarness.AssertError(refused, 401, "attribute_mismatch");
    }
}
