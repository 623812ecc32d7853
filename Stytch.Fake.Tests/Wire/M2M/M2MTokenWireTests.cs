using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Stytch.Fake.Tests.Wire.Sessions;

namespace Stytch.Fake.Tests.Wire.M2M;

/// <summary><c>POST /v1/public/{project_id}/oauth2/token</c> over loopback HTTP: the grant, its access token and its OAuth errors.</summary>
public sealed class M2MTokenWireTests : M2MWireTest
{
    private static readonly string[] OAuthErrorKeys = ["error", "error_description", "error_uri", "request_id", "status_code"];

    private async Task<WireResult> PostAsync(HttpContent content, AuthenticationHeaderValue? authorization = null, string? path = null)
    {
        using var http = new HttpClient { BaseAddress = Stytch.Url };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path ?? TokenPath, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = authorization;
        using var response = await http.SendAsync(request);
        return new WireResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] form) =>
        new(form.Select(p => KeyValuePair.Create(p.Name, p.Value)));

    private async Task<TokenValidationResult> ValidateAsync(string jwt)
    {
        using var http = new HttpClient { BaseAddress = Stytch.Url };
        var jwks = new JsonWebKeySet(await http.GetStringAsync(new Uri($"v1/sessions/jwks/{Stytch.ProjectId}", UriKind.Relative)));
        return await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = "stytch.com/" + Stytch.ProjectId,
            ValidAudience = Stytch.ProjectId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            // The fake's clock is frozen years from now: lifetime is checked against it in its own test.
            ValidateLifetime = false,
        });
    }

    private static void AssertOAuthError(WireResult response, int status, string error)
    {
        var json = response.Json;
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(status), response.Text);
            Assert.That(WireShapes.Keys(json), Is.EqualTo(OAuthErrorKeys), response.Text);
            Assert.That(Str(json["error"]), Is.EqualTo(error));
            Assert.That(Str(json["error_description"]), Is.Not.Empty);
            Assert.That(Str(json["error_uri"]), Is.EqualTo($"https://stytch.com/docs/api/errors/{status}"));
            Assert.That(json["status_code"]!.GetValue<int>(), Is.EqualTo(status));
            Assert.That(Str(json["request_id"]), Does.Match(WireShapes.RequestId()));
        });
    }

    [Test]
    public async Task Token_ClientCredentialsForm_AnswersABearerTokenForAnHour()
    {
        var client = await CreateClientAsync("read:users");

        var response = await TokenAsync(client);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("access_token", "expires_in", "request_id", "status_code", "token_type")));
            Assert.That(response["token_type"], Is.EqualTo("bearer"));
            Assert.That(response.Json["expires_in"]!.GetValue<int>(), Is.EqualTo(3600));
            Assert.That(response["request_id"], Does.Match(WireShapes.RequestId()));
        });
    }

    [Test]
    public async Task Token_AccessToken_VerifiesAgainstTheProjectsJwks()
    {
        var client = await CreateClientAsync("read:users");

        var token = (await TokenAsync(client))["access_token"]!;
        var result = await ValidateAsync(token);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        Assert.That(new JsonWebToken(token).Kid, Is.EqualTo(Stytch.DefaultProject.Jwts.Keys.Current.Kid));
    }

    [Test]
    public async Task Token_AccessToken_CarriesStytchsClaimsOnTheProjectClock()
    {
        var client = await CreateClientAsync("read:users", "write:users");
        Time.Advance(TimeSpan.FromMinutes(7));
        var now = Stytch.Clock.Now.ToUnixTimeSeconds();

        var token = (await TokenAsync(client))["access_token"]!;

        var header = SessionHarness.JwtHeader(token);
        var payload = SessionHarness.JwtPayload(token);
        Assert.Multiple(() =>
        {
            Assert.That((Str(header["alg"]), Str(header["typ"])), Is.EqualTo(("RS256", "JWT")));
            Assert.That(Str(payload["sub"]), Is.EqualTo(Str(client["client_id"])));
            Assert.That(Str(payload["iss"]), Is.EqualTo("stytch.com/" + Stytch.ProjectId));
            Assert.That(AudienceOf(payload), Is.EqualTo(new[] { Stytch.ProjectId }));
            Assert.That(Str(payload["scope"]), Is.EqualTo("read:users write:users"));
            Assert.That(payload["iat"]!.GetValue<long>(), Is.EqualTo(now));
            Assert.That(payload["nbf"]!.GetValue<long>(), Is.EqualTo(now));
            Assert.That(payload["exp"]!.GetValue<long>(), Is.EqualTo(now + 3600));
        });
    }

    private static string[] AudienceOf(JsonObject payload) =>
        payload["aud"] is JsonArray array ? Strings(array) : [Str(payload["aud"])];

    [Test]
    public async Task Token_SubsetOfScopes_GrantsOnlyThose()
    {
        var client = await CreateClientAsync("read:users", "write:users", "admin");

        var token = (await TokenAsync(client, scope: "write:users read:users"))["access_token"]!;

        Assert.That(Str(SessionHarness.JwtPayload(token)["scope"]), Is.EqualTo("write:users read:users"));
    }

    [Test]
    public async Task Token_ScopeNotTheClients_AnswersInvalidScope()
    {
        var client = await CreateClientAsync("read:users");

        var response = await TokenAsync(client, scope: "read:users write:users");

        AssertOAuthError(response, 400, "invalid_scope");
    }

    [Test]
    public async Task Token_WrongSecret_AnswersInvalidClient()
    {
        var client = await CreateClientAsync("read:users");

        var response = await TokenAsync(client, secret: "wrong-secret-of-the-right-length-00000000000");

        AssertOAuthError(response, 400, "invalid_client");
    }

    [Test]
    public async Task Token_UnknownClient_AnswersInvalidClient()
    {
        var response = await TokenAsync(("client_id", "nobody"), ("client_secret", "whatever-it-is"), ("grant_type", "client_credentials"));

        AssertOAuthError(response, 400, "invalid_client");
    }

    [Test]
    public async Task Token_NoSecret_AnswersInvalidClient()
    {
        var client = await CreateClientAsync("read:users");

        var response = await TokenAsync(("client_id", Str(client["client_id"])), ("grant_type", "client_credentials"));

        AssertOAuthError(response, 400, "invalid_client");
    }

    [Test]
    public async Task Token_InactiveClient_AnswersInvalidClient()
    {
        var client = await CreateClientAsync("read:users");
        await Client.SendAsync(HttpMethod.Put, $"{ClientsPath}/{Str(client["client_id"])}", """{"status":"inactive"}""");

        var response = await TokenAsync(client);

        AssertOAuthError(response, 400, "invalid_client");
    }

    [Test]
    public async Task Token_ReactivatedClient_GetsATokenAgain()
    {
        var client = await CreateClientAsync("read:users");
        var path = $"{ClientsPath}/{Str(client["client_id"])}";
        await Client.SendAsync(HttpMethod.Put, path, """{"status":"inactive"}""");
        await Client.SendAsync(HttpMethod.Put, path, """{"status":"active"}""");

        var response = await TokenAsync(client);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Token_DeletedClient_AnswersInvalidClient()
    {
        var client = await CreateClientAsync("read:users");
        await Client.DeleteAsync($"{ClientsPath}/{Str(client["client_id"])}");

        var response = await TokenAsync(client);

        AssertOAuthError(response, 400, "invalid_client");
    }

    [Test]
    public async Task Token_NoGrantType_AnswersInvalidRequest()
    {
        var client = await CreateClientAsync("read:users");

        var response = await TokenAsync(("client_id", Str(client["client_id"])), ("client_secret", Str(client["client_secret"])));

        AssertOAuthError(response, 400, "invalid_request");
    }

    [Test]
    public async Task Token_PasswordGrant_AnswersUnsupportedGrantType()
    {
        var client = await CreateClientAsync("read:users");

        var response = await TokenAsync(("client_id", Str(client["client_id"])), ("client_secret", Str(client["client_secret"])), ("grant_type", "password"));

        AssertOAuthError(response, 400, "unsupported_grant_type");
    }

    [Test]
    public async Task Token_ParameterSentTwice_AnswersInvalidRequest()
    {
        var client = await CreateClientAsync("read:users");

        var response = await TokenAsync(("client_id", Str(client["client_id"])), ("client_secret", Str(client["client_secret"])),
            ("grant_type", "client_credentials"), ("scope", "read:users"), ("scope", "read:users"));

        AssertOAuthError(response, 400, "invalid_request");
    }

    [Test]
    public async Task Token_JsonBody_IsAcceptedToo()
    {
        var client = await CreateClientAsync("read:users");
        var json = $$"""{"client_id":"{{Str(client["client_id"])}}","client_secret":"{{Str(client["client_secret"])}}","grant_type":"client_credentials"}""";

        var response = await PostAsync(new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Token_JsonBodyThatIsNotJson_AnswersInvalidRequest()
    {
        var response = await PostAsync(new StringContent("{nope", Encoding.UTF8, "application/json"));

        AssertOAuthError(response, 400, "invalid_request");
    }

    [Test]
    public async Task Token_FormBodyThatIsNotUtf8_AnswersInvalidRequest()
    {
        var content = new ByteArrayContent([0x67, 0x72, 0x61, 0x6e, 0x74, 0x3d, 0xff, 0xfe]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await PostAsync(content);

        AssertOAuthError(response, 400, "invalid_request");
    }

    [Test]
    public async Task Token_ClientCredentialsInBasicHeader_AreAccepted()
    {
        var client = await CreateClientAsync("read:users");

        var response = await PostAsync(Form(("grant_type", "client_credentials")), Basic(Str(client["client_id"]), Str(client["client_secret"])));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(SessionHarness.JwtPayload(response["access_token"]!)["sub"]), Is.EqualTo(Str(client["client_id"])));
    }

    [Test]
    public async Task Token_WrongClientCredentialsInBasicHeader_Answer401InvalidClient()
    {
        var client = await CreateClientAsync("read:users");

        var response = await PostAsync(Form(("grant_type", "client_credentials")), Basic(Str(client["client_id"]), "not-the-secret"));

        AssertOAuthError(response, 401, "invalid_client");
    }

    [Test]
    public async Task Token_ProjectBasicAuthWithClientInBody_IsAcceptedAsTheDotnetSdkSendsIt()
    {
        var client = await CreateClientAsync("read:users");

        var response = await PostAsync(
            Form(("client_id", Str(client["client_id"])), ("client_secret", Str(client["client_secret"])), ("grant_type", "client_credentials")),
            Basic(Stytch.ProjectId, Stytch.Secret));

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Token_ProjectBasicAuthAndNoClient_AnswersInvalidClient()
    {
        var response = await PostAsync(Form(("grant_type", "client_credentials")), Basic(Stytch.ProjectId, Stytch.Secret));

        AssertOAuthError(response, 400, "invalid_client");
    }

    [Test]
    public async Task Token_UnknownProjectInPath_AnswersProjectNotFoundInTheOAuthShape()
    {
        var client = await CreateClientAsync("read:users");

        var response = await PostAsync(
            Form(("client_id", Str(client["client_id"])), ("client_secret", Str(client["client_secret"])), ("grant_type", "client_credentials")),
            path: "/v1/public/project-test-00000000-0000-4000-8000-000000000000/oauth2/token");

        AssertOAuthError(response, 404, "project_not_found");
    }

    [Test]
    public async Task Token_OtherProjectsClient_AnswersInvalidClient()
    {
        var other = Stytch.CreateProject();
        var created = other.M2M.Create(["read:users"]);

        var response = await TokenAsync(("client_id", created.Client.ClientId), ("client_secret", created.Secret), ("grant_type", "client_credentials"));

        AssertOAuthError(response, 400, "invalid_client");
    }

    [Test]
    public async Task Token_FaultRule_AnswersTheFaultInTheOAuthShape()
    {
        var client = await CreateClientAsync("read:users");
        Stytch.Faults.Next("m2m.token").Fail(StytchError.TooManyRequests);

        var response = await TokenAsync(client);

        AssertOAuthError(response, 429, "too_many_requests");
    }

    [Test]
    public async Task Token_SecretsAreNotInTheSnapshot()
    {
        var client = await CreateClientAsync("read:users");

        var snapshot = Stytch.DefaultProject.ExportSnapshot();

        Assert.That(snapshot, Does.Not.Contain(Str(client["client_secret"])));
    }
}
