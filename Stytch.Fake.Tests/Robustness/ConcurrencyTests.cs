using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Stytch.Fake.Tests.Robustness;

/// <summary>
/// Many concurrent clients over loopback HTTP: mixed login, send, authenticate and session flows on one project
/// and on several projects of one server. Nothing may answer 5xx, no update may be lost, a code or a session can
/// be used up exactly once however many clients race for it, and the counts agree afterwards.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Tasks = 32;
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly HashSet<string> ExpectedErrors =
        ["otp_code_not_found", "unable_to_auth_otp_code", "email_not_found"];

    [Test]
    public async Task MixedFlows_32TasksOnOneProject_NoLostUpdatesAndConsistentCounts()
    {
        await using var stytch = await StartAsync();
        using var http = Client(stytch, stytch.DefaultProject);
        var tally = new Tally();

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(() => RunClientAsync(http, stytch.DefaultProject, t, 120, tally))));

        AssertConsistent(stytch.DefaultProject, tally);
    }

    [Test]
    public async Task MixedFlows_FourProjectsOnOneServer_EachProjectSeesOnlyItsOwnUpdates()
    {
        await using var stytch = await StartAsync();
        var projects = new[] { stytch.DefaultProject, stytch.CreateProject(Options()), stytch.CreateProject(Options()), stytch.CreateProject(Options()) };
        var tallies = projects.Select(_ => new Tally()).ToArray();
        var clients = projects.Select(p => Client(stytch, p)).ToArray();
        try
        {
            // The same emails in every project, and some calls aimed at another project's email ids.
            await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(() =>
                RunClientAsync(clients[t % projects.Length], projects[t % projects.Length], t / projects.Length, 100, tallies[t % projects.Length],
                    foreignEmailIds: tallies[(t + 1) % projects.Length].EmailIds))));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        for (var i = 0; i < projects.Length; i++)
        {
            AssertConsistent(projects[i], tallies[i]);
            var others = projects.Where((_, j) => j != i).SelectMany(p => p.Users.All).Select(u => u.UserId).ToHashSet(StringComparer.Ordinal);
            Assert.That(projects[i].Users.All.Select(u => u.UserId).Intersect(others), Is.Empty, $"project {i} holds another project's user");
        }
    }

    [Test]
    public async Task OtpsAuthenticate_32TasksRaceForTheSameCode_ExactlyOneSucceeds()
    {
        await using var stytch = await StartAsync();
        using var http = Client(stytch, stytch.DefaultProject);

        for (var round = 0; round < 15; round++)
        {
            var email = $"race{round}@example.com";
            var sent = await PostAsync(http, "v1/otps/email/login_or_create", new JsonObject { ["email"] = email });
            var code = stytch.Outbox.LatestFor(email).Code;
            var body = new JsonObject { ["method_id"] = sent.Json!["email_id"]!.GetValue<string>(), ["code"] = code, ["session_duration_minutes"] = 60 };

            var answers = await RaceAsync(() => PostAsync(http, "v1/otps/authenticate", body));

            Assert.Multiple(() =>
            {
                Assert.That(answers.Count(a => a.Status == 200), Is.EqualTo(1), $"round {round}: {Summary(answers)}");
                Assert.That(answers.Where(a => a.Status != 200).Select(a => a.ErrorType), Is.All.EqualTo("unable_to_auth_otp_code"), $"round {round}");
                Assert.That(stytch.DefaultProject.Sessions.Of(sent.Json!["user_id"]!.GetValue<string>()), Has.Count.EqualTo(1), $"round {round}");
            });
        }
    }

    [Test]
    public async Task SessionsRevoke_32TasksRaceToRevokeOneSession_ExactlyOneSucceeds()
    {
        await using var stytch = await StartAsync();
        using var http = Client(stytch, stytch.DefaultProject);
        var user = stytch.DefaultProject.Users.Create("ada@example.com");

        for (var round = 0; round < 15; round++)
        {
            var minted = stytch.DefaultProject.Sessions.Mint(user.UserId);
            var body = new JsonObject { ["session_token"] = minted.SessionToken };

            var answers = await RaceAsync(() => PostAsync(http, "v1/sessions/revoke", body));

            Assert.Multiple(() =>
            {
                Assert.That(answers.Count(a => a.Status == 200), Is.EqualTo(1), $"round {round}: {Summary(answers)}");
                Assert.That(answers.Where(a => a.Status != 200).Select(a => a.ErrorType), Is.All.EqualTo("session_not_found"), $"round {round}");
                Assert.That(stytch.DefaultProject.Sessions.Of(user.UserId), Is.Empty, $"round {round}");
            });
        }
    }

    [Test]
    public async Task LoginOrCreate_32TasksRaceForOneNewEmail_CreateExactlyOneUser()
    {
        await using var stytch = await StartAsync();
        using var http = Client(stytch, stytch.DefaultProject);

        for (var round = 0; round < 15; round++)
        {
            var email = $"new{round}@example.com";
            var answers = await RaceAsync(() => PostAsync(http, "v1/otps/email/login_or_create", new JsonObject { ["email"] = round % 2 == 0 ? email : email.ToUpperInvariant() }));

            Assert.Multiple(() =>
            {
                Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(200), Summary(answers));
                Assert.That(answers.Count(a => a.Json!["user_created"]!.GetValue<bool>()), Is.EqualTo(1), $"round {round}");
                Assert.That(answers.Select(a => a.Json!["user_id"]!.GetValue<string>()).Distinct(), Has.Exactly(1).Items, $"round {round}");
                Assert.That(stytch.Outbox.For(email), Has.Count.EqualTo(Tasks), $"round {round}");
            });
        }

        Assert.That(stytch.DefaultProject.Users.All, Has.Count.EqualTo(15));
    }

    private static StytchProjectOptions Options() => new() { TimeProvider = new FakeTimeProvider(Start) };

    private static Task<StytchFake> StartAsync() => StytchFake.StartAsync(new StytchFakeOptions { Project = Options() });

    private static HttpClient Client(StytchFake stytch, StytchFakeProject project)
    {
        var http = new HttpClient { BaseAddress = stytch.Url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{project.ProjectId}:{project.Secret}")));
        return http;
    }

    /// <summary>One client: a random mix of flows over its own emails and a few every client shares.</summary>
    private static async Task RunClientAsync(HttpClient http, StytchFakeProject project, int client, int iterations, Tally tally, ConcurrentDictionary<string, string>? foreignEmailIds = null)
    {
        var random = new Random(client * 7919 + iterations);
        var sessions = new List<string>();
        for (var i = 0; i < iterations; i++)
        {
            var email = random.Next(4) == 0 ? $"shared{random.Next(4)}@example.com" : $"client{client}-{random.Next(3)}@example.com";
            var roll = random.Next(100);
            Answer answer;
            if (roll < 30)
            {
                answer = await tally.CallAsync(http, "v1/otps/email/login_or_create", new JsonObject { ["email"] = email });
                tally.Sent(answer, email);
            }
            else if (roll < 40)
            {
                answer = await tally.CallAsync(http, "v1/otps/email/send", new JsonObject { ["email"] = email });
                tally.Sent(answer, email);
            }
            else if (roll < 70 && tally.EmailIds.TryGetValue(email, out var emailId))
            {
                // The right code (which may already be superseded or used by another client), or a wrong one.
                var latest = project.Outbox.FindLatestFor(email)?.Code ?? "000001";
                var code = random.Next(4) == 0 ? ((int.Parse(latest, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) : latest;
                answer = await tally.CallAsync(http, "v1/otps/authenticate", new JsonObject { ["method_id"] = emailId, ["code"] = code, ["session_duration_minutes"] = 30 });
                if (answer.Status == 200)
                {
                    tally.Authenticated(emailId, code, answer);
                    sessions.Add(answer.Json!["session_token"]!.GetValue<string>());
                }
            }
            else if (roll < 75 && foreignEmailIds is not null && !foreignEmailIds.IsEmpty)
            {
                // Another project's email id, with that project's newest code for it: never valid here.
                var (foreignEmail, foreignId) = foreignEmailIds.ElementAt(random.Next(foreignEmailIds.Count));
                answer = await tally.CallAsync(http, "v1/otps/authenticate", new JsonObject { ["method_id"] = foreignId, ["code"] = "123456" });
                if (answer.Status != 404 || answer.ErrorType != "otp_code_not_found")
                {
                    tally.Problem($"another project's email id {foreignId} ({foreignEmail}) answered {answer.Status} {answer.ErrorType}");
                }
            }
            else if (roll < 90 && sessions.Count > 0)
            {
                answer = await tally.CallAsync(http, "v1/sessions/authenticate", new JsonObject { ["session_token"] = sessions[random.Next(sessions.Count)] });
                if (answer.Status == 200)
                {
                    Interlocked.Increment(ref tally.SessionAuthentications);
                }
            }
            else if (tally.UserIds.TryGetValue(email, out var userId))
            {
                answer = await tally.GetAsync(http, $"v1/users/{userId}");
                if (answer.Status == 200 && answer.Json!["emails"]![0]!["email"]!.GetValue<string>() != email)
                {
                    tally.Problem($"users.get {userId} answered another user's email");
                }
            }
            else
            {
                continue;
            }

            if (answer.Status >= 500 || (answer.Status != 200 && !ExpectedErrors.Contains(answer.ErrorType ?? "")))
            {
                tally.Problem($"client {client}: {answer.Status} {answer.Text}");
            }
        }
    }

    private static void AssertConsistent(StytchFakeProject project, Tally tally)
    {
        var users = project.Users.All;
        Assert.Multiple(() =>
        {
            Assert.That(tally.Problems, Is.Empty, string.Join("\n", tally.Problems.Take(20)));
            Assert.That(project.Outbox.All, Has.Count.EqualTo(tally.SentCount), "one outbox message per 200 login_or_create/send");
            Assert.That(users.Select(u => u.UserId), Is.EquivalentTo(tally.UserIds.Values), "one user per email that a login_or_create answered for");
            Assert.That(tally.CreatedCount, Is.EqualTo(users.Count), "user_created answered exactly once per user");
            Assert.That(users.Select(u => u.Email), Is.Unique);
            foreach (var (email, count) in tally.SentPerEmail)
            {
                Assert.That(project.Outbox.For(email), Has.Count.EqualTo(count), $"messages to {email}");
            }

            // No code worked twice. Six random digits can come round again for the same address in a run of this size
            // (about one run in a hundred), so a code's value may authenticate once per message that carried it.
            var issued = project.Outbox.All.GroupBy(m => $"{m.MethodId}:{m.Code}", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var (key, uses) in tally.UsedCodes)
            {
                Assert.That(uses, Is.LessThanOrEqualTo(issued.GetValueOrDefault(key)), $"code {key} authenticated more often than it was sent");
            }

            var sessions = users.Sum(u => project.Sessions.Of(u.UserId).Count);
            Assert.That(sessions, Is.EqualTo(tally.UsedCodes.Values.Sum()), "one session per 200 otps/authenticate");
            Assert.That(users.Where(u => tally.UsedCodes.Keys.Any(k => k.StartsWith(u.EmailId + ":", StringComparison.Ordinal))).Select(u => u.EmailVerified),
                Is.All.True, "a user whose code authenticated is verified");
        });
        Assert.That(tally.Calls, Is.GreaterThan(1_000 / 4), "the run made too few calls to mean anything");
    }

    private static async Task<Answer[]> RaceAsync(Func<Task<Answer>> call)
    {
        using var gate = new Barrier(Tasks);
        var tasks = Enumerable.Range(0, Tasks).Select(_ => Task.Factory.StartNew(() =>
        {
            gate.SignalAndWait();
            return call();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        return await Task.WhenAll(tasks);
    }

    private static string Summary(IEnumerable<Answer> answers) =>
        string.Join(", ", answers.GroupBy(a => $"{a.Status} {a.ErrorType}").Select(g => $"{g.Count()} x {g.Key}"));

    private static async Task<Answer> PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        return await Answer.ReadAsync(response);
    }

    private sealed record Answer(int Status, string Text, JsonObject? Json)
    {
        public string? ErrorType => Json?["error_type"]?.GetValue<string>();

        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            JsonObject? json = null;
            try
            {
                json = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                // Left null; the caller reports the text.
            }

            return new Answer((int)response.StatusCode, text, json);
        }
    }

    /// <summary>What the clients saw answered, to compare with the project's state at the end.</summary>
    private sealed class Tally
    {
        private int _sent;
        private int _created;
        private int _calls;
        public int SessionAuthentications;

        public ConcurrentDictionary<string, string> EmailIds { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, string> UserIds { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, int> SentPerEmail { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, int> UsedCodes { get; } = new(StringComparer.Ordinal);
        public ConcurrentQueue<string> Problems { get; } = new();
        public int SentCount => Volatile.Read(ref _sent);
        public int CreatedCount => Volatile.Read(ref _created);
        public int Calls => Volatile.Read(ref _calls);

        public async Task<Answer> CallAsync(HttpClient http, string path, JsonObject body)
        {
            Interlocked.Increment(ref _calls);
            return await PostAsync(http, path, body);
        }

        public async Task<Answer> GetAsync(HttpClient http, string path)
        {
            Interlocked.Increment(ref _calls);
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            return await Answer.ReadAsync(response);
        }

        public void Sent(Answer answer, string email)
        {
            if (answer.Status != 200)
            {
                return;
            }

            Interlocked.Increment(ref _sent);
            SentPerEmail.AddOrUpdate(email, 1, (_, n) => n + 1);
            var userId = answer.Json!["user_id"]!.GetValue<string>();
            var emailId = answer.Json!["email_id"]!.GetValue<string>();
            if (UserIds.GetOrAdd(email, userId) != userId || EmailIds.GetOrAdd(email, emailId) != emailId)
            {
                Problem($"{email} answered a second user: {userId} / {emailId}");
            }

            if (answer.Json!["user_created"]?.GetValue<bool>() == true)
            {
                Interlocked.Increment(ref _created);
            }
        }

        public void Authenticated(string emailId, string code, Answer answer)
        {
            UsedCodes.AddOrUpdate($"{emailId}:{code}", 1, (_, n) => n + 1);
            if (answer.Json!["session"] is null || answer.Json!["method_id"]!.GetValue<string>() != emailId)
            {
                Problem($"authenticate answered without a session or for another method: {answer.Text}");
            }
        }

        public void Problem(string problem) => Problems.Enqueue(problem);
    }
}
