using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Stytch.Fake.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project Stytch.Fake.Benchmarks -- keys [base-url] [seconds]`: how RSA key work on one
/// project affects logins on another. One client logs in (login_or_create) on project B, first alone, then while one
/// loop and then 8 loops rotate project A's signing key, then while 8 loops create projects and fetch each one's first
/// JWKS. Prints
/// latency percentiles per phase. With a base URL it drives a running server (any build, e.g. an older one, to
/// compare); without, an in-process fake.
/// </summary>
internal static class KeyLoad
{
    private const int Loops = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 0 && args[0].StartsWith("http", StringComparison.Ordinal) ? new Uri(args[0]) : null;
        var seconds = args.Length > 0 && int.TryParse(args[^1], CultureInfo.InvariantCulture, out var s) ? s : 10;
        await using var local = url is null ? await StytchFake.StartAsync() : null;
        var baseUrl = url ?? local!.Url;
        using var admin = new HttpClient { BaseAddress = baseUrl };
        var a = await CreateProjectAsync(admin);
        var b = await CreateProjectAsync(admin);
        using var login = Client(baseUrl, b);
        // Warm both: the JIT, each project's first key.
        await admin.GetStringAsync(new Uri($"v1/sessions/jwks/{a.Id}", UriKind.Relative));
        await admin.GetStringAsync(new Uri($"v1/sessions/jwks/{b.Id}", UriKind.Relative));
        await MeasureAsync(TimeSpan.FromSeconds(2), () => LoginAsync(login, 0));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stytch.Fake key load on {baseUrl} ({Environment.ProcessorCount} cores, {seconds} s per phase)"));
        Console.WriteLine();
        Console.WriteLine("| phase | project B logins | B login p50 / p99 / max, ms | load calls | load p50 / p99 / max, ms | load errors |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var window = TimeSpan.FromSeconds(seconds);

        var idle = await MeasureAsync(window, () => LoginAsync(login, 0));
        Row("idle", idle, null);

        var rotate = PostAsync(admin, $"_fake/v1/projects/{a.Id}/keys/rotate", "{}");
        var (alone, rotation) = await UnderLoadAsync(window, 1, () => LoginAsync(login, 1), rotate);
        Row("1 loop rotating project A's key", alone, rotation);

        var (rotating, rotations) = await UnderLoadAsync(window, Loops, () => LoginAsync(login, 2), rotate);
        Row($"{Loops} loops rotating project A's key", rotating, rotations);

        var (creating, firsts) = await UnderLoadAsync(window, Loops, () => LoginAsync(login, 3), async () =>
        {
            var project = await CreateProjectAsync(admin);
            return project.Id.Length == 0 ? 500 : await GetStatusAsync(admin, $"v1/sessions/jwks/{project.Id}");
        });
        Row($"{Loops} loops creating projects + first JWKS", creating, firsts);
        return 0;
    }

    private sealed record Project(string Id, string Secret);

    private sealed class Samples
    {
        public List<double> Millis { get; } = [];
        public int Errors { get; set; }
    }

    private static async Task<(Samples Logins, Samples Load)> UnderLoadAsync(TimeSpan window, int count, Func<Task<int>> login, Func<Task<int>> load)
    {
        using var stop = new CancellationTokenSource();
        var loadSamples = new Samples();
        var loops = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                var status = await load();
                lock (loadSamples)
                {
                    loadSamples.Millis.Add(watch.Elapsed.TotalMilliseconds);
                    loadSamples.Errors += status is >= 200 and < 300 ? 0 : 1;
                }
            }
        })).ToArray();
        var logins = await MeasureAsync(window, login);
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        return (logins, loadSamples);
    }

    private static async Task<Samples> MeasureAsync(TimeSpan window, Func<Task<int>> call)
    {
        var samples = new Samples();
        var until = Stopwatch.StartNew();
        while (until.Elapsed < window)
        {
            var watch = Stopwatch.StartNew();
            var status = await call();
            samples.Millis.Add(watch.Elapsed.TotalMilliseconds);
            samples.Errors += status == 200 ? 0 : 1;
        }

        return samples;
    }

    private static int _email;

    private static Task<int> LoginAsync(HttpClient client, int phase) =>
        PostStatusAsync(client, "v1/otps/email/login_or_create", $$"""{"email":"p{{phase}}-{{Interlocked.Increment(ref _email) % 500}}@example.com"}""");

    private static Func<Task<int>> PostAsync(HttpClient client, string path, string body) => () => PostStatusAsync(client, path, body);

    private static async Task<int> PostStatusAsync(HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return (int)response.StatusCode;
    }

    private static async Task<int> GetStatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (int)response.StatusCode;
    }

    private static async Task<Project> CreateProjectAsync(HttpClient admin)
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync(new Uri("_fake/v1/projects", UriKind.Relative), content);
        if (!response.IsSuccessStatusCode)
        {
            return new Project("", "");
        }

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new Project(json["project_id"]!.GetValue<string>(), json["secret"]!.GetValue<string>());
    }

    private static HttpClient Client(Uri baseUrl, Project project)
    {
        var client = new HttpClient { BaseAddress = baseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{project.Id}:{project.Secret}")));
        return client;
    }

    private static void Row(string phase, Samples logins, Samples? load)
    {
        static string Percentiles(List<double> values)
        {
            if (values.Count == 0)
            {
                return "–";
            }

            var sorted = values.Order().ToArray();
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
            return string.Create(CultureInfo.InvariantCulture, $"{At(0.5):0.0} / {At(0.99):0.0} / {sorted[^1]:0.0}");
        }

        var loadCount = load is null ? "–" : load.Millis.Count.ToString(CultureInfo.InvariantCulture);
        var loadErrors = load is null ? "–" : load.Errors.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {phase} | {logins.Millis.Count} ({logins.Errors} errors) | {Percentiles(logins.Millis)} | {loadCount} | {(load is null ? "–" : Percentiles(load.Millis))} | {loadErrors} |"));
    }
}
