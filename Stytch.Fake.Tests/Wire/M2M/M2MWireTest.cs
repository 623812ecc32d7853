using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.M2M;

/// <summary>Base of the M2M wire tests: a fresh fake per test, and helpers to make clients and ask for tokens.</summary>
public abstract class M2MWireTest : FakeWireTest
{
    private protected const string ClientsPath = "/v1/m2m/clients";

    private protected string TokenPath => $"/v1/public/{Stytch.ProjectId}/oauth2/token";

    /// <summary>Creates a client over the wire and returns its <c>m2m_client</c> object (with its secret).</summary>
    private protected async Task<JsonObject> CreateClientAsync(object body)
    {
        var response = await Client.PostAsync(ClientsPath, body);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["m2m_client"]!.AsObject();
    }

    private protected Task<JsonObject> CreateClientAsync(params string[] scopes) => CreateClientAsync(new { scopes });

    /// <summary>Posts a token request as the Node SDK does: a form, no Authorization header.</summary>
    private protected async Task<WireResult> TokenAsync(params (string Name, string Value)[] form)
    {
        using var http = new HttpClient { BaseAddress = Stytch.Url };
        using var content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Name, p.Value)));
        using var response = await http.PostAsync(new Uri(TokenPath, UriKind.Relative), content);
        return new WireResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A client-credentials token request for <paramref name="client"/>, with a scope when one is given.</summary>
    private protected Task<WireResult> TokenAsync(JsonObject client, string? scope = null, string? secret = null)
    {
        var form = new List<(string, string)>
        {
            ("client_id", Str(client["client_id"])),
            ("client_secret", secret ?? Str(client["client_secret"])),
            ("grant_type", "client_credentials"),
        };
        if (scope is not null)
        {
            form.Add(("scope", scope));
        }

        return TokenAsync([.. form]);
    }

    private protected static string Str(JsonNode? node) => node!.GetValue<string>();

    private protected static string[] Strings(JsonNode? node) => node!.AsArray().Select(Str).ToArray();
}
