using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Stytch.Fake.Tests.Wire.Sessions;

/// <summary><c>GET /v1/sessions/jwks/{project_id}</c> and key rotation through the back door.</summary>
public sealed class JwksWireTests : SessionWireTest
{
    private async Task<JsonObject> OnlyKeyAsync()
    {
        var jwks = await Harness.JwksWithoutAuthAsync();
        Assert.That(jwks.Status, Is.EqualTo(200), jwks.Text);
        var keys = jwks.Json["keys"]!.AsArray();
        Assert.That(keys, Has.Count.EqualTo(1));
        return keys[0]!.AsObject();
    }

    private async Task<string[]> KidsAsync() =>
        (await Harness.JwksWithoutAuthAsync()).Json["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToArray();

    [Test]
    public async Task Jwks_WithoutAuthorizationHeader_Returns200()
    {
        var jwks = await Harness.JwksWithoutAuthAsync();

        Assert.That(jwks.Status, Is.EqualTo(200), jwks.Text);
        Assert.That(jwks.ContentType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task Jwks_WithoutAuthorizationHeader_ReturnsRequestIdKeysAndStatusCode()
    {
        var jwks = await Harness.JwksWithoutAuthAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(jwks.Json.Select(p => p.Key), Is.EquivalentTo(new[] { "request_id", "keys", "status_code" }));
            Assert.That(jwks["request_id"], Does.StartWith("request-id-test-"));
            Assert.That(jwks.Json["status_code"]?.GetValue<int>(), Is.EqualTo(200));
        }
    }

    [Test]
    public async Task Jwks_WithBasicAuth_Returns200WithSameKeys()
    {
        var anonymous = await Harness.JwksWithoutAuthAsync();

        var authenticated = await Harness.Client.GetAsync("/v1/sessions/jwks/" + Harness.ProjectId);

        Assert.That(authenticated.Status, Is.EqualTo(200), authenticated.Text);
        Assert.That(JsonNode.DeepEquals(authenticated.Json["keys"], anonymous.Json["keys"]), Is.True);
    }

    [Test]
    public async Task Jwks_WithWrongSecret_Returns401UnauthorizedCredentials()
    {
        using var wrong = new WireClient(Harness.Stytch.Url, Harness.ProjectId, "secret-test-wrong");

        var jwks = await wrong.GetAsync("/v1/sessions/jwks/" + Harness.ProjectId);

        SessionHarness.AssertError(jwks, 401, "unauthorized_credentials");
    }

    [Test]
    public async Task Jwks_WithOtherProjectsCredentials_Returns401UnauthorizedCredentials()
    {
        var other = Harness.Stytch.CreateProject();
        using var otherClient = new WireClient(Harness.Stytch, other);

        var jwks = await otherClient.GetAsync("/v1/sessions/jwks/" + Harness.ProjectId);

        SessionHarness.AssertError(jwks, 401, "unauthorized_credentials");
    }

    [Test]
    public async Task Jwks_UnknownProject_Returns404ProjectNotFound()
    {
        var jwks = await Harness.JwksWithoutAuthAsync("project-test-" + Guid.NewGuid().ToString("D"));

        Assert.That(jwks.Status, Is.EqualTo(404), jwks.Text);
        Assert.That(jwks.ErrorType, Is.EqualTo("project_not_found"));
    }

    [Test]
    public async Task Jwks_Key_HasEveryFieldOfTheJwkSchema()
    {
        var key = await OnlyKeyAsync();

        Assert.That(key.Select(p => p.Key), Is.EquivalentTo(new[] { "kty", "use", "key_ops", "alg", "kid", "x5c", "x5tS256", "n", "e" }));
    }

    [Test]
    public async Task Jwks_Key_IsRsaSignatureKeyForRs256()
    {
        var key = await OnlyKeyAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key["kty"]?.GetValue<string>(), Is.EqualTo("RSA"));
            Assert.That(key["use"]?.GetValue<string>(), Is.EqualTo("sig"));
            Assert.That(key["alg"]?.GetValue<string>(), Is.EqualTo("RS256"));
            Assert.That(key["kid"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(key["key_ops"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { "verify" }));
        }
    }

    [Test]
    public async Task Jwks_Key_ModulusIs2048BitsAndExponentIsAqab()
    {
        var key = await OnlyKeyAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Base64UrlEncoder.DecodeBytes(key["n"]!.GetValue<string>()), Has.Length.EqualTo(256));
            Assert.That(key["e"]?.GetValue<string>(), Is.EqualTo("AQAB"));
        }
    }

