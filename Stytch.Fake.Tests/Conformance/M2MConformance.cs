using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>The M2M client operations' variants for <see cref="SpecConformanceTests"/>: each way they answer 200, and their errors.</summary>
internal static class M2MConformance
{
    private const string Clients = "/v1/m2m/clients";
    private const string Client = Clients + "/{client_id}";

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("M2MClientsCreate_Scopes", "POST", Clients, r => r.Client.PostAsync(Clients, new { scopes = new[] { "read:users" } })),
        new("M2MClientsCreate_EveryField", "POST", Clients, r => r.Client.PostAsync(Clients, new
        {
            scopes = new[] { "read:users", "write:users" },
            client_id = "billing",
            client_secret = "correct-horse-battery-staple",
            client_name = "Billing",
            client_description = "Charges cards",
            trusted_metadata = new { tier = "gold" },
        })),
        new("M2MClientsGet", "GET", Client, async r => await r.Client.GetAsync($"{Clients}/{await ClientAsync(r)}")),
        new("M2MClientsGet_Rotating", "GET", Client, async r =>
        {
            var id = await ClientAsync(r);
            await r.Client.PostRawAsync($"{Clients}/{id}/secrets/rotate/start", "{}");
            return await r.Client.GetAsync($"{Clients}/{id}");
        }),
        new("M2MClientsUpdate", "PUT", Client, async r =>
            await r.Client.SendAsync(HttpMethod.Put, $"{Clients}/{await ClientAsync(r)}", """{"client_name":"new","status":"inactive","scopes":["a"],"trusted_metadata":{"k":1}}""")),
        new("M2MClientsDelete", "DELETE", Client, async r => await r.Client.DeleteAsync($"{Clients}/{await ClientAsync(r)}")),
        new("M2MClientsSearch_All", "POST", Clients + "/search", async r =>
        {
            await ClientAsync(r);
            return await r.Client.PostRawAsync(Clients + "/search", "{}");
        }),
        new("M2MClientsSearch_NextPage", "POST", Clients + "/search", async r =>
        {
            await ClientAsync(r);
            await ClientAsync(r);
            return await r.Client.PostRawAsync(Clients + "/search", """{"limit":1,"query":{"operator":"OR","operands":[{"filter_name":"scopes","filter_value":["read:users"]}]}}""");
        }),
        new("M2MClientsSecretsRotateStart", "POST", Client + "/secrets/rotate/start", async r =>
            await r.Client.PostRawAsync($"{Clients}/{await ClientAsync(r)}/secrets/rotate/start", "{}")),
        new("M2MClientsSecretsRotateCancel", "POST", Client + "/secrets/rotate/cancel", async r =>
            await r.Client.PostRawAsync($"{Clients}/{await RotatingClientAsync(r)}/secrets/rotate/cancel", "{}")),
        new("M2MClientsSecretsRotate", "POST", Client + "/secrets/rotate", async r =>
            await r.Client.PostRawAsync($"{Clients}/{await RotatingClientAsync(r)}/secrets/rotate", "{}")),
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("M2MClientNotFound", 404, "m2m_client_not_found", r => r.Client.GetAsync(Clients + "/nobody")),
        new("M2MDuplicateClientId", 400, "duplicate_m2m_client_id", async r =>
        {
            await r.Client.PostAsync(Clients, new { scopes = Array.Empty<string>(), client_id = "svc" });
            return await r.Client.PostAsync(Clients, new { scopes = Array.Empty<string>(), client_id = "svc" });
        }),
        new("M2MInsecureSecret", 400, "insecure_m2m_client_secret", r => r.Client.PostAsync(Clients, new { scopes = Array.Empty<string>(), client_secret = "short" })),
        new("M2MNotRotating", 400, "m2m_client_not_rotating_secret", async r => await r.Client.PostRawAsync($"{Clients}/{await ClientAsync(r)}/secrets/rotate", "{}")),
        new("M2MSearchUnknownFilter", 400, "m2m_search_filter_name_not_recognized", r =>
            r.Client.PostRawAsync(Clients + "/search", """{"query":{"operator":"AND","operands":[{"filter_name":"nope","filter_value":["x"]}]}}""")),
    ];

    /// <summary>A client made through the API; its id.</summary>
    private static async Task<string> ClientAsync(ConformanceRun r)
    {
        var response = await r.Client.PostAsync(Clients, new { scopes = new[] { "read:users" } });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["m2m_client"]!["client_id"]!.GetValue<string>();
    }

    /// <summary>A client with a secret rotation under way; its id.</summary>
    private static async Task<string> RotatingClientAsync(ConformanceRun r)
    {
        var id = await ClientAsync(r);
        var started = await r.Client.PostRawAsync($"{Clients}/{id}/secrets/rotate/start", "{}");
        Assert.That(started.Status, Is.EqualTo(200), started.Text);
        return id;
    }
}
