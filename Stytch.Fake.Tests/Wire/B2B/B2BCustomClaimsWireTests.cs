using System.Text.Json.Nodes;
using Stytch.Fake.Tests.Wire.Sessions;

namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary>
/// <c>session_custom_claims</c> on B2B otps/email/authenticate and sessions/authenticate: kept on the member session,
/// returned as <c>member_session.custom_claims</c>, top-level JWT claims, merged by later calls, refused unchanged.
/// </summary>
public sealed class B2BCustomClaimsWireTests : B2BWireTest
{
    private const string Email = "ada@acme.io";

    [SetUp]
    public Task CreateOrganization() => CreateJitOrganizationAsync();

    private static string Compact(JsonNode? node) => node!.ToJsonString();

    private Task<WireResult> LoginWithClaimsAsync(object claims) =>
        LoginMemberAsync("acme", Email, new Dictionary<string, object?> { ["session_custom_claims"] = claims });

    [Test]
    public async Task B2BOtpAuthenticate_SessionCustomClaims_AreMemberSessionCustomClaimsAndJwtClaims()
    {
        var login = await LoginWithClaimsAsync(new { tier = "gold", seats = 5 });

        var payload = SessionHarness.JwtPayload(login["session_jwt"]!);

        Assert.That(Compact(login.Json["member_session"]!["custom_claims"]), Is.EqualTo("""{"seats":5,"tier":"gold"}"""));
        Assert.That(payload["tier"]?.GetValue<string>(), Is.EqualTo("gold"));
        Assert.That(payload["https://stytch.com/organization"], Is.Not.Null, "Stytch's own claims are still there");
    }

    [Test]
    public async Task B2BSessionsAuthenticate_LaterClaims_OverwriteAndNullDeletes()
    {
        var login = await LoginWithClaimsAsync(new { tier = "gold", seats = 5 });

        var response = await Client.PostAsync(SessionsAuthenticatePath, new
        {
            session_jwt = login["session_jwt"], session_custom_claims = new { tier = (string?)null, seats = 6 },
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Compact(response.Json["member_session"]!["custom_claims"]), Is.EqualTo("""{"seats":6}"""));
        Assert.That(SessionHarness.JwtPayload(response["session_jwt"]!)["tier"], Is.Null);
    }

    [Test]
    public async Task B2BOtpAuthenticate_ReservedClaim_Is400AndTheCodeStillWorks()
    {
        var sent = await LoginOrSignupAsync("acme", Email);
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        var code = Stytch.Outbox.LatestFor(Email).Code;

        var refused = await Client.PostAsync(OtpAuthenticatePath, new
        {
            organization_id = "acme", email_address = Email, code, session_custom_claims = new { iat = 1 },
        });
        var retry = await AuthenticateOtpAsync("acme", Email, code);

        AssertError(refused, 400, "reserved_claims_in_custom_claims");
        Assert.That(retry.Status, Is.EqualTo(200), retry.Text);
    }

    [Test]
    public async Task B2BOtpAuthenticate_StytchClaim_Is400StytchClaimsInCustomClaims()
    {
        await LoginOrSignupAsync("acme", Email);

        var response = await Client.PostAsync(OtpAuthenticatePath, new Dictionary<string, object?>
        {
            ["organization_id"] = "acme", ["email_address"] = Email, ["code"] = Stytch.Outbox.LatestFor(Email).Code,
            ["session_custom_claims"] = new Dictionary<string, object?> { ["https://stytch.com/organization"] = "other" },
        });

        AssertError(response, 400, "stytch_claims_in_custom_claims");
    }

    [Test]
    public async Task B2BSessionsAuthenticate_ClaimsOver4Kb_Is400AndTheSessionIsNotExtended()
    {
        var login = await LoginWithClaimsAsync(new { tier = "gold" });
        Stytch.Clock.Advance(TimeSpan.FromMinutes(1));

        var refused = await Client.PostAsync(SessionsAuthenticatePath, new
        {
            session_token = login["session_token"], session_duration_minutes = 600, session_custom_claims = new { blob = new string('x', 5000) },
        });
        var after = await Client.PostAsync(SessionsAuthenticatePath, new { session_token = login["session_token"] });

        AssertError(refused, 400, "custom_claims_too_large");
        Assert.That(after.Json["member_session"]!["expires_at"]!.GetValue<string>(), Is.EqualTo(login.Json["member_session"]!["expires_at"]!.GetValue<string>()));
        Assert.That(Compact(after.Json["member_session"]!["custom_claims"]), Is.EqualTo("""{"tier":"gold"}"""));
    }

    [Test]
    public async Task GetThenPutSnapshot_MemberSessionClaims_AreCarried()
    {
        var login = await LoginWithClaimsAsync(new { tier = "gold" });
        var other = Stytch.CreateProject();
        using var otherClient = new WireClient(Stytch, other);

        var exported = await Client.GetAsync($"/_fake/v1/projects/{Stytch.ProjectId}/snapshot");
        var imported = await Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{other.ProjectId}/snapshot", exported.Text);
        var session = await otherClient.PostAsync(SessionsAuthenticatePath, new { session_token = login["session_token"] });

        Assert.That(imported.Status, Is.EqualTo(200), imported.Text);
        Assert.That(Compact(session.Json["member_session"]!["custom_claims"]), Is.EqualTo("""{"tier":"gold"}"""));
    }
}
