using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>Credentials, body parsing, routing and the error envelope, over loopback HTTP.</summary>
public sealed class ErrorWireTests : FakeWireTest
{
    private const string LoginOrCreatePath = "/v1/otps/email/login_or_create";
    private static readonly string[] EnvelopeKeys = WireShapes.Sorted("status_code", "request_id", "error_type", "error_message", "error_url");

    // ---- credentials ------------------------------------------------------------------------------

    [Test]
    public async Task AnyCall_NoAuthorizationHeader_Returns401UnauthorizedCredentials()
    {
        using var client = new WireClient(Stytch);
        client.Http.DefaultRequestHeaders.Authorization = null;

        var response = await client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.ErrorType, Is.EqualTo("unauthorized_credentials"));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task AnyCall_WrongSecret_Returns401UnauthorizedCredentials()
    {
        using var client = new WireClient(Stytch.Url, Stytch.ProjectId, Stytch.Secret + "x");

        var response = await client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task AnyCall_UnknownProject_Returns401UnauthorizedCredentials()
    {
        using var client = new WireClient(Stytch.Url, "project-test-00000000-0000-4000-8000-000000000000", Stytch.Secret);

        var response = await client.GetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000");

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task AnyCall_BearerInsteadOfBasic_Returns401UnauthorizedCredentials()
    {
        using var client = new WireClient(Stytch);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Stytch.Secret);

        var response = await client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task AnyCall_UndecodableBasicValue_Returns401UnauthorizedCredentials()
    {
        using var client = new WireClient(Stytch);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "%%%not-base64%%%");

        var response = await client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [TestCase("not-a-project")]
    [TestCase("project-test-123")]
    public async Task AnyCall_UsernameNotShapedLikeProjectId_Returns400InvalidProjectIdAuthentication(string username)
    {
        using var client = new WireClient(Stytch.Url, username, Stytch.Secret);

        var response = await client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("invalid_project_id_authentication"));
        Assert.That(response["error_message"], Is.EqualTo(StytchError.InvalidProjectIdAuthentication.Message));
    }

    [Test]
    public async Task AnyCall_ProjectIdWithTrailingSpace_Returns400InvalidProjectIdAuthentication()
    {
        using var client = new WireClient(Stytch.Url, Stytch.ProjectId + " ", Stytch.Secret);

        var response = await client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("invalid_project_id_authentication"));
    }

    // ---- bodies -----------------------------------------------------------------------------------

