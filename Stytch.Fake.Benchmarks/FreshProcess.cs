using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Stytch.Fake.Benchmarks;

/// <summary>
/// Measures that need a process of their own: a cold start (nothing loaded, nothing compiled yet) and memory from a
/// clean heap. The benchmark starts itself again with a mode argument; the child prints one line of figures.
/// </summary>
public static class FreshProcess
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>
    /// Child mode <c>startasync</c>: <see cref="StytchFake.StartAsync"/> and one answered request, timed from just before
    /// the call, in a process that has loaded and compiled nothing of the fake, as a test run's first fixture does.
    /// </summary>
    public static async Task<int> StartAsyncChildAsync()
    {
        var watch = Stopwatch.StartNew();
        await using var fake = await StytchFake.StartAsync();
        var started = watch.Elapsed.TotalMilliseconds;
        using var client = fake.CreateClient();
        using var response = await client.GetAsync(new Uri("_fake/v1/health", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Console.WriteLine(string.Create(C, $"{watch.Elapsed.TotalMilliseconds:0.0} {started:0.0}"));
        return 0;
    }

    /// <summary>
    /// Child mode <c>memory</c>: resident set size of a fake holding 200,000 users, then 10,000 more projects, each
    /// measured after a full collection; prints the three sizes in bytes.
    /// </summary>
    public static async Task<int> MemoryChildAsync()
    {
        await using var fake = await StytchFake.StartAsync();
        fake.DefaultProject.Users.Create("warm@example.com");
        var empty = Rss();
        for (var i = 0; i < 200_000; i++)
        {
            fake.DefaultProject.Users.Create(string.Create(C, $"user{i}@example.com"));
        }

        var withUsers = Rss();
        for (var i = 0; i < 10_000; i++)
        {
            fake.CreateProject();
        }

        var withProjects = Rss();
        Console.WriteLine(string.Create(C, $"{empty} {withUsers} {withProjects}"));
        return 0;
    }

    /// <summary>Runs this benchmark again as a child in <paramref name="mode"/> and returns the numbers it printed.</summary>
    public static async Task<double[]> RunChildAsync(string mode)
    {
        var self = Environment.ProcessPath!;
        var start = self.EndsWith("dotnet", StringComparison.Ordinal)
            ? new ProcessStartInfo(self, [typeof(FreshProcess).Assembly.Location, mode])
            : new ProcessStartInfo(self, [mode]);
        start.RedirectStandardOutput = true;
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        return child.ExitCode == 0
            ? [.. output.Trim().Split(' ').Select(v => double.Parse(v, C))]
            : throw new InvalidOperationException($"child '{mode}' failed: {output}");
    }

    /// <summary>
    /// Process start to the first answered request of the published standalone server at <paramref name="server"/>:
    /// the clock starts before the process is created and stops when <c>GET /_fake/v1/health</c> first answers 200.
    /// </summary>
    public static async Task<double> ColdStartAsync(string server)
    {
        var port = FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        await Task.Delay(50);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(server, ["--port", port.ToString(C)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            while (watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                try
                {
                    using var response = await client.GetAsync(new Uri("_fake/v1/health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return watch.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(1);
            }

            throw new TimeoutException($"{server} did not answer on port {port}");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Publishes the standalone server in Release to a temporary folder, as a user publishes it; returns its executable.</summary>
    public static async Task<string> PublishServerAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "stytch-fake-published");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(ReadmeTable.RepoRoot(), "Stytch.Fake.Server"), "-c", "Release", "-o", output])
        {
            RedirectStandardOutput = true,
        })!;
        var log = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        return publish.ExitCode == 0 ? Path.Combine(output, "Stytch.Fake.Server") : throw new InvalidOperationException("dotnet publish failed:\n" + log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A full collection, finalizers run, then another, so that a size read next holds only what is live.</summary>
    public static void CollectFully()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long Rss()
    {
        CollectFully();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }
}
