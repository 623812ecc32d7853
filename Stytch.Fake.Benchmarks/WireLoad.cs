using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Stytch.Fake.Benchmarks;

/// <summary>What <c>wrk</c> measured against one server: requests per second and the 99th percentile latency.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P99Milliseconds);

/// <summary>
/// Throughput and latency on the wire, measured by <c>wrk</c> (a C load generator, so the client's own cost stays
/// small beside the server's) with 16 connections sending the same <c>POST /v1/otps/email/login_or_create</c> to three
/// servers in turn: the fake, a static WireMock.Net stub and a bare Kestrel endpoint, the two answering the fake's own
/// recorded bytes. Rounds interleave the three, so a change in the machine's load hits each alike.
/// </summary>
public static partial class WireLoad
{
    private const string Path = "/v1/otps/email/login_or_create";
    private const string Body = """{"email":"load@example.com"}""";

    /// <summary>Whether <c>wrk</c> is on the PATH (Debian's package <c>wrk</c>).</summary>
    public static bool WrkAvailable() => Which("wrk") is not null;

    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="seconds"/> seconds per server; returns each server's median.</summary>
    public static async Task<(WrkResult Fake, WrkResult Stub, WrkResult Kestrel)> MeasureAsync(int rounds, int seconds)
    {
        await using var fake = await StytchFake.StartAsync();
        using var client = fake.CreateClient();
        using var content = new StringContent(Body, Encoding.UTF8, "application/json");
        using var recorded = await client.PostAsync(new Uri(Path.TrimStart('/'), UriKind.Relative), content);
        var bytes = await recorded.Content.ReadAsByteArrayAsync();
        var authorization = client.DefaultRequestHeaders.Authorization!.ToString();

        using var stub = Loopback.StartStub([(Path, Encoding.UTF8.GetString(bytes))]);
        await using var kestrel = await StartBareKestrelAsync(bytes);
        var targets = new (string Name, Uri Url)[]
        {
            ("fake", new Uri(fake.Url, Path)),
            ("stub", new Uri(new Uri(stub.Url!), Path)),
            ("kestrel", new Uri(new Uri(kestrel.Urls.First()), Path)),
        };
        var script = System.IO.Path.GetTempFileName();
        await File.WriteAllTextAsync(script, $$"""
            wrk.method = "POST"
            wrk.body = '{{Body}}'
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Authorization"] = "{{authorization}}"
            """);
        try
        {
            foreach (var (_, url) in targets)
            {
                await RunWrkAsync(script, url, 2);
            }

            var results = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, url) in targets)
                {
                    results[name].Add(await RunWrkAsync(script, url, seconds));
                }
            }

            WrkResult Median(string name)
            {
                var all = results[name];
                return new WrkResult(all.Select(r => r.RequestsPerSecond).Order().ElementAt(all.Count / 2), all.Select(r => r.P99Milliseconds).Order().ElementAt(all.Count / 2));
            }

            return (Median("fake"), Median("stub"), Median("kestrel"));
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>The baseline: Kestrel alone, reading the body and answering the fake's bytes, with nothing in between.</summary>
    private static async Task<WebApplication> StartBareKestrelAsync(byte[] answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = answer.Length;
            await context.Response.Body.WriteAsync(answer);
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<WrkResult> RunWrkAsync(string script, Uri url, int seconds)
    {
        var start = new ProcessStartInfo("wrk", ["-t1", "-c16", $"-d{seconds}s", "--latency", "-s", script, url.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var rate = RequestsPerSecond().Match(output);
        var p99 = Percentile99().Match(output);
        if (!rate.Success || !p99.Success || Non2xx().IsMatch(output))
        {
            throw new InvalidOperationException($"wrk against {url} did not give clean figures:\n{output}");
        }

        return new WrkResult(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), Milliseconds(p99.Groups[1].Value, p99.Groups[2].Value));
    }

    private static double Milliseconds(string value, string unit)
    {
        var v = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => v / 1000,
            "ms" => v,
            "s" => v * 1000,
            _ => throw new InvalidOperationException($"wrk latency unit '{unit}'"),
        };
    }

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => System.IO.Path.Combine(d, command)).FirstOrDefault(File.Exists);

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"\s99%\s+([0-9.]+)(us|ms|s)\b")]
    private static partial Regex Percentile99();

    [GeneratedRegex(@"Non-2xx or 3xx responses")]
    private static partial Regex Non2xx();
}