    // Each message names what was wrong (the field and what it must be, or where the JSON broke), so a failing test
    // says what to fix; Stytch's own bad_request says only "The submitted request is invalid."
    [TestCase("{", "The request body is not valid JSON at line 1, byte 2: ", TestName = "LoginOrCreate_InvalidJson_Returns400BadRequestSayingWhere")]
    [TestCase("{\n  \"email\": \"ada@example.com\",\n  }", "The request body is not valid JSON at line 3, byte 3: ", TestName = "LoginOrCreate_TrailingCommaOnLineThree_Returns400BadRequestSayingWhere")]
    [TestCase("""[{"email":"ada@example.com"}]""", "The request body must be a JSON object, not an array.", TestName = "LoginOrCreate_JsonArrayBody_Returns400BadRequest")]
    [TestCase("", "The request body is empty: send a JSON object.", TestName = "LoginOrCreate_EmptyBody_Returns400BadRequest")]
    [TestCase("\"ada@example.com\"", "The request body must be a JSON object, not a string.", TestName = "LoginOrCreate_JsonStringBody_Returns400BadRequest")]
    [TestCase("null", "The request body must be a JSON object, not null.", TestName = "LoginOrCreate_JsonNullBody_Returns400BadRequest")]
    [TestCase("""{"email":5}""", "email must be a string, not the number 5.", TestName = "LoginOrCreate_EmailAsNumber_Returns400BadRequestNamingTheField")]
    [TestCase("""{"email":"ada@example.com","expiration_minutes":"5"}""", "expiration_minutes must be an integer, not a string.", TestName = "LoginOrCreate_ExpirationAsString_Returns400BadRequestNamingTheField")]
    [TestCase("""{"email":"ada@example.com","expiration_minutes":2.5}""", "expiration_minutes must be an integer, not the number 2.5.", TestName = "LoginOrCreate_ExpirationAsFraction_Returns400BadRequestNamingTheField")]
    [TestCase("""{"email":"ada@example.com","create_user_as_pending":"yes"}""", "create_user_as_pending must be true or false, not a string.", TestName = "LoginOrCreate_PendingAsString_Returns400BadRequestNamingTheField")]
    [TestCase("""{"email":"ada@example.com","attributes":"x"}""", "attributes must be an object, not a string.", TestName = "LoginOrCreate_AttributesNotObject_Returns400BadRequestNamingTheField")]
    [TestCase("""{"email":"ada@example.com","attributes":{"ip_address":1}}""", "attributes.ip_address must be a string, not the number 1.", TestName = "LoginOrCreate_AttributeAsNumber_Returns400BadRequestNamingItsPath")]
    [TestCase("""{"email":"ada@example.com","expiration_minutes":99999999999}""", "expiration_minutes must be an integer between -2147483648 and 2147483647.", TestName = "LoginOrCreate_ExpirationOverflowsInt32_Returns400BadRequestNamingTheField")]
    public async Task LoginOrCreate_MalformedBody_Returns400BadRequest(string body, string message)
    {
        var response = await Client.PostRawAsync(LoginOrCreatePath, body);

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(response["error_message"], Does.StartWith(message));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [TestCase("""{"options":{"ip_match_required":"yes"}}""", "options.ip_match_required must be true or false, not a string.", TestName = "OtpsAuthenticate_OptionsMemberAsString_Returns400BadRequestNamingItsPath")]
    [TestCase("""{"session_custom_claims":"x"}""", "session_custom_claims must be an object, not a string.", TestName = "OtpsAuthenticate_CustomClaimsAsString_Returns400BadRequestNamingTheField")]
    [TestCase("""{"session_duration_minutes":true}""", "session_duration_minutes must be an integer, not a boolean.", TestName = "OtpsAuthenticate_DurationAsBoolean_Returns400BadRequestNamingTheField")]
    public async Task OtpsAuthenticate_MistypedField_Returns400BadRequestNamingIt(string fields, string message)
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var body = $$"""{"method_id":"{{created["email_id"]}}","code":"123456",""" + fields[1..];

        var response = await Client.PostRawAsync("/v1/otps/authenticate", body);

        Assert.That(response.ErrorType, Is.EqualTo("bad_request"), response.Text);
        Assert.That(response["error_message"], Is.EqualTo(message));
        Assert.That(Stytch.DefaultProject.Sessions.Of(created["user_id"]!), Is.Empty);
    }

    [Test]
    public async Task LoginOrCreate_DeeplyNestedJson_Returns400BadRequest()
    {
        var body = """{"email":"ada@example.com","attributes":""" + new string('[', 200) + new string(']', 200) + "}";

        var response = await Client.PostRawAsync(LoginOrCreatePath, body);

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(response["error_message"], Does.StartWith("The request body is not valid JSON at line 1, byte ").And.Contain("depth of 32"));
    }

    [Test]
    public async Task LoginOrCreate_OversizedBody_Returns400BadRequest()
    {
        var body = "{\"email\":\"ada@example.com\",\"login_template_id\":\"" + new string('x', 1_100_000) + "\"}";

        var response = await Client.PostRawAsync(LoginOrCreatePath, body);

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(response["error_message"], Is.EqualTo("The request body is larger than 1 MB."));
    }

