using Stytch.Fake.Http;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// Calls to Stytch endpoints the fake does not serve: Stytch's 404 envelope saying so, distinct from a mistyped path,
/// and <c>GET /_fake/v1/endpoints</c> listing what is and is not implemented.
/// </summary>
public sealed class NotImplementedWireTests : FakeWireTest
{
    private const string NotImplemented = " is a Stytch endpoint Stytch.Fake does not implement yet.";

    [TestCase("POST", "/v1/crypto_wallets/authenticate/start", "POST /v1/crypto_wallets/authenticate/start")]
    [TestCase("PUT", "/v1/users/user-test-00000000-0000-4000-8000-000000000000/exchange_primary_factor", "PUT /v1/users/{user_id}/exchange_primary_factor")]
    [TestCase("DELETE", "/v1/users/totps/totp-test-00000000-0000-4000-8000-000000000000", "DELETE /v1/users/totps/{totp_id}")]
    [TestCase("POST", "/v1/b2b/sso/authenticate", "POST /v1/b2b/sso/authenticate")]
    [TestCase("DELETE", "/v1/b2b/organizations/org-1/members/passwords/password-1", "DELETE /v1/b2b/organizations/{organization_id}/members/passwords/{member_password_id}")]
    public async Task AnyCall_StytchEndpointNotImplemented_Returns404NamingTheOperation(string method, string path, string operation)
    {
        var response = await Client.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : "{}");

        Assert.That(response.Status, Is.EqualTo(404), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("route_not_found"));
        Assert.That(response["error_message"], Does.StartWith(operation + NotImplemented));
        Assert.That(response.Json["status_code"]!.GetValue<int>(), Is.EqualTo(404));
        Assert.That(response["request_id"], Does.Match(WireShapes.RequestId().ToString()));
        Assert.That(response["error_url"], Is.EqualTo("https://stytch.com/docs/api/errors/404"));
    }

    [Test]
    public async Task AnyCall_StytchEndpointNotImplementedWithoutCredentials_Returns404NamingTheOperation()
    {
        using var anonymous = new WireClient(Stytch);
        anonymous.Http.DefaultRequestHeaders.Authorization = null;

        var response = await anonymous.PostAsync("/v1/crypto_wallets/authenticate", new { crypto_wallet_address = "0x0", crypto_wallet_type = "ethereum" });

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response["error_message"], Does.StartWith("POST /v1/crypto_wallets/authenticate" + NotImplemented));
    }

    [Test]
    public async Task AnyCall_MistypedPath_Returns404WithoutTheNotImplementedMessage()
    {
        var response = await Client.PostAsync("/v1/magic_link/email/send", new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ErrorType, Is.EqualTo("route_not_found"));
        Assert.That(response["error_message"], Is.EqualTo("The route provided is not supported."));
    }

    [Test]
    public async Task AnyCall_WrongMethodOnAStytchPathTheFakeLacks_Returns405MethodNotAllowed()
    {
        var response = await Client.GetAsync("/v1/crypto_wallets/authenticate/start");

        Assert.That(response.Status, Is.EqualTo(405));
        Assert.That(response.ErrorType, Is.EqualTo("method_not_allowed"));
    }

    [Test]
    public async Task AnyCall_ImplementedTemplateBesideALiteralStytchPath_StillServesTheTemplate()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");

        var response = await Client.GetAsync("/v1/users/" + user.UserId);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["user_id"], Is.EqualTo(user.UserId));
    }

    // ---- GET /_fake/v1/endpoints --------------------------------------------------------------------

    [Test]
    public async Task Endpoints_Get_ListsTheImplementedOperationsWithTheirFaultTargets()
    {
        var response = await Client.GetAsync("/_fake/v1/endpoints");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var implemented = response.Json["implemented"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.That(implemented, Has.Count.EqualTo(93));
        Assert.That(implemented.Select(e => e["endpoint"]!.GetValue<string>()), Is.EquivalentTo(Conformance.OpenApiSchemas.SpecEndpointNames));
        var login = implemented.Single(e => e["endpoint"]!.GetValue<string>() == "otps.email.login_or_create");
        Assert.That(WireShapes.Keys(login), Is.EqualTo(WireShapes.Sorted("method", "path", "tag", "endpoint")));
        Assert.That((login["method"]!.GetValue<string>(), login["path"]!.GetValue<string>(), login["tag"]!.GetValue<string>()),
            Is.EqualTo(("POST", "/v1/otps/email/login_or_create", "Otp")));
    }

    [Test]
    public async Task Endpoints_Get_ListsTheRestOfTheSpecAsNotImplemented()
    {
        var response = await Client.GetAsync("/_fake/v1/endpoints");

        var implemented = response.Json["implemented"]!.AsArray().Select(e => $"{e!["method"]} {e["path"]}");
        var missing = response.Json["not_implemented"]!.AsArray().Select(e => $"{e!["method"]} {e["path"]}").ToList();
        Assert.That(missing, Has.Count.EqualTo(184 - 93));
        Assert.That(missing, Does.Contain("POST /v1/crypto_wallets/authenticate/start").And.Contain("PUT /v1/users/{user_id}/exchange_primary_factor"));
        Assert.That(implemented.Concat(missing), Is.EquivalentTo(StytchOperations.All.Select(o => o.ToString())));
    }

    [Test]
    public async Task Endpoints_Get_ListsTheBackDoors()
    {
        var response = await Client.GetAsync("/_fake/v1/endpoints");

        var backDoors = response.Json["back_doors"]!.AsArray().Select(e => $"{e!["method"]} {e["path"]}").ToList();
        Assert.That(backDoors, Does.Contain("GET /_fake/v1/endpoints").And.Contain("POST /_fake/v1/projects/{project_id}/clock/advance"));
        Assert.That(backDoors, Has.All.Contains(" /_fake/v1/"));
    }

    [Test]
    public async Task Endpoints_EveryListedEndpointName_IsAcceptedAsAFaultTarget()
    {
        var listed = (await Client.GetAsync("/_fake/v1/endpoints")).Json["implemented"]!.AsArray().Select(e => e!["endpoint"]!.GetValue<string>());

        foreach (var name in listed)
        {
            var added = await Client.PostAsync($"/_fake/v1/projects/{Stytch.ProjectId}/faults", new { endpoint = name, error_type = "too_many_requests", times = 1 });
            Assert.That(added.Status, Is.EqualTo(201), $"{name}: {added.Text}");
        }
    }
}
