using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using Stytch.Fake.Benchmarks;
using Stytch.Fake.Products.Consumer.EmailOtp;
using Stytch.Fake;

// `dotnet run -c Release --project Stytch.Fake.Benchmarks` prints the quick table below;
// `... -- bdn [BenchmarkDotNet args]` runs the BenchmarkDotNet classes instead.
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(RoundTripBenchmarks).Assembly).Run(args[1..]);
    return 0;
}

// `... -- load [seconds]` only drives the fake with 16 clients, for a profiler to attach to.
if (args.Length > 0 && args[0] == "load")
{
    await using var load = await Loopback.StartAsync();
    var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
    var stop = Stopwatch.StartNew();
    var total = 0;
    await Task.WhenAll(Enumerable.Range(0, 16).Select(async w =>
    {
        var i = 0;
        while (stop.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await load.FakeRoundTripAsync($"load{w}-{i++ % 2000}@example.com");
            Interlocked.Increment(ref total);
        }
    }));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total / stop.Elapsed.TotalSeconds:0} round trips/s"));
    return 0;
}

// Child modes the table below starts in fresh processes (FreshProcess.cs).
if (args is ["startasync"])
{
    return await FreshProcess.StartAsyncChildAsync();
}

if (args is ["memory"])
{
    return await FreshProcess.MemoryChildAsync();
}

// `... -- keys [base-url] [seconds]`: logins on one project while others rotate keys or make first keys (KeyLoad.cs).
if (args.Length > 0 && args[0] == "keys")
{
    return await KeyLoad.RunAsync(args[1..]);
}

var c = CultureInfo.InvariantCulture;
var updateReadme = args.Contains("--readme");
var rows = new List<(string What, string Fake, string Baseline, string Ratio, string Goal)>();

// On the wire: wrk, 16 connections, the fake beside a bare Kestrel endpoint and a static WireMock stub (WireLoad.cs).
if (WireLoad.WrkAvailable())
{
    var (fakeWire, stubWire, kestrelWire) = await WireLoad.MeasureAsync(rounds: 3, seconds: 4);
    rows.Add(("16 connections (wrk), requests/s", F(fakeWire.RequestsPerSecond), $"{F(kestrelWire.RequestsPerSecond)} bare Kestrel", F2(fakeWire.RequestsPerSecond / kestrelWire.RequestsPerSecond), "≥ 0.85"));
    rows.Add(("16 connections (wrk), p99 latency, ms", F2(fakeWire.P99Milliseconds), $"{F2(kestrelWire.P99Milliseconds)} bare Kestrel", F2(fakeWire.P99Milliseconds / kestrelWire.P99Milliseconds), "≤ 1.2"));
    rows.Add(("static WireMock stub, requests/s / p99 ms", $"{F(stubWire.RequestsPerSecond)} / {F2(stubWire.P99Milliseconds)}", "bare Kestrel", F2(stubWire.RequestsPerSecond / kestrelWire.RequestsPerSecond), ""));
}
else
{
    Console.Error.WriteLine("wrk is not on the PATH (Debian: apt-get install wrk): the wire rows are left out.");
}

await using (var loopback = await Loopback.StartAsync())
{
    // Sequential round trips, fake and stub interleaved in blocks so drift hits both alike.
    var fakeTime = TimeSpan.Zero;
    var stubTime = TimeSpan.Zero;
    const int block = 500;
    const int blocks = 8;
    for (var i = 0; i < 300; i++)
    {
        await loopback.FakeRoundTripAsync($"w{i}@example.com");
        await loopback.StubRoundTripAsync($"w{i}@example.com");
    }

    for (var b = 0; b < blocks; b++)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < block; i++)
        {
            await loopback.FakeRoundTripAsync($"r{b}-{i}@example.com");
        }

        fakeTime += watch.Elapsed;
        watch.Restart();
        for (var i = 0; i < block; i++)
        {
            await loopback.StubRoundTripAsync($"r{b}-{i}@example.com");
        }

        stubTime += watch.Elapsed;
    }

    var perFake = fakeTime.TotalMicroseconds / (block * blocks);
    var perStub = stubTime.TotalMicroseconds / (block * blocks);
    rows.Add(("login round trip (login_or_create + authenticate, HttpClient), µs", F(perFake), $"{F(perStub)} static stub", F2(perFake / perStub), "≤ 1.2"));
}

