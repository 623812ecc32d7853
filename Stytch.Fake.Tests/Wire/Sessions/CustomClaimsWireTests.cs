using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>
/// <c>session_custom_claims</c> over the wire: kept on the session, returned as <c>custom_claims</c>, put in the JWT as
/// top-level claims, merged by later calls, refused (with no state changed) when reserved, Stytch's own or too large.
/// </summary>
public sealed class CustomClaimsWireTests : SessionWireTest
{
    private const string Email = "ada@example.com";

    private static Dictionary<string, object?> WithClaims(object claims, int? minutes = 60)
    {
        var body = new Dictionary<string, object?> { ["session_custom_claims"] = claims };
        if (minutes is { } m)
        {
            body["session_duration_minutes"] = m;
        }

        return body;
    }

    private async Task<LoggedIn> LoginWithClaimsAsync(object claims)
    {
        var response = await Harness.AuthenticateOtpAsync(Email, WithClaims(claims));
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return LoggedIn.From(response);
    }

    private static JsonObject Claims(WireResult response) => response.Json["session"]!["custom_claims"]!.AsObject();

    private static string Compact(JsonNode? node) => node!.ToJsonString();

    [Test]
    public async Task OtpsAuthenticate_SessionCustomClaims_AreReturnedAsSessionCustomClaims()
    {
        var login = await LoginWithClaimsAsync(new { plan = "pro", seats = 5, beta = true, tags = new[] { "a", "b" } });

        Assert.That(Compact(login.Session["custom_claims"]), Is.EqualTo("""{"beta":true,"plan":"pro","seats":5,"tags":["a","b"]}"""));
    }

    [Test]
    public async Task OtpsAuthenticate_SessionCustomClaims_AreTopLevelClaimsOfTheValidJwt()
    {
        var login = await LoginWithClaimsAsync(new { plan = "pro", org = new { id = 7 } });

        var validation = await Harness.ValidateAsync(login.SessionJwt);
        var payload = SessionHarness.JwtPayload(login.SessionJwt);

        Assert.That(validation.IsValid, Is.True, validation.Exception?.Message);
        Assert.That(payload["plan"]?.GetValue<string>(), Is.EqualTo("pro"));
        Assert.That(Compact(payload["org"]), Is.EqualTo("""{"id":7}"""));
        Assert.That(payload["sub"]?.GetValue<string>(), Is.EqualTo(login.UserId), "Stytch's own claims are still there");
    }

