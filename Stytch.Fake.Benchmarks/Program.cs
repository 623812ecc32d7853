using System.Diagnostics;
using System.Globalization;
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

// `... -- keys [base-url] [seconds]`: logins on one project while others rotate keys or make first keys (KeyLoad.cs).
if (args.Length > 0 && args[0] == "keys")
{
    return await KeyLoad.RunAsync(args[1..]);
}

var c = CultureInfo.InvariantCulture;
var rows = new List<(string What, string Fake, string Baseline, string Ratio, string Goal)>();

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
    rows.Add(("login round trip (2 requests), µs", F(perFake), F(perStub), F2(perFake / perStub), "≤ 1.2"));

    // Throughput: 16 clients each doing round trips for a fixed time.
    async Task<double> ThroughputAsync(Func<string, Task> roundTrip, string prefix)
    {
        var until = Stopwatch.StartNew();
        var count = 0;
        var workers = Enumerable.Range(0, 16).Select(async w =>
        {
            var i = 0;
            while (until.Elapsed < TimeSpan.FromSeconds(3))
            {
                await roundTrip($"{prefix}{w}-{i++ % 2000}@example.com");
                Interlocked.Increment(ref count);
            }
        });
        await Task.WhenAll(workers);
        return count / until.Elapsed.TotalSeconds;
    }

    await ThroughputAsync(loopback.StubRoundTripAsync, "warm");
    var stubRate = await ThroughputAsync(loopback.StubRoundTripAsync, "s");
    var fakeRate = await ThroughputAsync(loopback.FakeRoundTripAsync, "f");
    var stubRate2 = await ThroughputAsync(loopback.StubRoundTripAsync, "s2");
    stubRate = (stubRate + stubRate2) / 2;
    rows.Add(("16 clients, round trips/s", F(fakeRate), F(stubRate), F2(fakeRate / stubRate), "≥ 0.8"));
}

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

rows.Add(("StartAsync to first answer (warm, median), ms", F(Median(starts)), "", "", "< 50"));

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
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
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
rows.Add(("working set at the end, MB", F(Environment.WorkingSet / 1e6), "", "", ""));
GC.KeepAlive(memoryState);

Console.WriteLine($"Stytch.Fake benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
Console.WriteLine();
Console.WriteLine("| measure | fake | static stub | ratio | goal |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var row in rows)
{
    Console.WriteLine($"| {row.What} | {row.Fake} | {row.Baseline} | {row.Ratio} | {row.Goal} |");
}

return 0;

string F(double v) => v.ToString("0", c);
string F2(double v) => v.ToString("0.00", c);
static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}
