using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer;

namespace Stytch.Fake.Tests.Robustness;

/// <summary>
/// A seeded random fuzzer over the consumer endpoints: valid requests, mutated (fields dropped, duplicated,
/// retyped or replaced with random text and unicode, bodies truncated or corrupted). Every answer must be a
/// 200 or a Stytch error envelope below 500, and afterwards the state must agree with the 200s seen: one
/// outbox message per 200 login_or_create/send, no user without a 200 login_or_create, each code used at most once.
/// The seed is random per run (or <c>STYTCH_FAKE_FUZZ_SEED</c>) and printed, so a failure can be replayed.
/// </summary>
public sealed class FuzzTests
{
    private const int Requests = 4_000;
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Test]
    public async Task ConsumerEndpoints_MutatedRequests_NeverFailAndKeepStateConsistent()
    {
        var seed = Environment.GetEnvironmentVariable("STYTCH_FAKE_FUZZ_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        await TestContext.Out.WriteLineAsync($"fuzz seed {seed} (replay with STYTCH_FAKE_FUZZ_SEED={seed})");

        var run = await FuzzRun.RunAsync(seed, Requests);
        // How long it took is reported, never asserted: on a loaded machine any bound is a flake. Each request has its hang guard.
        await TestContext.Out.WriteLineAsync($"{Requests} requests in {run.Elapsed.TotalSeconds:F1} s");

        Assert.That(run.Problems, Is.Empty,
            $"fuzz seed {seed} (replay with STYTCH_FAKE_FUZZ_SEED={seed}), {run.Problems.Count} problems:\n" + string.Join("\n", run.Problems.Take(20)));
        Assert.Multiple(() =>
        {
            // The run must have reached real state, not only validation errors.
            Assert.That(run.Successes["otps.email.login_or_create"], Is.GreaterThan(50), $"seed {seed}");
            Assert.That(run.Successes["otps.authenticate"], Is.GreaterThan(10), $"seed {seed}");
            Assert.That(run.Successes["sessions.authenticate"], Is.GreaterThan(5), $"seed {seed}");
        });
    }

    /// <summary>One fuzz run against a fresh fake; records every problem instead of stopping at the first.</summary>
    private sealed class FuzzRun
    {
        private static readonly string[] Emails =
        [
            "ada@example.com", "grace@example.com", "linus@example.org", "ken+tag@example.net", "barbara@sub.example.com",
            "margaret@example.io", "edsger@example.com", "donald@example.com", Sandbox.Email,
        ];

        private static readonly string[] Unicode =
        [
            "ä", "\u00e9", "\u0000", "\u0007", "\n", "\r\n", "\t", "\u202e", "\u200b", "\ufeff", "\U0001F600", "\uFF20", "\u0661",
            "\"", "\\", "/", "..", "%2F", "'", "<", ">", "&", "{", "}", "[", "]", ":", ",", " ",
        ];

        private readonly Random _random;
        private readonly StytchFake _stytch;
        private readonly HttpClient _http;
        private readonly List<string> _problems = [];
        private readonly Dictionary<string, int> _successes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _createdUserIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _deletedUserIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _emailIdByEmail = new(StringComparer.Ordinal);
        private readonly HashSet<(string MethodId, string Code)> _usedCodes = [];
        private readonly List<string> _sessionTokens = [];
        private readonly List<string> _sessionJwts = [];
        private int _expectedOutbox;
        private int _usersCreatedAnswers;

        private FuzzRun(int seed, StytchFake stytch)
        {
            _random = new Random(seed);
            _stytch = stytch;
            _http = stytch.CreateClient();
            _http.Timeout = TimeSpan.FromMinutes(2);   // a hang guard only: far past any answer on a loaded machine
            foreach (var name in new[] { "otps.email.login_or_create", "otps.email.send", "otps.authenticate", "sessions.authenticate", "sessions.revoke", "users.get", "users.delete", "sessions.get" })
            {
                _successes[name] = 0;
            }
        }

        public List<string> Problems => _problems;
        public Dictionary<string, int> Successes => _successes;
        public TimeSpan Elapsed { get; private set; }

        public static async Task<FuzzRun> RunAsync(int seed, int requests)
        {
            await using var stytch = await StytchFake.StartAsync(new StytchFakeOptions
            {
                Project = new StytchProjectOptions { TimeProvider = new FakeTimeProvider(Start), Seed = seed },
            });
            var run = new FuzzRun(seed, stytch);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < requests; i++)
            {
                await run.OneAsync(i);
            }

            run.Elapsed = clock.Elapsed;
            run.CheckInvariants();
            run._http.Dispose();
            return run;
        }

        private async Task OneAsync(int index)
        {
            var (name, method, path, body) = Pick();
            var mutations = new List<string>();
            var mutationCount = _random.NextDouble() < 0.35 ? 0 : _random.Next(1, 4);
            var bytes = body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
            for (var m = 0; m < mutationCount && body is not null; m++)
            {
                bytes = Mutate(body, bytes!, mutations);
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
            if (bytes is not null)
            {
                request.Content = new ByteArrayContent(bytes);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            if (_random.NextDouble() < 0.02)
            {
                request.Headers.Authorization = _random.Next(3) switch
                {
                    0 => null,
                    1 => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_stytch.ProjectId}:{RandomText(12)}"))),
                    _ => new AuthenticationHeaderValue("Basic", RandomText(20)),
                };
                mutations.Add("authorization");
                if (request.Headers.Authorization is null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", "");
                }
            }

            // A request under a name the server does not answer to (DNS rebinding) must be refused whatever it carries.
            var foreignHost = _random.NextDouble() < 0.03;
            if (foreignHost)
            {
                var port = _stytch.Url.Port.ToString(CultureInfo.InvariantCulture);
                request.Headers.Host = _random.Next(4) switch
                {
                    0 => $"evil.example:{port}",
                    1 => $"127.0.0.1.{RandomLabel()}.example:{port}",
                    2 => $"localhost:{(_stytch.Url.Port % 65535) + 1}",
                    _ => $"{RandomLabel()}.example",
                };
                mutations.Add("host " + request.Headers.Host);
            }

            string Describe() => $"#{index} {method} {path} [{string.Join(", ", mutations)}] body={Shorten(bytes)}";
            int status;
            string text;
            try
            {
                using var response = await _http.SendAsync(request);
                status = (int)response.StatusCode;
                text = await response.Content.ReadAsStringAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _problems.Add($"{Describe()} -> {e.GetType().Name}: {e.Message}");
                return;
            }

            JsonObject? json = null;
            try
            {
                json = JsonNode.Parse(text) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                // Reported below.
            }

            if (status >= 500 || json is null)
            {
                _problems.Add($"{Describe()} -> {status} {Shorten(text)}");
                return;
            }

            if (foreignHost)
            {
                if (status != 403 || json["error_type"]?.GetValue<string>() != "host_not_allowed")
                {
                    _problems.Add($"{Describe()} -> {status} for a foreign Host: {Shorten(text)}");
                }

                return;
            }

            if (status != 200)
            {
                if (json["error_type"] is not JsonValue type || type.GetValue<string>().Length == 0 || json["status_code"]?.GetValue<int>() != status)
                {
                    _problems.Add($"{Describe()} -> {status} without a Stytch envelope: {Shorten(text)}");
                }

                return;
            }

            _successes[name]++;
            Record(name, path, bytes, json, Describe);
        }

        private void Record(string name, string path, byte[]? sent, JsonObject json, Func<string> describe)
        {
            switch (name)
            {
                case "otps.email.login_or_create":
                case "otps.email.send":
                {
                    var userId = json["user_id"]!.GetValue<string>();
                    var emailId = json["email_id"]!.GetValue<string>();
                    if (userId != Sandbox.UserId)
                    {
                        _expectedOutbox++;
                        var message = _stytch.Outbox.All[0];
                        _emailIdByEmail[message.EmailAddress] = emailId;
                        if (message.MethodId != emailId || message.UserId != userId)
                        {
                            _problems.Add($"{describe()} -> 200 for {emailId}, but the newest outbox message is for {message.MethodId}");
                        }
                    }

                    if (name == "otps.email.send" && !_createdUserIds.Contains(userId) && userId != Sandbox.UserId)
                    {
                        _problems.Add($"{describe()} -> send answered 200 for a user no login_or_create created: {userId}");
                    }

                    if (json["user_created"]?.GetValue<bool>() == true)
                    {
                        _usersCreatedAnswers++;
                        if (!_createdUserIds.Add(userId))
                        {
                            _problems.Add($"{describe()} -> user_created twice for {userId}");
                        }
                    }
                    else if (name == "otps.email.login_or_create" && !_createdUserIds.Contains(userId) && userId != Sandbox.UserId)
                    {
                        _problems.Add($"{describe()} -> user_created false for a user never created: {userId}");
                    }

                    break;
                }

                case "otps.authenticate":
                {
                    var methodId = json["method_id"]!.GetValue<string>();
                    // The code as sent (after any mutation): a 200 means the body was a valid JSON object.
                    string code;
                    try
                    {
                        code = JsonNode.Parse(sent!)!["code"]!.GetValue<string>();
                    }
                    catch (ArgumentException)
                    {
                        _problems.Add($"{describe()} -> 200 for a body with a duplicate key");
                        break;
                    }

                    if (methodId != Sandbox.EmailId && !_usedCodes.Add((methodId, code)))
                    {
                        _problems.Add($"{describe()} -> code {code} for {methodId} authenticated twice");
                    }

                    if (json["session_token"]?.GetValue<string>() is { Length: > 0 } token)
                    {
                        _sessionTokens.Add(token);
                        _sessionJwts.Add(json["session_jwt"]!.GetValue<string>());
                    }

                    break;
                }

                case "users.delete":
                    _deletedUserIds.Add(path.Split('/')[^1]);
                    break;
            }
        }

        private void CheckInvariants()
        {
            var project = _stytch.DefaultProject;
            var outbox = project.Outbox.All;
            if (outbox.Count != _expectedOutbox)
            {
                _problems.Add($"outbox holds {outbox.Count} messages, but {_expectedOutbox} login_or_create/send calls answered 200");
            }

            var users = project.Users.All;
            foreach (var user in users)
            {
                if (!_createdUserIds.Contains(user.UserId) && user.UserId != Sandbox.UserId)
                {
                    _problems.Add($"user {user.UserId} ({user.Email}) exists without a 200 login_or_create that created it");
                }

                if (_deletedUserIds.Contains(user.UserId))
                {
                    _problems.Add($"user {user.UserId} answered 200 to delete but still exists");
                }
            }

            var expectedUsers = _createdUserIds.Except(_deletedUserIds).ToHashSet(StringComparer.Ordinal);
            var actual = users.Where(u => u.UserId != Sandbox.UserId).Select(u => u.UserId).ToHashSet(StringComparer.Ordinal);
            if (!actual.SetEquals(expectedUsers))
            {
                _problems.Add($"users {string.Join(",", actual.Order(StringComparer.Ordinal))} != created minus deleted {string.Join(",", expectedUsers.Order(StringComparer.Ordinal))}");
            }

            if (_usersCreatedAnswers != _createdUserIds.Count)
            {
                _problems.Add($"{_usersCreatedAnswers} user_created answers for {_createdUserIds.Count} users");
            }

            foreach (var user in users)
            {
                if (!string.Equals(user.Email, user.Email.ToLowerInvariant(), StringComparison.Ordinal) || user.Email.Any(char.IsControl))
                {
                    _problems.Add($"user {user.UserId} stored an unnormalised email {JsonValue.Create(user.Email).ToJsonString()}");
                }
            }
        }

        private (string Name, string Method, string Path, JsonObject? Body) Pick()
        {
            var email = Email();
            switch (_random.Next(100))
            {
                case < 30:
                {
                    var body = new JsonObject { ["email"] = email };
                    Maybe(body, "expiration_minutes", () => _random.Next(1, 11));
                    Maybe(body, "locale", () => Pick(Validate.Locales));
                    Maybe(body, "create_user_as_pending", () => _random.Next(2) == 0);
                    Maybe(body, "attributes", () => new JsonObject { ["ip_address"] = "203.0.113.7", ["user_agent"] = "fuzz" });
                    Maybe(body, "login_template_id", () => "tpl");
                    return ("otps.email.login_or_create", "POST", "/v1/otps/email/login_or_create", body);
                }

                case < 40:
                {
                    var body = new JsonObject { ["email"] = email };
                    Maybe(body, "expiration_minutes", () => _random.Next(1, 11));
                    Maybe(body, "locale", () => Pick(Validate.Locales));
                    return ("otps.email.send", "POST", "/v1/otps/email/send", body);
                }

                case < 65:
                {
                    var normalized = email.ToLowerInvariant();
                    var sandbox = string.Equals(normalized, Sandbox.Email, StringComparison.Ordinal);
                    var methodId = sandbox ? Sandbox.EmailId
                        : _emailIdByEmail.GetValueOrDefault(normalized) ?? $"email-test-{Guid.NewGuid()}";
                    var latest = sandbox ? Sandbox.Code : _stytch.Outbox.FindLatestFor(normalized)?.Code;
                    var code = latest is not null && _random.NextDouble() < 0.6 ? latest : _random.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
                    var body = new JsonObject { ["method_id"] = methodId, ["code"] = code };
                    Maybe(body, "session_duration_minutes", () => _random.Next(5, 600), 0.6);
                    if (_sessionTokens.Count > 0 && _random.NextDouble() < 0.1)
                    {
                        body["session_token"] = Pick(_sessionTokens);
                    }

                    return ("otps.authenticate", "POST", "/v1/otps/authenticate", body);
                }

                case < 78:
                {
                    var body = new JsonObject();
                    if (_sessionTokens.Count > 0 && _random.NextDouble() < 0.8)
                    {
                        if (_random.Next(2) == 0)
                        {
                            body["session_token"] = Pick(_sessionTokens);
                        }
                        else
                        {
                            body["session_jwt"] = Pick(_sessionJwts);
                        }
                    }
                    else
                    {
                        body["session_token"] = RandomText(44);
                    }

                    Maybe(body, "session_duration_minutes", () => _random.Next(5, 600), 0.3);
                    return ("sessions.authenticate", "POST", "/v1/sessions/authenticate", body);
                }

                case < 82:
                {
                    var body = new JsonObject();
                    if (_sessionTokens.Count > 0 && _random.NextDouble() < 0.8)
                    {
                        body["session_token"] = Pick(_sessionTokens);
                    }
                    else
                    {
                        body["session_id"] = $"session-test-{Guid.NewGuid()}";
                    }

                    return ("sessions.revoke", "POST", "/v1/sessions/revoke", body);
                }

                case < 92:
                    return ("users.get", "GET", "/v1/users/" + Uri.EscapeDataString(UserIdOrJunk(inPath: true)), null);
                case < 94:
                    return ("users.delete", "DELETE", "/v1/users/" + Uri.EscapeDataString(UserIdOrJunk(inPath: true)), null);
                default:
                    return ("sessions.get", "GET", "/v1/sessions?user_id=" + Uri.EscapeDataString(UserIdOrJunk(inPath: false)), null);
            }
        }

        // No NUL in path ids: Kestrel refuses a request target with one before the fake sees it (a bodiless 400,
        // pinned by HostileInputTests). Query strings may hold one.
        private string UserIdOrJunk(bool inPath) =>
            _createdUserIds.Count > 0 && _random.NextDouble() < 0.7 ? Pick(_createdUserIds.Order(StringComparer.Ordinal).ToList())
            : _random.Next(3) switch { 0 => RandomText(_random.Next(0, 40)), 1 => $"user-test-{Guid.NewGuid()}", _ => inPath ? RandomUnicode().Replace("\0", "", StringComparison.Ordinal) : RandomUnicode() };

        private string Email()
        {
            var email = Pick(Emails);
            return _random.Next(8) switch
            {
                0 => email.ToUpperInvariant(),
                1 => $"fuzz{_random.Next(40)}@example.com",
                _ => email,
            };
        }

        private byte[] Mutate(JsonObject body, byte[] bytes, List<string> log)
        {
            var keys = body.Select(p => p.Key).ToList();
            var key = keys.Count > 0 ? Pick(keys) : "email";
            switch (_random.Next(12))
            {
                case 0:
                    body.Remove(key);
                    log.Add($"drop {key}");
                    break;
                case 1:
                    body[key] = RandomJson(0);
                    log.Add($"retype {key}");
                    break;
                case 2:
                    body[key] = null;
                    log.Add($"null {key}");
                    break;
                case 3:
                    body[key] = RandomText(_random.Next(0, 80));
                    log.Add($"text {key}");
                    break;
                case 4:
                    body[key] = (body[key]?.ToString() ?? "") + RandomUnicode();
                    log.Add($"unicode {key}");
                    break;
                case 5:
                    body[key] = _random.Next(4) switch { 0 => int.MaxValue, 1 => -1, 2 => 0, _ => 1e300 };
                    log.Add($"number {key}");
                    break;
                case 6:
                    body["fuzz_" + RandomText(4)] = RandomJson(0);
                    log.Add("unknown field");
                    break;
                case 7:
                {
                    var text = body.ToJsonString();
                    var copy = $"\"{key}\":{body[key]?.ToJsonString() ?? "null"}";
                    log.Add($"duplicate {key}");
                    return Encoding.UTF8.GetBytes(text.Length > 2 ? text[..^1] + "," + copy + "}" : text);
                }

                case 8:
                {
                    var cut = _random.Next(0, bytes.Length);
                    log.Add($"truncate {cut}");
                    return bytes[..cut];
                }

                case 9:
                {
                    var flipped = bytes.ToArray();
                    if (flipped.Length > 0)
                    {
                        flipped[_random.Next(flipped.Length)] = (byte)_random.Next(256);
                    }

                    log.Add("byte flip");
                    return flipped;
                }

                case 10:
                    log.Add("wrap in array");
                    return Encoding.UTF8.GetBytes("[" + body.ToJsonString() + "]");
                default:
                    log.Add("replace body");
                    return Encoding.UTF8.GetBytes(RandomJson(0)?.ToJsonString() ?? "null");
            }

            return Encoding.UTF8.GetBytes(body.ToJsonString());
        }

        private JsonNode? RandomJson(int depth) => _random.Next(depth > 2 ? 5 : 7) switch
        {
            0 => JsonValue.Create(_random.Next()),
            1 => JsonValue.Create(_random.NextDouble() * 1e6),
            2 => JsonValue.Create(_random.Next(2) == 0),
            3 => null,
            4 => JsonValue.Create(RandomText(_random.Next(0, 30)) + RandomUnicode()),
            5 => new JsonArray(RandomJson(depth + 1), RandomJson(depth + 1)),
            _ => new JsonObject { [RandomText(3)] = RandomJson(depth + 1) },
        };

        private string RandomLabel() => string.Concat(Enumerable.Range(0, _random.Next(1, 12)).Select(_ => (char)('a' + _random.Next(26))));

        private string RandomText(int length)
        {
            const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.@+";
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = Alphabet[_random.Next(Alphabet.Length)];
            }

            return new string(chars);
        }

        private string RandomUnicode()
        {
            var text = new StringBuilder();
            for (var i = _random.Next(1, 4); i > 0; i--)
            {
                text.Append(_random.Next(3) == 0 ? char.ConvertFromUtf32(_random.Next(0x20, 0xD7FF)) : Pick(Unicode));
            }

            return text.ToString();
        }

        private void Maybe(JsonObject body, string key, Func<JsonNode?> value, double probability = 0.3)
        {
            if (_random.NextDouble() < probability)
            {
                body[key] = value();
            }
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private static string Shorten(byte[]? bytes) => bytes is null ? "(none)" : Shorten(Encoding.UTF8.GetString(bytes));

        private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
    }
}
