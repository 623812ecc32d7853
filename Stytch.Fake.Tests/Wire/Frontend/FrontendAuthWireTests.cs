namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>Public-token authentication of <c>/sdk/v1</c>, the <c>{"data": …}</c> wrapper, bootstrap, events and the iframe stub.</summary>
public sealed class FrontendAuthWireTests : FrontendWireTest
{
    [Test]
    public async Task Call_NoAuthorization_IsUnauthorizedCredentials()
    {
        var response = await SdkAsync(HttpMethod.Post, "/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" }, authorization: null);

        Assert.That(response.Status, Is.EqualTo(401), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task Call_UnknownPublicToken_IsUnauthorizedCredentials()
    {
        var stranger = "public-token-test-00000000-0000-4000-8000-000000000000";

        var response = await SdkAsync(HttpMethod.Post, "/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" }, authorization: Basic(stranger, stranger));

        Assert.That(response.ErrorType, Is.EqualTo("unauthorized_credentials"));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Call_ProjectSecretInsteadOfPublicToken_IsUnauthorizedCredentials()
    {
        var response = await SdkAsync(HttpMethod.Post, "/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" }, authorization: Basic(Stytch.ProjectId, Stytch.Secret));

        Assert.That(response.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task Call_Success_WrapsTheBackendBodyInData()
    {
        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(new[] { "data" }));
        Assert.That(response.Data["user_created"]!.GetValue<bool>(), Is.True);
        Assert.That(response.Data["email_id"]!.GetValue<string>(), Does.Match(WireShapes.EmailId()));
    }

    [Test]
    public async Task Call_Error_IsTheBareEnvelope()
    {
        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "not-an-email" });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("status_code", "request_id", "error_type", "error_message", "error_url")));
    }

    [Test]
    public async Task Call_ProjectReachedByItsPublicToken_IsThatProjects()
    {
        var other = Stytch.CreateProject();

        var sent = await SdkAsync(HttpMethod.Post, "/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" }, authorization: Basic(other.PublicToken, other.PublicToken));

        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        Assert.That(other.Outbox.All, Has.Count.EqualTo(1));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Bootstrap_ProjectsPublicToken_AnswersTheSettingsTheSdkReads()
    {
        var response = await SdkAsync(HttpMethod.Get, "/sdk/v1/projects/bootstrap/" + PublicToken);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var data = response.Data;
        Assert.That(data["captcha_settings"]!["enabled"]!.GetValue<bool>(), Is.False);
        Assert.That(data["dfp_protected_auth_enabled"]!.GetValue<bool>(), Is.False);
        Assert.That(data["pkce_required_for_email_magic_links"]!.GetValue<bool>(), Is.False);
        Assert.That(data.ContainsKey("password_config") && data.ContainsKey("vertical") && data.ContainsKey("email_domains"), Is.True);
    }

    [Test]
    public async Task Bootstrap_RbacPolicy_IsAnObjectWithTheDefaultRoles()
    {
        var response = await SdkAsync(HttpMethod.Get, "/sdk/v1/projects/bootstrap/" + PublicToken);

        var roles = response.Data["rbac_policy"]!["roles"]!.AsArray().Select(r => r!["role_id"]!.GetValue<string>());
        Assert.That(roles, Does.Contain("stytch_member").And.Contain("stytch_user"));
        Assert.That(response.Data["rbac_policy"]!["resources"], Is.Not.Null);
    }

    [Test]
    public async Task OtpsEmailLoginOrCreate_Answer_HasTheMethodIdTheSdkReads()
    {
        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(response.Data["method_id"]!.GetValue<string>(), Is.EqualTo(response.Data["email_id"]!.GetValue<string>()));
    }

    [Test]
    public async Task Bootstrap_UnknownPublicToken_IsPublicTokenNotFound()
    {
        var response = await SdkAsync(HttpMethod.Get, "/sdk/v1/projects/bootstrap/public-token-test-00000000-0000-4000-8000-000000000000");

        Assert.That(response.Status, Is.EqualTo(404), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("public_token_not_found"));
    }

    [Test]
    public async Task Events_NoCredentials_AreAcceptedWithCorsHeaders()
    {
        var response = await SdkAsync(HttpMethod.Post, "/sdk/v1/events",
            "[{\"telemetry\":{},\"event\":{\"public_token\":\"x\",\"event_name\":\"sdk_instance_instantiated\",\"details\":{}}}]", authorization: null);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo(PageOrigin));
    }

    [Test]
    public async Task Call_FaultRuleOfTheBackendEndpoint_FailsTheSdkCallWithCorsHeaders()
    {
        Stytch.Faults.Next(StytchEndpoints.Consumer.OtpEmailLoginOrCreate).Fail(StytchError.TooManyRequests);

        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(429), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("too_many_requests"));
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo(PageOrigin));
    }

    [Test]
    public async Task Call_FaultRuleForAnotherEmail_LeavesTheSdkCallAlone()
    {
        Stytch.Faults.Always(StytchEndpoints.Consumer.OtpEmailLoginOrCreate).ForEmail("bob@example.com").Fail(StytchError.TooManyRequests);

        var ada = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var bob = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "bob@example.com" });

        Assert.That(ada.Status, Is.EqualTo(200), ada.Text);
        Assert.That(bob.Status, Is.EqualTo(429), bob.Text);
    }

    [Test]
    public async Task Call_RefusedForItsOrigin_IsRecordedInThePublicTokensProject()
    {
        var other = Stytch.CreateProject();

        await SdkAsync(HttpMethod.Post, "/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" },
            authorization: Basic(other.PublicToken, other.PublicToken), origin: "https://evil.example");

        Assert.That(other.Requests.All.Select(r => r.ErrorType), Does.Contain("bad_domain_for_stytch_sdk"));
    }

    [Test]
    public async Task ClientsideServices_Get_ServesAStubPageThatAnswersEveryCall()
    {
        var response = await SdkAsync(HttpMethod.Get, "/sdk/clientside-services/index.html", authorization: null);

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Header("Content-Type"), Does.StartWith("text/html"));
        Assert.That(response.Text, Does.Contain("postMessage"));
    }
}