// Cold starts: the published standalone server, and StartAsync in a fresh process.
var published = await FreshProcess.PublishServerAsync();
var colds = new List<double>();
for (var i = 0; i < 10; i++)
{
    colds.Add(await FreshProcess.ColdStartAsync(published));
}

rows.Add(("standalone server, process start to first answer (published, median of 10), ms", F(Median(colds)), "", "", "≤ 250"));
var fresh = new List<double>();
for (var i = 0; i < 7; i++)
{
    fresh.Add((await FreshProcess.RunChildAsync("startasync"))[0]);
}

rows.Add(("StartAsync to first answer, fresh process (median of 7), ms", F(Median(fresh)), "", "", "≤ 200"));

// StartAsync to the first answered request, warm.
await (await StytchFake.StartAsync()).DisposeAsync();
var starts = new List<double>();
for (var i = 0; i < 15; i++)
{
    var watch = Stopwatch.StartNew();
    await using var fake = await StytchFake.StartAsync();
    using var client = fake.CreateClient();
    using var response = await client.GetAsync(new Uri("_fake/v1/health", UriKind.Relative));
    response.EnsureSuccessStatusCode();
    starts.Add(watch.Elapsed.TotalMilliseconds);
}

rows.Add(("StartAsync to first answer, warm (median of 15), ms", F(Median(starts)), "", "", "< 50"));

// Reset of a project with 10,000 users.
var resets = new List<double>();
for (var r = 0; r < 5; r++)
{
    await using var fake = await StytchFake.StartAsync();
    for (var i = 0; i < 10_000; i++)
    {
        fake.DefaultProject.ConsumerProducts.EmailOtp.LoginOrCreate($"user{i}@example.com", new EmailOtpOptions());
    }

    var watch = Stopwatch.StartNew();
    fake.Reset();
    resets.Add(watch.Elapsed.TotalMilliseconds);
}

rows.Add(("Reset with 10,000 users (median), ms", F2(Median(resets)), "", "", "< 5"));

// Engine alone.
var state = EngineRunner.NewState();
for (var i = 0; i < 20_000; i++)
{
    EngineRunner.Login(state, $"e{i % 1000}@example.com");
}

var engineWatch = Stopwatch.StartNew();
const int engineOps = 200_000;
for (var i = 0; i < engineOps; i++)
{
    EngineRunner.Login(state, $"e{i % 10_000}@example.com");
}

rows.Add(("engine login_or_create + authenticate, µs", F2(engineWatch.Elapsed.TotalMicroseconds / engineOps), "", "", ""));

// Memory: 1,000,000 codes for 10,000 emails; only the newest code per email (and a bounded outbox) stays.
static long Heap()
{
    FreshProcess.CollectFully();
    return GC.GetTotalMemory(forceFullCollection: true);
}

var memoryState = EngineRunner.NewState();
var before = Heap();
long after100K = 0;
for (var i = 0; i < 1_000_000; i++)
{
    memoryState.EmailOtp.LoginOrCreate($"m{i % 10_000}@example.com", new EmailOtpOptions());
    if (i == 99_999)
    {
        after100K = Heap();
    }
}

var after1M = Heap();
rows.Add(("heap after 100k codes / 1M codes (10k emails), MB", $"{F2((after100K - before) / 1e6)} / {F2((after1M - before) / 1e6)}", "", F2((double)(after1M - before) / (after100K - before)), "flat (≈1)"));
GC.KeepAlive(memoryState);
var memory = await FreshProcess.RunChildAsync("memory");
rows.Add(("RSS: empty fake / 200,000 users / + 10,000 projects, MB", $"{F(memory[0] / 1e6)} / {F(memory[1] / 1e6)} / {F(memory[2] / 1e6)}", "", "", ""));
rows.Add(("RSS per user / per project, bytes", $"{F((memory[1] - memory[0]) / 200_000)} / {F((memory[2] - memory[1]) / 10_000)}", "", "", ""));

var table = new StringBuilder();
table.AppendLine("| measure | fake | baseline | ratio | goal |");
table.AppendLine("|---|---|---|---|---|");
foreach (var row in rows)
{
    table.AppendLine(c, $"| {row.What} | {row.Fake} | {row.Baseline} | {row.Ratio} | {row.Goal} |");
}

Console.WriteLine($"Stytch.Fake benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
Console.WriteLine();
Console.Write(table);
if (updateReadme)
{
    ReadmeTable.Replace(table.ToString(), Environment.ProcessorCount);
}

return 0;

string F(double v) => v.ToString("0", c);
string F2(double v) => v.ToString("0.00", c);
static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}
