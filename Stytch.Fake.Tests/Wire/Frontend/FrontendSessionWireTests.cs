using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Stytch.Fake.Tests.Conformance;

namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>
/// Email OTP login through <c>/sdk/v1</c> and what follows with the session token as the Basic password: sessions
/// authenticate and revoke, users/me, and the same session at <c>/v1</c>.
/// </summary>
public sealed class FrontendSessionWireTests : FrontendWireTest
{
    [Test]
    public async Task OtpsAuthenticate_CodeSentAsToken_AnswersTheLoggedInShape()
    {
        var data = await LogInAsync();

        Assert.That(data["session_token"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(data["session_jwt"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(data["session"]!["session_id"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(data["session"]!["expires_at"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(data["user"]!["emails"]![0]!["email"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
    }

    [Test]
    public async Task OtpsAuthenticate_Data_MatchesTheBackendSchema()
    {
        var data = await LogInAsync();

        var errors = await OpenApiSchemas.ValidateAsync(OpenApiSchemas.Operation("POST", "/v1/otps/authenticate").ResponseSchema, data.ToJsonString());

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task OtpsEmailLoginOrCreate_DataBesidesMethodId_MatchesTheBackendSchema()
    {
        var sent = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var data = sent.Data;
        // method_id is the SDK API's own field (OTPsBaseResponse), not the backend's.
        data.Remove("method_id");

        var errors = await OpenApiSchemas.ValidateAsync(OpenApiSchemas.Operation("POST", "/v1/otps/email/login_or_create").ResponseSchema, data.ToJsonString());

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task OtpsAuthenticate_WrongCode_IsTheBackendsError()
    {
        var sent = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code == "000001" ? "000002" : "000001";

        var response = await SdkPostAsync("/sdk/v1/otps/authenticate", new { token = code, method_id = sent.Data["email_id"]!.GetValue<string>() });

        Assert.That(response.Status, Is.EqualTo(404), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("otp_code_not_found"));
    }

    [Test]
    public async Task SessionsAuthenticate_SessionTokenAsPassword_AuthenticatesThatSession()
    {
        var login = await LogInAsync();
        var token = login["session_token"]!.GetValue<string>();

        var response = await SdkPostAsync("/sdk/v1/sessions/authenticate", new { session_duration_minutes = 60 }, sessionToken: token);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["session"]!["session_id"]!.GetValue<string>(), Is.EqualTo(login["session"]!["session_id"]!.GetValue<string>()));
        Assert.That(response.Data["session_token"]!.GetValue<string>(), Is.EqualTo(token));
        Assert.That(response.Data["user"]!["user_id"]!.GetValue<string>(), Is.EqualTo(login["user_id"]!.GetValue<string>()));
    }

    [Test]
    public async Task SessionsAuthenticate_Data_MatchesTheBackendSchema()
    {
        var token = (await LogInAsync())["session_token"]!.GetValue<string>();

        var response = await SdkPostAsync("/sdk/v1/sessions/authenticate", sessionToken: token);

        var errors = await OpenApiSchemas.ValidateAsync(OpenApiSchemas.Operation("POST", "/v1/sessions/authenticate").ResponseSchema, response.Data.ToJsonString());
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task SessionsAuthenticate_PublicTokenAsPassword_IsSessionNotFound()
    {
        var response = await SdkPostAsync("/sdk/v1/sessions/authenticate");

        Assert.That(response.Status, Is.EqualTo(404), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("session_not_found"));
    }

    [Test]
    public async Task SessionsRevoke_SessionTokenAsPassword_EndsItAtV1Too()
    {
        var token = (await LogInAsync())["session_token"]!.GetValue<string>();

        var revoked = await SdkAsync(HttpMethod.Post, "/sdk/v1/sessions/revoke", sessionToken: token);
        var after = await Client.PostAsync("/v1/sessions/authenticate", new { session_token = token });

        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);
        Assert.That(after.ErrorType, Is.EqualTo("session_not_found"));
    }

    [Test]
    public async Task UsersMe_SessionTokenAsPassword_AnswersThatSessionsUser()
    {
        var login = await LogInAsync();

        var response = await SdkAsync(HttpMethod.Get, "/sdk/v1/users/me", sessionToken: login["session_token"]!.GetValue<string>());

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Data["user_id"]!.GetValue<string>(), Is.EqualTo(login["user_id"]!.GetValue<string>()));
        var errors = await OpenApiSchemas.ValidateAsync(OpenApiSchemas.Operation("GET", "/v1/users/{user_id}").ResponseSchema, response.Data.ToJsonString());
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task UsersMe_NotLoggedIn_IsSessionNotFound()
    {
        var response = await SdkAsync(HttpMethod.Get, "/sdk/v1/users/me");

        Assert.That(response.ErrorType, Is.EqualTo("session_not_found"));
    }

    [Test]
    public async Task SdkSession_AtV1SessionsAuthenticate_IsTheSameSession()
    {
        var login = await LogInAsync();

        var response = await Client.PostAsync("/v1/sessions/authenticate", new { session_token = login["session_token"]!.GetValue<string>() });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["session"]!["session_id"]!.GetValue<string>(), Is.EqualTo(login["session"]!["session_id"]!.GetValue<string>()));
    }

    [Test]
    public async Task SdkSessionJwt_VerifiesAgainstTheProjectsJwks()
    {
        var jwt = (await LogInAsync())["session_jwt"]!.GetValue<string>();
        var jwks = await Client.GetAsync("/v1/sessions/jwks/" + Stytch.ProjectId);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = $"stytch.com/{Stytch.ProjectId}",
            ValidAudience = Stytch.ProjectId,
            IssuerSigningKeys = new JsonWebKeySet(jwks.Text).GetSigningKeys(),
            // The fake's clock is frozen in 2030: lifetimes are checked on it, not on the wall clock.
            LifetimeValidator = (notBefore, expires, _, _) => expires > Time.GetUtcNow().UtcDateTime && !(notBefore > Time.GetUtcNow().UtcDateTime),
        });

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task OtpsEmailLoginOrCreate_Code_LandsInTheProjectsOutbox()
    {
        await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(Stytch.Outbox.LatestFor("ada@example.com").Code, Does.Match("^[0-9]{6}$"));
    }
}