    [Test]
    public async Task OtpsAuthenticate_ClaimsWithoutSessionDuration_StartNoSession()
    {
        var response = await Harness.AuthenticateOtpAsync(Email, WithClaims(new { plan = "pro" }, minutes: null));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["session"], Is.Null);
        Assert.That(response["session_jwt"], Is.Empty);
    }

    [Test]
    public async Task SessionsAuthenticate_LaterClaims_OverwriteKeysAndNullDeletesOne()
    {
        var login = await LoginWithClaimsAsync(new { key_1 = 1, key_2 = 2, key_3 = 3 });

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_custom_claims = new { key_1 = 9, key_3 = (int?)null } });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Compact(Claims(response)), Is.EqualTo("""{"key_1":9,"key_2":2}"""));
        Assert.That(SessionHarness.JwtPayload(response["session_jwt"]!)["key_3"], Is.Null, "the new JWT has no deleted claim");
        Assert.That(SessionHarness.JwtPayload(response["session_jwt"]!)["key_1"]?.GetValue<int>(), Is.EqualTo(9));
    }

    [Test]
    public async Task SessionsAuthenticate_NestedClaims_MergeKeyByKey()
    {
        var login = await LoginWithClaimsAsync(new { c = 3.5, e = new { nested1 = "val1", nested2 = "val2" } });

        var response = await Harness.AuthenticateSessionAsync(new
        {
            session_token = login.SessionToken,
            session_custom_claims = new { e = new { nested1 = (string?)null, nested3 = "val3" } },
        });

        Assert.That(Compact(Claims(response)), Is.EqualTo("""{"c":3.5,"e":{"nested2":"val2","nested3":"val3"}}"""));
    }

    [Test]
    public async Task SessionsAuthenticate_WithoutClaims_KeepsTheSessionsClaims()
    {
        var login = await LoginWithClaimsAsync(new { plan = "pro" });

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        Assert.That(Compact(Claims(response)), Is.EqualTo("""{"plan":"pro"}"""));
        Assert.That(SessionHarness.JwtPayload(response["session_jwt"]!)["plan"]?.GetValue<string>(), Is.EqualTo("pro"));
    }

    [Test]
    public async Task SessionsGet_SessionWithClaims_ListsItsCustomClaims()
    {
        var login = await LoginWithClaimsAsync(new { plan = "pro" });

        var list = await Harness.ListSessionsAsync(login.UserId);

        Assert.That(Compact(list.Json["sessions"]![0]!["custom_claims"]), Is.EqualTo("""{"plan":"pro"}"""));
    }

    [TestCase("iss")]
    [TestCase("sub")]
    [TestCase("aud")]
    [TestCase("exp")]
    [TestCase("nbf")]
    [TestCase("iat")]
    [TestCase("jti")]
    public async Task OtpsAuthenticate_ReservedClaim_Is400ReservedClaimsInCustomClaimsAndTheCodeStillWorks(string claim)
    {
        var (emailId, code) = await Harness.SendCodeAsync(Email);

        var refused = await Harness.Client.PostAsync("/v1/otps/authenticate", new Dictionary<string, object?>
        {
            ["method_id"] = emailId, ["code"] = code, ["session_duration_minutes"] = 60, ["session_custom_claims"] = new Dictionary<string, object?> { [claim] = "x" },
        });
        var retry = await Harness.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code, session_duration_minutes = 60 });

        SessionHarness.AssertError(refused, 400, "reserved_claims_in_custom_claims");
        Assert.That(retry.Status, Is.EqualTo(200), retry.Text);
        Assert.That((await Harness.ListSessionsAsync(retry["user_id"]!)).Json["sessions"]!.AsArray(), Has.Count.EqualTo(1), "the refused call started no session");
    }

    [Test]
    public async Task OtpsAuthenticate_StytchClaim_Is400StytchClaimsInCustomClaims()
    {
        var response = await Harness.AuthenticateOtpAsync(Email, WithClaims(new Dictionary<string, object?> { ["https://stytch.com/session"] = new { id = "forged" } }));

        SessionHarness.AssertError(response, 400, "stytch_claims_in_custom_claims");
    }

    [Test]
    public async Task OtpsAuthenticate_ClaimsOver4Kb_Is400CustomClaimsTooLargeAndTheCodeStillWorks()
    {
        var (emailId, code) = await Harness.SendCodeAsync(Email);

        var refused = await Harness.Client.PostAsync("/v1/otps/authenticate",
            new { method_id = emailId, code, session_duration_minutes = 60, session_custom_claims = new { blob = new string('x', 4096) } });
        var retry = await Harness.Client.PostAsync("/v1/otps/authenticate", new { method_id = emailId, code });

        SessionHarness.AssertError(refused, 400, "custom_claims_too_large");
        Assert.That(retry.Status, Is.EqualTo(200), retry.Text);
    }

    [Test]
    public async Task OtpsAuthenticate_ClaimsJustUnder4Kb_Are200()
    {
        // {"blob":"…"} is 11 bytes around the value.
        var response = await Harness.AuthenticateOtpAsync(Email, WithClaims(new { blob = new string('x', 4096 - 11) }));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task OtpsAuthenticate_NumberBeyondADouble_Is400UnableToRepresentCustomClaimsJson()
    {
        var (emailId, code) = await Harness.SendCodeAsync(Email);

        var response = await Harness.Client.PostRawAsync("/v1/otps/authenticate",
            $$$"""{"method_id":"{{{emailId}}}","code":"{{{code}}}","session_duration_minutes":60,"session_custom_claims":{"n":1e400}}""");

        SessionHarness.AssertError(response, 400, "unable_to_represent_custom_claims_json");
    }

    [TestCase("[]")]
    [TestCase("\"plan\"")]
    [TestCase("1")]
    public async Task OtpsAuthenticate_ClaimsNotAnObject_Is400BadRequest(string claims)
    {
        var (emailId, code) = await Harness.SendCodeAsync(Email);

        var response = await Harness.Client.PostRawAsync("/v1/otps/authenticate",
            $$"""{"method_id":"{{emailId}}","code":"{{code}}","session_custom_claims":{{claims}}}""");

        SessionHarness.AssertError(response, 400, "bad_request");
    }

    [Test]
    public async Task SessionsAuthenticate_RefusedClaims_NeitherExtendTheSessionNorChangeItsClaims()
    {
        var login = await LoginWithClaimsAsync(new { plan = "pro" });
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(1));

        var refused = await Harness.AuthenticateSessionAsync(new
        {
            session_token = login.SessionToken,
            session_duration_minutes = 600,
            session_custom_claims = new { plan = "free", blob = new string('x', 5000) },
        });
        var listed = (await Harness.ListSessionsAsync(login.UserId)).Json["sessions"]![0]!;

        SessionHarness.AssertError(refused, 400, "custom_claims_too_large");
        Assert.That(SessionHarness.Time(listed["expires_at"]), Is.EqualTo(login.ExpiresAt));
        Assert.That(listed["last_accessed_at"]!.GetValue<string>(), Is.EqualTo(login.Session["last_accessed_at"]!.GetValue<string>()));
        Assert.That(Compact(listed["custom_claims"]), Is.EqualTo("""{"plan":"pro"}"""));
    }

    [Test]
    public async Task SessionsAuthenticate_ReservedClaim_Is400ReservedClaimsInCustomClaims()
    {
        var login = await LoginWithClaimsAsync(new { plan = "pro" });

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken, session_custom_claims = new { exp = 1 } });

        SessionHarness.AssertError(response, 400, "reserved_claims_in_custom_claims");
    }

    [Test]
    public async Task GetThenPutSnapshot_SessionWithClaims_CarriesThemToTheOtherProject()
    {
        var login = await LoginWithClaimsAsync(new { plan = "pro", nested = new { list = new object?[] { 1, null, "x" } } });
        var other = Harness.Stytch.CreateProject();
        using var otherClient = new WireClient(Harness.Stytch, other);

        var exported = await Harness.Client.GetAsync($"/_fake/v1/projects/{Harness.ProjectId}/snapshot");
        var imported = await Harness.Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{other.ProjectId}/snapshot", exported.Text);
        var session = await otherClient.PostAsync("/v1/sessions/authenticate", new { session_token = login.SessionToken });

        Assert.That(imported.Status, Is.EqualTo(200), imported.Text);
        Assert.That(session.Status, Is.EqualTo(200), session.Text);
        Assert.That(Compact(Claims(session)), Is.EqualTo("""{"nested":{"list":[1,null,"x"]},"plan":"pro"}"""));
    }

    [Test]
    public async Task PutSnapshot_SessionWithAReservedClaim_Is400AndChangesNothing()
    {
        var login = await LoginWithClaimsAsync(new { plan = "pro" });
        var exported = await Harness.Client.GetAsync($"/_fake/v1/projects/{Harness.ProjectId}/snapshot");
        var tampered = exported.Text.Replace("\"plan\"", "\"iss\"", StringComparison.Ordinal);

        var response = await Harness.Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{Harness.ProjectId}/snapshot", tampered);
        var still = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(tampered, Is.Not.EqualTo(exported.Text));
        SessionHarness.AssertError(response, 400, "bad_request");
        Assert.That(Compact(Claims(still)), Is.EqualTo("""{"plan":"pro"}"""));
    }
}
