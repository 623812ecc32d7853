namespace Stytch.Fake.Tests.Wire.M2M;

/// <summary>The M2M client endpoints over loopback HTTP: create, get, update, delete.</summary>
public sealed class M2MClientWireTests : M2MWireTest
{
    private Task<WireResult> PutAsync(string clientId, object body) =>
        Client.SendAsync(HttpMethod.Put, $"{ClientsPath}/{clientId}", System.Text.Json.JsonSerializer.Serialize(body));

    [Test]
    public async Task Create_Scopes_ReturnsAnActiveClientWithItsSecretShownOnce()
    {
        var client = await CreateClientAsync("read:users", "write:users");

        Assert.Multiple(() =>
        {
            Assert.That(Str(client["client_id"]), Does.Match("^m2m-client-test-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
            Assert.That(Str(client["client_secret"]), Does.Match("^[A-Za-z0-9_-]{44}$"));
            Assert.That(Str(client["client_secret_last_four"]), Is.EqualTo(Str(client["client_secret"])[^4..]));
            Assert.That(Str(client["status"]), Is.EqualTo("active"));
            Assert.That(Strings(client["scopes"]), Is.EqualTo(new[] { "read:users", "write:users" }));
            Assert.That(Str(client["client_name"]), Is.Empty);
            Assert.That(Str(client["client_description"]), Is.Empty);
            Assert.That(client["trusted_metadata"]!.AsObject(), Is.Empty);
            Assert.That(client["next_client_secret_last_four"], Is.Null);
        });
    }

    [Test]
    public async Task Create_CustomIdSecretNameAndMetadata_KeepsThem()
    {
        var client = await CreateClientAsync(new
        {
            scopes = new[] { "read:users" },
            client_id = "billing-service",
            client_secret = "correct-horse-battery-staple",
            client_name = "Billing",
            client_description = "Charges cards",
            trusted_metadata = new { tier = "gold" },
        });

        Assert.Multiple(() =>
        {
            Assert.That(Str(client["client_id"]), Is.EqualTo("billing-service"));
            Assert.That(Str(client["client_secret"]), Is.EqualTo("correct-horse-battery-staple"));
            Assert.That(Str(client["client_secret_last_four"]), Is.EqualTo("aple"));
            Assert.That(Str(client["client_name"]), Is.EqualTo("Billing"));
            Assert.That(Str(client["client_description"]), Is.EqualTo("Charges cards"));
            Assert.That(Str(client["trusted_metadata"]!["tier"]), Is.EqualTo("gold"));
        });
    }

    [Test]
    public async Task Create_ExistingClientId_AnswersDuplicateM2MClientId()
    {
        await CreateClientAsync(new { scopes = Array.Empty<string>(), client_id = "svc" });

        var response = await Client.PostAsync(ClientsPath, new { scopes = Array.Empty<string>(), client_id = "svc" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "duplicate_m2m_client_id")));
        Assert.That(Stytch.M2M.All, Has.Count.EqualTo(1));
    }

    [TestCase("short7!", "insecure_m2m_client_secret")]
    [TestCase("aaaaaaaaaaaa", "insecure_m2m_client_secret")]
    [TestCase("has a space in it", "m2m_client_invalid_client_secret")]
    public async Task Create_BadCustomSecret_AnswersItsError(string secret, string errorType)
    {
        var response = await Client.PostAsync(ClientsPath, new { scopes = Array.Empty<string>(), client_secret = secret });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, errorType)));
        Assert.That(Stytch.M2M.All, Is.Empty);
    }

    [TestCase("")]
    [TestCase("has/slash")]
    public async Task Create_BadCustomClientId_AnswersM2MClientInvalidClientId(string clientId)
    {
        var response = await Client.PostAsync(ClientsPath, new { scopes = Array.Empty<string>(), client_id = clientId });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "m2m_client_invalid_client_id")));
    }

    [TestCase("read users")]
    [TestCase("")]
    public async Task Create_BadScope_AnswersInvalidM2MClientScope(string scope)
    {
        var response = await Client.PostAsync(ClientsPath, new { scopes = new[] { scope } });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "invalid_m2m_client_scope")));
    }

    [Test]
    public async Task Create_101Scopes_AnswersTooManyM2MClientScopes()
    {
        var response = await Client.PostAsync(ClientsPath, new { scopes = Enumerable.Range(0, 101).Select(i => $"s{i}").ToArray() });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "too_many_m2m_client_scopes")));
    }

    [Test]
    public async Task Create_NoScopes_AnswersBadRequestNamingScopes()
    {
        var response = await Client.PostAsync(ClientsPath, new { client_name = "x" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
        Assert.That(response["error_message"], Does.StartWith("scopes is required"));
    }

    [Test]
    public async Task Create_ScopesNotAnArray_AnswersBadRequest()
    {
        var response = await Client.PostRawAsync(ClientsPath, """{"scopes":"read:users"}""");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
    }

    [Test]
    public async Task Create_TrustedMetadataNotAnObject_AnswersBadRequest()
    {
        var response = await Client.PostRawAsync(ClientsPath, """{"scopes":[],"trusted_metadata":[1]}""");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
    }

    [Test]
    public async Task Create_NameTooLong_AnswersM2MClientInvalidClientName()
    {
        var response = await Client.PostAsync(ClientsPath, new { scopes = Array.Empty<string>(), client_name = new string('n', 129) });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "m2m_client_invalid_client_name")));
    }

    [Test]
    public async Task Get_CreatedClient_HasNoSecret()
    {
        var created = await CreateClientAsync("read:users");

        var response = await Client.GetAsync($"{ClientsPath}/{Str(created["client_id"])}");

        var client = response.Json["m2m_client"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(client.ContainsKey("client_secret"), Is.False);
            Assert.That(response.Text, Does.Not.Contain(Str(created["client_secret"])));
            Assert.That(Str(client["client_secret_last_four"]), Is.EqualTo(Str(created["client_secret_last_four"])));
        });
    }

    [Test]
    public async Task Get_UnknownClient_AnswersM2MClientNotFound()
    {
        var response = await Client.GetAsync($"{ClientsPath}/m2m-client-test-00000000-0000-4000-8000-000000000000");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "m2m_client_not_found")));
    }

    [Test]
    public async Task Update_GivenFields_ChangeOnlyThose()
    {
        var created = await CreateClientAsync(new { scopes = new[] { "a" }, client_name = "old", client_description = "keep" });

        var response = await PutAsync(Str(created["client_id"]), new { client_name = "new", status = "inactive", scopes = new[] { "b", "c" } });

        var client = response.Json["m2m_client"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(Str(client["client_name"]), Is.EqualTo("new"));
            Assert.That(Str(client["client_description"]), Is.EqualTo("keep"));
            Assert.That(Str(client["status"]), Is.EqualTo("inactive"));
            Assert.That(Strings(client["scopes"]), Is.EqualTo(new[] { "b", "c" }));
            Assert.That(client.ContainsKey("client_secret"), Is.False);
        });
    }

    [Test]
    public async Task Update_BadStatus_AnswersM2MClientInvalidStatusAndChangesNothing()
    {
        var created = await CreateClientAsync(new { scopes = new[] { "a" }, client_name = "old" });

        var response = await PutAsync(Str(created["client_id"]), new { client_name = "new", status = "suspended" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "m2m_client_invalid_status")));
        Assert.That(Stytch.M2M.Get(Str(created["client_id"])).ClientName, Is.EqualTo("old"));
    }

    [Test]
    public async Task Update_UnknownClient_AnswersM2MClientNotFound()
    {
        var response = await PutAsync("nobody", new { client_name = "x" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "m2m_client_not_found")));
    }

    [Test]
    public async Task Delete_Client_AnswersItsIdAndItIsGone()
    {
        var created = await CreateClientAsync("a");
        var id = Str(created["client_id"]);

        var response = await Client.DeleteAsync($"{ClientsPath}/{id}");
        var get = await Client.GetAsync($"{ClientsPath}/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response["client_id"], Is.EqualTo(id));
            Assert.That(get.ErrorType, Is.EqualTo("m2m_client_not_found"));
        });
    }

    [Test]
    public async Task Delete_UnknownClient_AnswersM2MClientNotFound()
    {
        var response = await Client.DeleteAsync($"{ClientsPath}/nobody");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "m2m_client_not_found")));
    }

    [Test]
    public async Task Create_WithoutProjectCredentials_AnswersUnauthorizedCredentials()
    {
        using var anonymous = new HttpClient { BaseAddress = Stytch.Url };
        using var content = new StringContent("""{"scopes":[]}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await anonymous.PostAsync(new Uri(ClientsPath, UriKind.Relative), content);

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(Stytch.M2M.All, Is.Empty);
    }

    [Test]
    public void BackDoor_Create_ReturnsTheSecretAndKeepsOnlyItsLastFour()
    {
        var created = Stytch.M2M.Create(["read:users"], new M2MClientFields { ClientName = "svc" });

        Assert.Multiple(() =>
        {
            Assert.That(created.Secret, Has.Length.EqualTo(44));
            Assert.That(Stytch.M2M.Get(created.Client.ClientId).ClientSecretLastFour, Is.EqualTo(created.Secret[^4..]));
            Assert.That(Stytch.M2M.All.Single().ClientName, Is.EqualTo("svc"));
        });
    }
}