    [Test]
    public async Task Jwks_X5c_IsCertificateWhosePublicKeyMatchesNAndE()
    {
        var key = await OnlyKeyAsync();

        var x5c = key["x5c"]!.AsArray();
        Assert.That(x5c, Is.Not.Empty);
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(x5c[0]!.GetValue<string>()));
        using var rsa = certificate.GetRSAPublicKey();
        Assert.That(rsa, Is.Not.Null);
        var parameters = rsa!.ExportParameters(includePrivateParameters: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameters.Modulus, Is.EqualTo(Base64UrlEncoder.DecodeBytes(key["n"]!.GetValue<string>())));
            Assert.That(parameters.Exponent, Is.EqualTo(Base64UrlEncoder.DecodeBytes(key["e"]!.GetValue<string>())));
        }
    }

    [Test]
    public async Task Jwks_X5tS256_IsSha256ThumbprintOfCertificate()
    {
        var key = await OnlyKeyAsync();

        var der = Convert.FromBase64String(key["x5c"]![0]!.GetValue<string>());

        Assert.That(key["x5tS256"]?.GetValue<string>(), Is.EqualTo(Base64UrlEncoder.Encode(SHA256.HashData(der))));
    }

    [Test]
    public async Task Jwks_Json_BuildsKeySetWithOneSigningKey()
    {
        var keys = await Harness.KeySetAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys.Keys, Has.Count.EqualTo(1));
            Assert.That(keys.GetSigningKeys(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task Jwks_CalledTwice_ReturnsSameKid()
    {
        var first = await KidsAsync();

        var second = await KidsAsync();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Jwks_BeforeAnyLogin_PublishesKeyLaterJwtsUse()
    {
        var kids = await KidsAsync();

        var login = await Harness.LoginAsync();

        Assert.That(new JsonWebToken(login.SessionJwt).Kid, Is.EqualTo(kids.Single()));
    }

    [Test]
    public async Task Jwks_AcrossSessionsAndClockMoves_KidIsStable()
    {
        var first = await Harness.LoginAsync("ada@example.com");
        Harness.Stytch.Clock.Advance(TimeSpan.FromDays(30));
        var second = await Harness.LoginAsync("bob@example.com");

        Assert.That(new JsonWebToken(second.SessionJwt).Kid, Is.EqualTo(new JsonWebToken(first.SessionJwt).Kid));
    }

    [Test]
    public async Task Jwks_AfterReset_KeepsKey()
    {
        var before = await KidsAsync();

        Harness.Stytch.Reset();

        Assert.That(await KidsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task RotateKeys_Returns200WithNewKid()
    {
        var before = await KidsAsync();

        var rotated = await Harness.KeysAsync("rotate");

        Assert.That(rotated.Status, Is.EqualTo(200), rotated.Text);
        Assert.That(rotated["kid"], Is.Not.Null.And.Not.EqualTo(before.Single()));
    }

    [Test]
    public async Task RotateKeys_ThenJwks_HasOldAndNewKey()
    {
        var before = await KidsAsync();

        var rotated = await Harness.KeysAsync("rotate");

        Assert.That(await KidsAsync(), Is.EquivalentTo(new[] { before.Single(), rotated["kid"] }));
    }

    [Test]
    public async Task RotateKeys_NewJwts_UseNewKid()
    {
        await KidsAsync();
        var rotated = await Harness.KeysAsync("rotate");

        var login = await Harness.LoginAsync();

        Assert.That(new JsonWebToken(login.SessionJwt).Kid, Is.EqualTo(rotated["kid"]));
    }

    [Test]
    public async Task RotateKeys_NewJwt_ValidatesAgainstJwks()
    {
        await Harness.KeysAsync("rotate");
        var login = await Harness.LoginAsync();

        var result = await Harness.ValidateAsync(login.SessionJwt);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task RotateKeys_OldJwt_StillValidatesAgainstJwks()
    {
        var login = await Harness.LoginAsync();

        await Harness.KeysAsync("rotate");

        var result = await Harness.ValidateAsync(login.SessionJwt);
        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
    }

    [Test]
    public async Task RotateKeys_OldJwt_StillAuthenticatesAndIsReissuedWithNewKid()
    {
        var login = await Harness.LoginAsync();
        var rotated = await Harness.KeysAsync("rotate");

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(new JsonWebToken(response["session_jwt"]!).Kid, Is.EqualTo(rotated["kid"]));
    }

    [Test]
    public async Task RemoveOldKeys_AfterRotate_LeavesOnlyNewKey()
    {
        await KidsAsync();
        var rotated = await Harness.KeysAsync("rotate");

        var removed = await Harness.KeysAsync("remove_old");

        Assert.That(removed.Status, Is.EqualTo(200), removed.Text);
        Assert.That(await KidsAsync(), Is.EqualTo(new[] { rotated["kid"] }));
    }

    [Test]
    public async Task RemoveOldKeys_OldJwt_NoLongerValidatesAgainstJwks()
    {
        var login = await Harness.LoginAsync();
        await Harness.KeysAsync("rotate");
        await Harness.KeysAsync("remove_old");

        var result = await Harness.ValidateAsync(login.SessionJwt);

        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public async Task RemoveOldKeys_OldJwt_Returns400UnableToParseSessionJwt()
    {
        var login = await Harness.LoginAsync();
        await Harness.KeysAsync("rotate");
        await Harness.KeysAsync("remove_old");

        var response = await Harness.AuthenticateSessionAsync(new { session_jwt = login.SessionJwt });

        SessionHarness.AssertError(response, 400, "unable_to_parse_session_jwt");
    }

    [Test]
    public async Task RemoveOldKeys_OldSessionToken_StillAuthenticates()
    {
        var login = await Harness.LoginAsync();
        await Harness.KeysAsync("rotate");
        await Harness.KeysAsync("remove_old");

        var response = await Harness.AuthenticateSessionAsync(new { session_token = login.SessionToken });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task RotateKeys_OnProjectWhoseKeyWasNeverUsed_JwksHasTwoKeys()
    {
        var fresh = Harness.Stytch.CreateProject();

        var rotated = await Harness.Client.PostRawAsync($"/_fake/v1/projects/{fresh.ProjectId}/keys/rotate", "{}");

        var jwks = await Harness.JwksWithoutAuthAsync(fresh.ProjectId);
        Assert.That(rotated.Status, Is.EqualTo(200), rotated.Text);
        var kids = jwks.Json["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToArray();
        Assert.That(kids, Has.Length.EqualTo(2).And.Contains(rotated["kid"]));
    }

    [Test]
    public async Task RotateSigningKey_InProcess_ShowsInJwks()
    {
        var kid = Harness.Stytch.DefaultProject.RotateSigningKey();

        Assert.That(await KidsAsync(), Does.Contain(kid).And.Length.EqualTo(2));
    }
}
