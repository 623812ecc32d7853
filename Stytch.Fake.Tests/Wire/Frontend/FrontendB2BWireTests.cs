using Stytch.Fake.Tests.Conformance;

namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>The B2B client's calls through <c>/sdk/v1/b2b</c>: email OTP, discovery, member sessions and passwords.</summary>
public sealed class FrontendB2BWireTests : FrontendWireTest
{
    private const string Member = "ada@acme.io";

    private string SeedOrganization() => Stytch.Seed.Organization(o => o.Slug("acme")).WithMember(Member).OrganizationId;

    /// <summary>An org-specific email OTP login through the SDK API; the answer's <c>data</c>.</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> LogInMemberAsync(string organizationId)
    {
        var sent = await SdkPostAsync("/sdk/v1/b2b/otps/email/login_or_signup", new { organization_id = organizationId, email_address = Member });
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var authenticated = await SdkPostAsync("/sdk/v1/b2b/otps/email/authenticate",
            new { organization_id = organizationId, email_address = Member, code = Stytch.Outbox.LatestFor(Member).Code, session_duration_minutes = 60 });
        Assert.That(authenticated.Status, Is.EqualTo(200), authenticated.Text);
        return authenticated.Data;
    }

    [Test]
    public async Task B2BOtpsEmailAuthenticate_SeededMember_AnswersAMemberSession()
    {
        var data = await LogInMemberAsync(SeedOrganization());

        Assert.That(data["session_token"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(data["member_session"]!["member_session_id"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(data["member"]!["email_address"]!.GetValue<string>(), Is.EqualTo(Member));
    }

    [Test]
    public async Task B2BOtpsEmailAuthenticate_Data_MatchesTheBackendSchema()
    {
        var data = await LogInMemberAsync(SeedOrganization());

        var errors = await OpenApiSchemas.ValidateAsync(OpenApiSchemas.Operation("POST", "/v1/b2b/otps/email/authenticate").ResponseSchema, data.ToJsonString());

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task B2BSessionsAuthenticate_MemberSessionTokenAsPassword_AuthenticatesThatSession()
    {
        var login = await LogInMemberAsync(SeedOrganization());

        var response = await SdkPostAsync("/sdk/v1/b2b/sessions/authenticate", new { }, sessionToken: login["session_token"]!.GetValue<string>());

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["member_session"]!["member_session_id"]!.GetValue<string>(),
            Is.EqualTo(login["member_session"]!["member_session_id"]!.GetValue<string>()));
    }

    [Test]
    public async Task B2BSessionsRevoke_MemberSessionTokenAsPassword_EndsItAtV1Too()
    {
        var token = (await LogInMemberAsync(SeedOrganization()))["session_token"]!.GetValue<string>();

        var revoked = await SdkPostAsync("/sdk/v1/b2b/sessions/revoke", sessionToken: token);
        var after = await Client.PostAsync("/v1/b2b/sessions/authenticate", new { session_token = token });

        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);
        Assert.That(after.Status, Is.EqualTo(404), after.Text);
    }

    [Test]
    public async Task B2BSessionsAuthenticate_NotLoggedIn_IsSessionNotFound()
    {
        var response = await SdkPostAsync("/sdk/v1/b2b/sessions/authenticate");

        Assert.That(response.ErrorType, Is.EqualTo("session_not_found"));
    }

    [Test]
    public async Task B2BDiscovery_OtpThenExchange_LogsIntoTheOrganization()
    {
        var organizationId = SeedOrganization();
        await SdkPostAsync("/sdk/v1/b2b/otps/email/discovery/send", new { email_address = Member });
        var discovered = await SdkPostAsync("/sdk/v1/b2b/otps/email/discovery/authenticate", new { email_address = Member, code = Stytch.Outbox.LatestFor(Member).Code });
        var ist = discovered.Data["intermediate_session_token"]!.GetValue<string>();

        var listed = await SdkPostAsync("/sdk/v1/b2b/discovery/organizations", new { intermediate_session_token = ist });
        var exchanged = await SdkPostAsync("/sdk/v1/b2b/discovery/intermediate_sessions/exchange",
            new { intermediate_session_token = ist, organization_id = organizationId, session_duration_minutes = 60 });

        Assert.That(discovered.Status, Is.EqualTo(200), discovered.Text);
        Assert.That(listed.Data["discovered_organizations"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(exchanged.Status, Is.EqualTo(200), exchanged.Text);
        Assert.That(exchanged.Data["session_token"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task B2BDiscoveryOrganizations_LoggedInWithoutIntermediateSession_ListsWithTheMemberSession()
    {
        var token = (await LogInMemberAsync(SeedOrganization()))["session_token"]!.GetValue<string>();

        var listed = await SdkPostAsync("/sdk/v1/b2b/discovery/organizations", new { }, sessionToken: token);

        Assert.That(listed.Status, Is.EqualTo(200), listed.Text);
        Assert.That(listed.Data["discovered_organizations"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task B2BPasswordsAuthenticate_MemberWithPassword_LogsIn()
    {
        var organizationId = SeedOrganization();
        const string password = "violet-Tractor-umbrella-88";
        var login = await LogInMemberAsync(organizationId);
        var set = await SdkPostAsync("/sdk/v1/b2b/passwords/session/reset", new { organization_id = organizationId, password }, sessionToken: login["session_token"]!.GetValue<string>());

        var response = await SdkPostAsync("/sdk/v1/b2b/passwords/authenticate",
            new { organization_id = organizationId, email_address = Member, password, session_duration_minutes = 60 });

        Assert.That(set.Status, Is.EqualTo(200), set.Text);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["member_session"], Is.Not.Null);
    }

    [Test]
    public async Task B2BPasswordsStrengthCheck_Password_AnswersInData()
    {
        var response = await SdkPostAsync("/sdk/v1/b2b/passwords/strength_check", new { password = "password" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["valid_password"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task B2BOrganizationsMe_MemberSessionTokenAsPassword_AnswersThatMembersOrganization()
    {
        var organizationId = SeedOrganization();
        var token = (await LogInMemberAsync(organizationId))["session_token"]!.GetValue<string>();

        var response = await SdkAsync(HttpMethod.Get, "/sdk/v1/b2b/organizations/me", sessionToken: token);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["organization"]!["organization_id"]!.GetValue<string>(), Is.EqualTo(organizationId));
        var errors = await OpenApiSchemas.ValidateAsync(OpenApiSchemas.Operation("GET", "/v1/b2b/organizations/{organization_id}").ResponseSchema, response.Data.ToJsonString());
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task B2BMembersMe_MemberSessionTokenAsPassword_AnswersThatMember()
    {
        var organizationId = SeedOrganization();
        var token = (await LogInMemberAsync(organizationId))["session_token"]!.GetValue<string>();

        var response = await SdkAsync(HttpMethod.Get, "/sdk/v1/b2b/organizations/members/me", sessionToken: token);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["member"]!["email_address"]!.GetValue<string>(), Is.EqualTo(Member));
        var errors = await OpenApiSchemas.ValidateAsync(OpenApiSchemas.Operation("GET", "/v1/b2b/organizations/{organization_id}/member").ResponseSchema, response.Data.ToJsonString());
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task B2BMembersMe_NotLoggedIn_IsSessionNotFound()
    {
        var response = await SdkAsync(HttpMethod.Get, "/sdk/v1/b2b/organizations/members/me");

        Assert.That(response.ErrorType, Is.EqualTo("session_not_found"));
    }
}
