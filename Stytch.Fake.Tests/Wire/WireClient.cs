using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>A plain HttpClient pointed at a fake project, with Basic auth, for wire tests.</summary>
internal sealed class WireClient : IDisposable
{
    private readonly HttpClient _http;

    public WireClient(Uri baseUrl, string projectId, string secret)
    {
        _http = new HttpClient { BaseAddress = baseUrl };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{projectId}:{secret}")));
    }

    public WireClient(StytchFake fake) : this(fake.Url, fake.ProjectId, fake.Secret)
    {
    }

    public WireClient(StytchFake fake, StytchFakeProject project) : this(fake.Url, project.ProjectId, project.Secret)
    {
    }

    public HttpClient Http => _http;

    public Task<WireResult> PostAsync(string path, object body) =>
        SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body));

    public Task<WireResult> PostRawAsync(string path, string body, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, body, contentType);

    public Task<WireResult> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<WireResult> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<WireResult> SendAsync(HttpMethod method, string path, string? body, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // A call that changes state sends the JSON content type even without a body, as the back doors require.
        if (body is not null || (method != HttpMethod.Get && method != HttpMethod.Head))
        {
            request.Content = new StringContent(body ?? "", Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new WireResult((int)response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A response: status, raw text and the parsed JSON object.</summary>
internal sealed record WireResult(int Status, string Text, string? ContentType)
{
    public JsonObject Json => JsonNode.Parse(Text)!.AsObject();

    public string? this[string name] => Json[name]?.GetValue<string>();

    public string? ErrorType => Json["error_type"]?.GetValue<string>();
}