    [Test]
    public async Task LoginOrCreate_JsonWithoutContentType_IsStillParsed()
    {
        var response = await Client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com"}""", "text/plain");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Json["user_created"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task BadCredentials_AndBadBody_CredentialsAreCheckedFirst()
    {
        using var client = new WireClient(Stytch.Url, Stytch.ProjectId, "wrong");

        var response = await client.PostRawAsync(LoginOrCreatePath, "{");

        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    // ---- routing ----------------------------------------------------------------------------------

    [TestCase("/v1/nope")]
    [TestCase("/v1/otps/email/login_or_create/extra")]
    [TestCase("/v1")]
    public async Task AnyCall_UnknownV1Route_Returns404RouteNotFound(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ErrorType, Is.EqualTo("route_not_found"));
        Assert.That(response["error_message"], Is.EqualTo("The route provided is not supported."));
    }

    [Test]
    public async Task AnyCall_UnknownV1RouteWithoutCredentials_Returns404RouteNotFound()
    {
        using var client = new WireClient(Stytch);
        client.Http.DefaultRequestHeaders.Authorization = null;

        var response = await client.PostAsync("/v1/nope", new { });

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ErrorType, Is.EqualTo("route_not_found"));
    }

    [TestCase("GET", "/v1/otps/email/login_or_create")]
    [TestCase("PUT", "/v1/otps/authenticate")]
    [TestCase("DELETE", "/v1/otps/email/send")]
    [TestCase("POST", "/v1/users/user-test-00000000-0000-4000-8000-000000000000")]
    public async Task AnyCall_WrongMethodOnKnownRoute_Returns405MethodNotAllowed(string method, string path)
    {
        var response = await Client.SendAsync(new HttpMethod(method), path, method is "POST" or "PUT" ? "{}" : null);

        Assert.That(response.Status, Is.EqualTo(405));
        Assert.That(response.ErrorType, Is.EqualTo("method_not_allowed"));
        Assert.That(response["error_message"], Is.EqualTo("The method used is not supported."));
    }

    // ---- envelope and canned bodies -------------------------------------------------------------

    [Test]
    public async Task InvalidEmail_Body_MatchesTheSeedFixtureFieldByField()
    {
        var expected = WireShapes.Fixture("errors/400_invalid_email.json");

        var response = await LoginOrCreateAsync("no-at");

        AssertSameEnvelope(response, expected);
    }

    [Test]
    public async Task UnauthorizedCredentials_Body_MatchesTheSeedFixtureFieldByField()
    {
        var expected = WireShapes.Fixture("errors/401_unauthorized_credentials.json");
        using var client = new WireClient(Stytch.Url, Stytch.ProjectId, "wrong");

        var response = await client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" });

        AssertSameEnvelope(response, expected);
    }

    [TestCase("errors/400_invalid_email.json")]
    [TestCase("errors/401_unauthorized_credentials.json")]
    [TestCase("errors/429_too_many_requests.json")]
    [TestCase("errors/500_internal_server_error.json")]
    public void SeedFixture_EveryCannedBody_MatchesTheCatalogueEntry(string fixture)
    {
        var body = WireShapes.Fixture(fixture);

        var error = StytchError.Find(body["error_type"]!.GetValue<string>());

        Assert.That(error, Is.Not.Null);
        Assert.That(WireShapes.Keys(body), Is.EqualTo(EnvelopeKeys));
        Assert.That(body["status_code"]!.GetValue<int>(), Is.EqualTo(error!.StatusCode));
        Assert.That(body["error_message"]!.GetValue<string>(), Is.EqualTo(error.Message));
        Assert.That(body["error_url"]!.GetValue<string>(), Is.EqualTo($"https://stytch.com/docs/api/errors/{error.StatusCode}"));
    }

    [Test]
    public void TooManyRequestsFixture_Fields_EqualStytchErrorTooManyRequests()
    {
        var body = WireShapes.Fixture("errors/429_too_many_requests.json");

        Assert.That(body["error_type"]!.GetValue<string>(), Is.EqualTo(StytchError.TooManyRequests.ErrorType));
        Assert.That(body["status_code"]!.GetValue<int>(), Is.EqualTo(StytchError.TooManyRequests.StatusCode).And.EqualTo(429));
        Assert.That(body["error_message"]!.GetValue<string>(), Is.EqualTo(StytchError.TooManyRequests.Message));
        Assert.That(body["error_url"]!.GetValue<string>(), Is.EqualTo("https://stytch.com/docs/api/errors/429"));
    }

