using System.Globalization;
using System.Text.RegularExpressions;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Server;

/// <summary>
/// The standalone server as a probe on the network sees it: default settings, loopback, no admin token.
/// Memory is read from the server process's own <c>/proc/&lt;pid&gt;/status</c>.
/// </summary>
public sealed partial class ServerGuardTests
{
    private const long OneGigabyte = 1024L * 1024 * 1024;
    private const long AllowedGrowth = 100L * 1024 * 1024;

    [Test]
    public async Task Server_ReboundHost_Returns403WithoutTheSecrets()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0");

        var response = await RawHttp.SendAsync(server.Url, Head(server, "GET", "/_fake/v1/projects", $"evil.example:{server.Url.Port}", ""));

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(403), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("host_not_allowed"));
            Assert.That(response.Body, Does.Not.Contain(server.Secret));
        });
    }

    [Test]
    public async Task Server_AllowedHostFlag_ServesThatNameOnAnyPort()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0", "--allowed-host", "stytch.internal", "--allowed-host", "proxy.example:8443");

        var named = await RawHttp.SendAsync(server.Url, Head(server, "GET", "/_fake/v1/health", "stytch.internal:8080", ""));
        var withPort = await RawHttp.SendAsync(server.Url, Head(server, "GET", "/_fake/v1/health", "proxy.example:8443", ""));
        var other = await RawHttp.SendAsync(server.Url, Head(server, "GET", "/_fake/v1/health", "elsewhere.example", ""));

        Assert.Multiple(() =>
        {
            Assert.That(named.Status, Is.EqualTo(200));
            Assert.That(withPort.Status, Is.EqualTo(200));
            Assert.That(other.Status, Is.EqualTo(403));
        });
    }

    [Test]
    public async Task Server_AllowedOriginFlag_AllowsThatOriginForTheFrontendSdk()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0", "--allowed-origin", "https://app.example.com");
        using var http = new HttpClient { BaseAddress = server.Url };

        var project = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"_fake/v1/projects/{server.ProjectId}"))!;

        Assert.Multiple(() =>
        {
            Assert.That(project["allowed_origins"]![0]!.GetValue<string>(), Is.EqualTo("https://app.example.com"));
            Assert.That(server.Output, Does.Contain("public_token: " + project["public_token"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task Server_HostFlag_ServesThatHostAndRefusesAForeignOne()
    {
        // All of 127.0.0.0/8 is loopback on Linux: a listen address other than 127.0.0.1 that needs no admin token.
        await using var server = await ServerProcess.StartAsync("--port", "0", "--host", "127.0.0.2");
        var port = server.Url.Port;

        var configured = await RawHttp.SendAsync(server.Url, Head(server, "GET", "/_fake/v1/health", $"127.0.0.2:{port}", ""));
        var foreign = await RawHttp.SendAsync(server.Url, Head(server, "GET", "/_fake/v1/health", $"127.0.0.3:{port}", ""));
        var rebound = await RawHttp.SendAsync(server.Url, Head(server, "GET", "/_fake/v1/projects", $"evil.example:{port}", ""));

        Assert.Multiple(() =>
        {
            Assert.That(server.Url.Host, Is.EqualTo("127.0.0.2"));
            Assert.That(configured.Status, Is.EqualTo(200), configured.Body);
            Assert.That(foreign.ErrorType, Is.EqualTo("host_not_allowed"), foreign.Body);
            Assert.That(rebound.ErrorType, Is.EqualTo("host_not_allowed"), rebound.Body);
            Assert.That(rebound.Body, Does.Not.Contain(server.Secret));
        });
    }

    [TestCase("ContentLength", "/v1/otps/email/login_or_create")]
    [TestCase("Chunked", "/v1/otps/email/login_or_create")]
    [TestCase("ContentLength", "/no/such/path")]
    [TestCase("Chunked", "/no/such/path")]
    public async Task Server_OneGigabyteBody_IsRefusedWithoutGrowingMemory(string framing, string path)
    {
        await using var server = await ServerProcess.StartAsync("--port", "0");
        // Warm up, so that the first request's one-off allocations are not counted as growth.
        await RawHttp.SendAsync(server.Url, Head(server, "POST", path, null, "Content-Length: 2\r\n"), async (s, c) => await s.WriteAsync("{}"u8.ToArray(), c));
        var before = ResidentBytes(server.ProcessId);

        var response = framing == "Chunked"
            ? await RawHttp.SendAsync(server.Url, Head(server, "POST", path, null, "Transfer-Encoding: chunked\r\n"), RawHttp.Chunks(OneGigabyte))
            : await RawHttp.SendAsync(server.Url, Head(server, "POST", path, null, $"Content-Length: {OneGigabyte}\r\n"), RawHttp.Bytes(OneGigabyte));
        var after = ResidentBytes(server.ProcessId);

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{framing} 1 GB to {path}: RSS {before / 1048576} MB before, {after / 1048576} MB after"));
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Body);
            Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
            Assert.That(after - before, Is.LessThan(AllowedGrowth), $"RSS grew from {before} to {after} bytes");
        });
    }

    [Test]
    public async Task Server_OneGigabyteChunkedSnapshotImport_StopsReadingAtItsLimit()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0");
        var path = $"/_fake/v1/projects/{server.ProjectId}/snapshot";
        await RawHttp.SendAsync(server.Url, Head(server, "PUT", path, null, "Content-Length: 2\r\n"), async (s, c) => await s.WriteAsync("{}"u8.ToArray(), c));
        var before = ResidentBytes(server.ProcessId);

        var response = await RawHttp.SendAsync(server.Url, Head(server, "PUT", path, null, "Transfer-Encoding: chunked\r\n"), RawHttp.Chunks(OneGigabyte));
        var after = ResidentBytes(server.ProcessId);

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Chunked 1 GB snapshot import: RSS {before / 1048576} MB before, {after / 1048576} MB after"));
        // The import reads up to its 64 MB limit, which WireMock buffers (and copies) before the fake sees it.
        Assert.Multiple(() =>
        {
            Assert.That(response.Json["error_message"]!.GetValue<string>(), Does.Contain("snapshot is larger than 64 MB"));
            Assert.That(after - before, Is.LessThan(5 * 64L * 1024 * 1024), $"RSS grew from {before} to {after} bytes");
        });
    }

    [Test]
    public async Task Server_SnapshotFileOverTheImportLimit_ExitsNonZeroWithClearError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stytch-fake-{Guid.NewGuid():N}.json");
        await using (var stream = File.Create(file))
        {
            stream.SetLength((64 * 1024 * 1024) + 1);
        }

        try
        {
            var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync("--port", "0", "--snapshot", file);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(1));
                Assert.That(stderr + stdout, Does.Contain("snapshot is larger than 64 MB"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Head(ServerProcess server, string method, string path, string? host, string headers) =>
        $"{method} {path} HTTP/1.1\r\nHost: {host ?? $"127.0.0.1:{server.Url.Port}"}\r\nContent-Type: application/json\r\n{headers}Connection: close\r\n\r\n";

    /// <summary>The process's resident set size (VmRSS) in bytes.</summary>
    private static long ResidentBytes(int pid)
    {
        var status = File.ReadAllText($"/proc/{pid}/status");
        var kilobytes = long.Parse(VmRss().Match(status).Groups[1].Value, CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex VmRss();
}
