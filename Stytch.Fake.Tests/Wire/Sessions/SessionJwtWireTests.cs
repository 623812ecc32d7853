using Microsoft.IdentityModel.JsonWebTokens;

namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary>The session JWT, read and validated as a relying party would, with keys from the JWKS only.</summary>
public sealed class SessionJwtWireTests : SessionWireTest
{
    private const string SessionClaim = "https://stytch.com/session";

    [Test]
    public async Task SessionJwt_FromOtpAuthenticate_ValidatesAgainstJwks()
    {
        var login = await Harness.LoginAsync();

        var result = await Harness.ValidateAsync(login.SessionJwt);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task SessionJwt_FromOtpAuthenticate_IsSignedByAJwksKeyWithItsKid()
    {
        var login = await Harness.LoginAsync();

        var result = await Harness.ValidateAsync(login.SessionJwt);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        Assert.That(((JsonWebToken)result.SecurityToken).SigningKey?.KeyId, Is.EqualTo(new JsonWebToken(login.SessionJwt).Kid));
    }

    [Test]
    public async Task SessionJwt_Header_IsRs256JwtWithKid()
    {
        var login = await Harness.LoginAsync();

        var header = SessionHarness.JwtHeader(login.SessionJwt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(header["alg"]?.GetValue<string>(), Is.EqualTo("RS256"));
            Assert.That(header["typ"]?.GetValue<string>(), Is.EqualTo("JWT"));
            Assert.That(header["kid"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        }
    }

    [Test]
    public async Task SessionJwt_Kid_IsPublishedInJwks()
    {
        var login = await Harness.LoginAsync();
        var keys = await Harness.KeySetAsync();

        Assert.That(keys.Keys.Select(k => k.Kid), Does.Contain(new JsonWebToken(login.SessionJwt).Kid));
    }

    [Test]
    public async Task SessionJwt_Sub_IsUserId()
    {
        var login = await Harness.LoginAsync();

        Assert.That(SessionHarness.JwtPayload(login.SessionJwt)["sub"]?.GetValue<string>(), Is.EqualTo(login.UserId));
    }

    [Test]
    public async Task SessionJwt_Aud_IsArrayHoldingProjectId()
    {
        var login = await Harness.LoginAsync();

        var aud = SessionHarness.JwtPayload(login.SessionJwt)["aud"];

        Assert.That(aud, Is.InstanceOf<System.Text.Json.Nodes.JsonArray>(), "aud must be a JSON array, as Stytch sends it");
        Assert.That(aud!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { Harness.ProjectId }));
    }

    [Test]
    public async Task SessionJwt_Iss_IsStytchComSlashProjectId()
    {
        var login = await Harness.LoginAsync();

        Assert.That(SessionHarness.JwtPayload(login.SessionJwt)["iss"]?.GetValue<string>(), Is.EqualTo("stytch.com/" + Harness.ProjectId));
    }

    [Test]
    public async Task SessionJwt_IatAndNbf_AreFakeClockNow()
    {
        Harness.Stytch.Clock.Advance(TimeSpan.FromHours(3));
        var login = await Harness.LoginAsync();

        var payload = SessionHarness.JwtPayload(login.SessionJwt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(payload["iat"]?.GetValue<long>(), Is.EqualTo(SessionHarness.Start.AddHours(3).ToUnixTimeSeconds()));
            Assert.That(payload["nbf"]?.GetValue<long>(), Is.EqualTo(SessionHarness.Start.AddHours(3).ToUnixTimeSeconds()));
        }
    }

    [Test]
    public async Task SessionJwt_Exp_IsIatPlus300Seconds()
    {
        var login = await Harness.LoginAsync(minutes: 60);

        var payload = SessionHarness.JwtPayload(login.SessionJwt);

        Assert.That(payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>(), Is.EqualTo(300));
    }

    [Test]
    public async Task SessionJwt_ShortSession_ExpStillFiveMinutesAfterIat()
    {
        var login = await Harness.LoginAsync(minutes: 5);

        var payload = SessionHarness.JwtPayload(login.SessionJwt);

        Assert.That(payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>(), Is.EqualTo(300));
    }

    [Test]
    public async Task SessionJwt_SessionClaim_HasStytchFields()
    {
        var login = await Harness.LoginAsync();

        var claim = SessionHarness.JwtPayload(login.SessionJwt)[SessionClaim]!.AsObject();

        Assert.That(claim.Select(p => p.Key), Is.SupersetOf(new[] { "id", "started_at", "last_accessed_at", "expires_at", "authentication_factors", "roles" }));
    }

    [Test]
    public async Task SessionJwt_SessionClaim_IdIsSessionId()
    {
        var login = await Harness.LoginAsync();

        var claim = SessionHarness.JwtPayload(login.SessionJwt)[SessionClaim]!;

        Assert.That(claim["id"]?.GetValue<string>(), Is.EqualTo(login.SessionId));
    }

    [Test]
    public async Task SessionJwt_SessionClaim_TimesMatchTheSession()
    {
        var login = await Harness.LoginAsync(minutes: 45);

        var claim = SessionHarness.JwtPayload(login.SessionJwt)[SessionClaim]!;

        using (Assert.EnterMultipleScope())
        {
            foreach (var field in new[] { "started_at", "last_accessed_at", "expires_at" })
            {
                Assert.That(claim[field]?.GetValue<string>(), Does.Match(SessionHarness.Rfc3339Utc()), field);
                Assert.That(claim[field]?.GetValue<string>(), Is.EqualTo(login.Session[field]?.GetValue<string>()), field);
            }
        }
    }

    [Test]
    public async Task SessionJwt_SessionClaim_AuthenticationFactorsMatchTheSession()
    {
        var login = await Harness.LoginAsync();

        var claim = SessionHarness.JwtPayload(login.SessionJwt)[SessionClaim]!;

        Assert.That(
            System.Text.Json.Nodes.JsonNode.DeepEquals(claim["authentication_factors"], login.Session["authentication_factors"]),
            Is.True,
            claim.ToJsonString());
    }

    [Test]
    public async Task SessionJwt_SessionClaim_FactorIsEmailOtpWithRfc3339Times()
    {
        var login = await Harness.LoginAsync("ada@example.com");

        var factor = SessionHarness.JwtPayload(login.SessionJwt)[SessionClaim]!["authentication_factors"]!.AsArray().Single()!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(factor["type"]?.GetValue<string>(), Is.EqualTo("otp"));
            Assert.That(factor["delivery_method"]?.GetValue<string>(), Is.EqualTo("email"));
            Assert.That(factor["email_factor"]?["email_address"]?.GetValue<string>(), Is.EqualTo("ada@example.com"));
            foreach (var field in new[] { "created_at", "updated_at", "last_authenticated_at" })
            {
                Assert.That(factor[field]?.GetValue<string>(), Does.Match(SessionHarness.Rfc3339Utc()), field);
            }
        }
    }

    [Test]
    public async Task SessionJwt_SessionClaim_RolesAreStytchUser()
    {
        var login = await Harness.LoginAsync();

        var roles = SessionHarness.JwtPayload(login.SessionJwt)[SessionClaim]!["roles"]!.AsArray();

        Assert.That(roles.Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_user" }));
    }

    [Test]
    public async Task SessionJwt_FromSessionsAuthenticateByJwt_ValidatesAgainstJwks()
    {
        var login = await Harness.LoginAsync();
        Harness.Stytch.Clock.Advance(TimeSpan.FromMinutes(4));

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        var result = await Harness.ValidateAsync(response["session_jwt"]!);
        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task SessionJwt_SignedWithForeignKey_FailsValidationAgainstJwks()
    {
        var login = await Harness.LoginAsync();
        var forged = Harness.Forge(login.SessionId, login.UserId, new JsonWebToken(login.SessionJwt).Kid);

        var result = await Harness.ValidateAsync(forged);

        Assert.That(result.IsValid, Is.False);
    }
}
