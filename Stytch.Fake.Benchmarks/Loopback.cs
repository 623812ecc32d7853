using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Stytch.Fake.Benchmarks;

/// <summary>
/// The two things compared: the fake, and a static WireMock.Net stub on the same settings that answers
/// the same two endpoints with the fake's own recorded bytes.
/// </summary>
public sealed class Loopback : IAsyncDisposable
{
    private Loopback(StytchFake fake, WireMockServer stub, HttpClient fakeClient, HttpClient stubClient)
    {
        Fake = fake;
        Stub = stub;
        FakeClient = fakeClient;
        StubClient = stubClient;
    }

    public StytchFake Fake { get; }
    public WireMockServer Stub { get; }
    public HttpClient FakeClient { get; }
    public HttpClient StubClient { get; }

    public static async Task<Loopback> StartAsync()
    {
        var fake = await StytchFake.StartAsync();
        var fakeClient = fake.CreateClient();

        // Record one real round trip so the stub answers byte-for-byte what the fake answers.
        var sent = await PostAsync(fakeClient, "v1/otps/email/login_or_create", """{"email":"record@example.com"}""");
        var emailId = JsonDocument.Parse(sent).RootElement.GetProperty("email_id").GetString()!;
        var code = fake.Outbox.LatestFor("record@example.com").Code;
        var authenticated = await PostAsync(fakeClient, "v1/otps/authenticate", $$"""{"method_id":"{{emailId}}","code":"{{code}}"}""");

        var stub = StartStub([("/v1/otps/email/login_or_create", sent), ("/v1/otps/authenticate", authenticated)]);
        var stubClient = new HttpClient { BaseAddress = new Uri(stub.Url!) };
        stubClient.DefaultRequestHeaders.Authorization = fakeClient.DefaultRequestHeaders.Authorization;
        return new Loopback(fake, stub, fakeClient, stubClient);
    }

    /// <summary>One consumer login: login_or_create, read the code, authenticate it.</summary>
    public async Task FakeRoundTripAsync(string email)
    {
        var sent = await PostAsync(FakeClient, "v1/otps/email/login_or_create", $$"""{"email":"{{email}}"}""");
        var emailId = EmailId(sent);
        var code = Fake.Outbox.FindLatestFor(email)!.Code;
        await PostAsync(FakeClient, "v1/otps/authenticate", $$"""{"method_id":"{{emailId}}","code":"{{code}}"}""");
    }

    /// <summary>The same two requests against the static stub.</summary>
    public async Task StubRoundTripAsync(string email)
    {
        var sent = await PostAsync(StubClient, "v1/otps/email/login_or_create", $$"""{"email":"{{email}}"}""");
        var emailId = EmailId(sent);
        await PostAsync(StubClient, "v1/otps/authenticate", $$"""{"method_id":"{{emailId}}","code":"123456"}""");
    }

    public async ValueTask DisposeAsync()
    {
        FakeClient.Dispose();
        StubClient.Dispose();
        Stub.Stop();
        Stub.Dispose();
        await Fake.DisposeAsync();
    }

    private static string EmailId(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("email_id").GetString()!;
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
    }

    /// <summary>A static WireMock.Net stub on the fake's own server settings, answering each path's POST with its body.</summary>
    public static WireMockServer StartStub(IEnumerable<(string Path, string Body)> answers)
    {
        var stub = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            MaxRequestLogCount = 0,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
        });
        foreach (var (path, body) in answers)
        {
            stub.Given(Request.Create().WithPath(path).UsingPost())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body));
        }

        return stub;
    }
}