    [Test]
    public void InternalServerErrorFixture_Fields_EqualStytchErrorInternalServerError()
    {
        var body = WireShapes.Fixture("errors/500_internal_server_error.json");

        Assert.That(body["error_type"]!.GetValue<string>(), Is.EqualTo(StytchError.InternalServerError.ErrorType));
        Assert.That(body["status_code"]!.GetValue<int>(), Is.EqualTo(StytchError.InternalServerError.StatusCode).And.EqualTo(500));
        Assert.That(body["error_message"]!.GetValue<string>(), Is.EqualTo(StytchError.InternalServerError.Message));
        Assert.That(body["error_url"]!.GetValue<string>(), Is.EqualTo("https://stytch.com/docs/api/errors/500"));
    }

    [Test]
    public async Task EveryErrorBody_Envelope_HasExactlyTheFiveKeysAndNoErrorKey()
    {
        using var noAuth = new WireClient(Stytch);
        noAuth.Http.DefaultRequestHeaders.Authorization = null;
        var responses = new[]
        {
            await LoginOrCreateAsync("no-at"),
            await Client.PostRawAsync(LoginOrCreatePath, "{"),
            await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", locale = "de" }),
            await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", expiration_minutes = 0 }),
            await Client.PostAsync("/v1/otps/email/send", new { email = "nobody@example.com" }),
            await AuthenticateAsync("nope", "123456"),
            await AuthenticateAsync("email-test-00000000-0000-4000-8000-000000000000", "12345"),
            await AuthenticateAsync("email-test-00000000-0000-4000-8000-000000000000", "123456"),
            await Client.GetAsync("/v1/users/a%20b"),
            await Client.GetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000"),
            await Client.GetAsync("/v1/nope"),
            await Client.GetAsync(LoginOrCreatePath),
            await noAuth.PostAsync(LoginOrCreatePath, new { email = "ada@example.com" }),
        };

        Assert.Multiple(() =>
        {
            foreach (var response in responses)
            {
                Assert.That(response.Status, Is.InRange(400, 499), response.Text);
                Assert.That(response.Json.ContainsKey("error"), Is.False, response.Text);
                Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(EnvelopeKeys), response.Text);
                Assert.That(response.Json["status_code"]!.GetValue<int>(), Is.EqualTo(response.Status), response.Text);
                Assert.That(response["error_url"], Is.EqualTo($"https://stytch.com/docs/api/errors/{response.Status}"), response.Text);
                Assert.That(response["request_id"], Does.Match(WireShapes.RequestId()), response.Text);
                Assert.That(response.ContentType, Is.EqualTo("application/json"), response.Text);
            }
        });
    }

    [Test]
    public async Task EveryErrorBody_StatusAndMessage_ComeFromTheCatalogue()
    {
        var responses = new[]
        {
            await LoginOrCreateAsync("no-at"),
            await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", locale = "de" }),
            await AuthenticateAsync("nope", "123456"),
            await Client.GetAsync("/v1/nope"),
        };

        foreach (var response in responses)
        {
            var error = StytchError.Find(response.ErrorType!);
            Assert.That(error, Is.Not.Null, response.Text);
            Assert.That(response.Status, Is.EqualTo(error!.StatusCode), response.Text);
            Assert.That(response["error_message"], Is.EqualTo(error.Message), response.Text);
        }
    }

    private static void AssertSameEnvelope(WireResult response, JsonObject expected)
    {
        var actual = response.Json;
        Assert.That(response.Status, Is.EqualTo(expected["status_code"]!.GetValue<int>()));
        Assert.That(WireShapes.Keys(actual), Is.EqualTo(WireShapes.Keys(expected)));
        foreach (var (key, value) in expected)
        {
            if (key == "request_id")
            {
                Assert.That(actual[key]!.GetValue<string>(), Does.Match(WireShapes.RequestId()));
                continue;
            }

            Assert.That(JsonNode.DeepEquals(actual[key], value), Is.True, $"{key}: expected {value?.ToJsonString()}, got {actual[key]?.ToJsonString()}");
        }
    }
}
