using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Robustness;

/// <summary>
/// Hostile requests over loopback HTTP, consumer endpoints and back doors, one table row each: every one must
/// be answered quickly with Stytch's error envelope and the expected 4xx <c>error_type</c>, never a 500 or a
/// hang, and must leave the projects' state (users, codes, sessions, outbox, clock, faults) as it was. Unknown
/// fields are ignored by default (as by Stytch), so the rows that send them go to a strict project, which refuses them.
/// </summary>
public sealed partial class HostileInputTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);   // a hang guard only: far past any answer on a loaded machine

    private StytchFake _stytch = null!;
    private StytchFakeProject _other = null!;
    private StytchFakeProject _strict = null!;
    private HttpClient _http = null!;
    private HostileIds _ids = null!;

    // One fake for the fixture, not FakeWireTest's fake per test: every row is checked against this one prepared
    // state, which no row may change, and 780 rows would otherwise build it 780 times.
    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _stytch = await StytchFake.StartAsync(new StytchFakeOptions { Project = new StytchProjectOptions { TimeProvider = new FakeTimeProvider(Start) } });
        _other = _stytch.CreateProject(new StytchProjectOptions { TimeProvider = new FakeTimeProvider(Start) });
        _strict = _stytch.CreateProject(new StytchProjectOptions { TimeProvider = new FakeTimeProvider(Start), StrictFields = true });
        _strict.Sessions.Mint(_strict.Users.Create("ada@example.com").UserId);
        _http = new HttpClient { Timeout = RequestTimeout };

        // A user with a live session and an unused code, in both projects, so that a hostile request that
        // reached the state would show up as a change.
        using var client = new WireClient(_stytch);
        var created = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var auth = await client.PostAsync("/v1/otps/authenticate", new
        {
            method_id = created["email_id"],
            code = _stytch.Outbox.LatestFor("ada@example.com").Code,
            session_duration_minutes = 60,
        });
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        var otherUser = _other.Users.Create("grace@example.com");
        var otherSession = _other.Sessions.Mint(otherUser.UserId);
        _ids = new HostileIds(
            _stytch.ProjectId, _stytch.Secret, created["user_id"]!, created["email_id"]!, auth["session_token"]!, auth["session_jwt"]!,
            auth.Json["session"]!["session_id"]!.GetValue<string>(),
            _other.ProjectId, otherUser.UserId, otherUser.EmailId, otherSession.SessionToken, otherSession.SessionJwt,
            WrongCode: _stytch.Outbox.LatestFor("ada@example.com").Code == "999999" ? "999998" : "999999",
            _stytch.DefaultProject.ExportSnapshot(),
            _strict.ProjectId, _strict.Secret);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _stytch.DisposeAsync();
    }

    public static IEnumerable<TestCaseData> Cases() =>
        HostileCases.All().Select(c => new TestCaseData(c).SetName(c.TestName));

    [TestCaseSource(nameof(Cases))]
    public async Task HostileRequest_Row_AnswersStytchErrorAndChangesNothing(HostileCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var before = Fingerprint();

        var (status, contentType, text) = await SendAsync(row);

        Assert.That(status, Is.EqualTo(row.Status), text);
        var json = JsonNode.Parse(text)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(contentType, Is.EqualTo("application/json"));
            Assert.That(json["error_type"]?.GetValue<string>(), Is.EqualTo(row.ErrorType), text);
            Assert.That(json["status_code"]?.GetValue<int>(), Is.EqualTo(row.Status));
            Assert.That(json["request_id"]?.GetValue<string>(), Does.Match(WireShapes.RequestId()));
            Assert.That(json["error_message"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(json["error_url"]?.GetValue<string>(), Does.StartWith($"https://stytch.com/docs/api/errors/{row.Status}"));
            Assert.That(Fingerprint(), Is.EqualTo(before), "the hostile request changed the state");
        });
    }

    [Test]
    public async Task LoginOrCreate_UnknownFieldInADefaultProject_IsIgnoredAndListed()
    {
        var result = await SendAsync(new HostileCase("LoginOrCreate", "UnknownField", "POST", "/v1/otps/email/login_or_create",
            _ => Encoding.UTF8.GetBytes("""{"email":"unknown-field@example.com","nope":1}"""), 200, ""));

        Assert.That(result.Status, Is.EqualTo(200), result.Text);
        Assert.That(_stytch.DefaultProject.Requests.All[^1].IgnoredFields, Is.EqualTo(new[] { "nope" }));
    }

    [Test]
    public async Task LoginOrCreate_JsonBodyAsTextPlain_IsAcceptedLikeJson()
    {
        // Stytch reads a JSON body whatever its Content-Type says (its gateway falls back to JSON); the fake does too.
        var result = await SendAsync(new HostileCase("LoginOrCreate", "TextPlainJson", "POST", "/v1/otps/email/login_or_create",
            _ => Encoding.UTF8.GetBytes("""{"email":"text-plain@example.com"}"""), 200, "", ContentType: "text/plain"));

        Assert.That(result.Status, Is.EqualTo(200), result.Text);
        Assert.That(_stytch.Outbox.LatestFor("text-plain@example.com").Code, Does.Match("^[0-9]{6}$"));
    }

    // Kestrel refuses these before any middleware runs, so neither WireMock nor the fake sees them; the fake swaps
    // Kestrel's bodiless answer for the Stytch envelope with Kestrel's status (a real Stytch's load balancer would
    // refuse them too). These rows pin "the right 4xx, as an envelope, quickly, and nothing changed".
    [TestCase("NulInPath", 400)]
    [TestCase("RequestLineOver8Kb", 414)]
    [TestCase("HeadersOver32Kb", 431)]
    public async Task AnyCall_RefusedByKestrel_AnswersTheEnvelopeWithKestrelsStatus(string scenario, int expected)
    {
        var row = scenario switch
        {
            "NulInPath" => new HostileCase("UsersGet", scenario, "GET", "/v1/users/{user_id}%00", null, expected, ""),
            "RequestLineOver8Kb" => new HostileCase("UsersGet", scenario, "GET", "/v1/users/" + new string('a', 10_000), null, expected, ""),
            _ => new HostileCase("UsersGet", scenario, "GET", "/v1/users/{user_id}", null, expected, "", Authorization: "Basic " + new string('a', 40_000)),
        };
        var before = Fingerprint();

        var (status, contentType, text) = await SendAsync(row);

        var json = JsonNode.Parse(text)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(expected));
            Assert.That(contentType, Is.EqualTo("application/json"));
            Assert.That(json["error_type"]?.GetValue<string>(), Is.EqualTo("bad_request"), text);
            Assert.That(json["status_code"]?.GetValue<int>(), Is.EqualTo(expected));
            Assert.That(json["request_id"]?.GetValue<string>(), Does.Match(WireShapes.RequestId()));
            Assert.That(json["error_url"]?.GetValue<string>(), Is.EqualTo($"https://stytch.com/docs/api/errors/{expected}"));
            Assert.That(Fingerprint(), Is.EqualTo(before));
        });
    }

    private async Task<(int Status, string? ContentType, string Text)> SendAsync(HostileCase row)
    {
        var url = new Uri(_stytch.Url.ToString().TrimEnd('/') + _ids.Fill(row.Path),
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), url);
        var body = row.Body?.Invoke(_ids);
        // A row without a body still sends its content type on a method that changes state (an empty body).
        if (body is not null || (row.ContentType is not null && row.Method is not ("GET" or "HEAD" or "OPTIONS")))
        {
            request.Content = new ByteArrayContent(body ?? []);
            if (row.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", row.ContentType);
            }
        }

        var port = _stytch.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (row.Host is not null)
        {
            request.Headers.Host = row.Host.Replace("{port}", port, StringComparison.Ordinal);
        }

        if (row.Origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", row.Origin.Replace("{port}", port, StringComparison.Ordinal));
        }

        var authorization = row.Authorization is null ? null
            : row.Authorization == HostileCase.ValidAuth ? Basic(_ids.ProjectId, _ids.Secret)
            : Base64Part().Replace(_ids.Fill(row.Authorization), m => Basic(m.Groups[1].Value));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static string Basic(string user, string password) => Basic($"{user}:{password}");

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    // In a row's Authorization header, "<b64>x</b64>" stands for "Basic base64(x)" once the ids are filled in.
    [GeneratedRegex("<b64>(.*?)</b64>", RegexOptions.Singleline)]
    private static partial Regex Base64Part();

    /// <summary>Everything a hostile request must not change, in both projects, as one comparable string.</summary>
    private string Fingerprint()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", _stytch.Projects.Select(p => p.ProjectId).Order(StringComparer.Ordinal)));
        foreach (var project in new[] { _stytch.DefaultProject, _other, _strict })
        {
            text.AppendLine(project.Clock.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var user in project.Users.All)
            {
                text.AppendLine(user.ToString());
                foreach (var session in project.Sessions.Of(user.UserId))
                {
                    text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{session.SessionId} {session.ExpiresAt:O} {session.LastAccessedAt:O} {session.AuthenticationFactors.Count}");
                }
            }

            text.AppendLine(string.Join(",", project.Outbox.All.Select(m => m.MessageId)));
            text.AppendLine(string.Join(",", project.Faults.All.Select(f => f.Id)));
            text.AppendLine(project.RateLimits.Enabled.ToString());
        }

        // The snapshot holds the codes and whether each was used, which the public API does not show.
        text.AppendLine(Stripped(_stytch.DefaultProject.ExportSnapshot()));
        text.AppendLine(Stripped(_other.ExportSnapshot()));
        text.AppendLine(Stripped(_strict.ExportSnapshot()));
        return text.ToString();
    }

    // The signing keys are in the snapshot too; they do not change, but keep the fingerprint readable.
    private static string Stripped(string snapshot)
    {
        var json = JsonNode.Parse(snapshot)!.AsObject();
        json.Remove("signing_keys");
        return json.ToJsonString();
    }
}

/// <summary>The ids a row's path, body and Authorization header can name.</summary>
public sealed record HostileIds(
    string ProjectId,
    string Secret,
    string UserId,
    string EmailId,
    string SessionToken,
    string SessionJwt,
    string SessionId,
    string OtherProjectId,
    string OtherUserId,
    string OtherEmailId,
    string OtherSessionToken,
    string OtherSessionJwt,
    string WrongCode,
    string Snapshot,
    string StrictProjectId,
    string StrictSecret)
{
    public string Fill(string template) => template
        .Replace("{project_id}", ProjectId, StringComparison.Ordinal)
        .Replace("{user_id}", UserId, StringComparison.Ordinal)
        .Replace("{email_id}", EmailId, StringComparison.Ordinal)
        .Replace("{session_token}", SessionToken, StringComparison.Ordinal)
        .Replace("{session_jwt}", SessionJwt, StringComparison.Ordinal)
        .Replace("{session_id}", SessionId, StringComparison.Ordinal)
        .Replace("{other_project_id}", OtherProjectId, StringComparison.Ordinal)
        .Replace("{other_user_id}", OtherUserId, StringComparison.Ordinal)
        .Replace("{other_email_id}", OtherEmailId, StringComparison.Ordinal)
        .Replace("{other_session_token}", OtherSessionToken, StringComparison.Ordinal)
        .Replace("{other_session_jwt}", OtherSessionJwt, StringComparison.Ordinal)
        .Replace("{wrong_code}", WrongCode, StringComparison.Ordinal)
        .Replace("{secret}", Secret, StringComparison.Ordinal)
        .Replace("{strict_project_id}", StrictProjectId, StringComparison.Ordinal)
        .Replace("{strict_secret}", StrictSecret, StringComparison.Ordinal);
}

/// <summary>One hostile request and the Stytch error it must get.</summary>
/// <param name="Endpoint">What is called, for the test name (e.g. <c>LoginOrCreate</c>).</param>
/// <param name="Scenario">What is wrong with the request, for the test name.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, with <c>{user_id}</c>-style placeholders; sent as is (no dot-segment or escape clean-up).</param>
/// <param name="Body">The raw body bytes, or null for none.</param>
/// <param name="Status">The expected HTTP status.</param>
/// <param name="ErrorType">The expected <c>error_type</c>.</param>
/// <param name="ContentType">The Content-Type header (sent as is), or null for none.</param>
/// <param name="Authorization">The Authorization header: <see cref="ValidAuth"/>, a raw value, or null for none.</param>
/// <param name="Host">The Host header instead of the fake's own (<c>{port}</c> is its port), or null.</param>
/// <param name="Origin">An Origin header (<c>{port}</c> is the fake's port), or null for none.</param>
public sealed record HostileCase(
    string Endpoint,
    string Scenario,
    string Method,
    string Path,
    Func<HostileIds, byte[]?>? Body,
    int Status,
    string ErrorType,
    string? ContentType = "application/json",
    string? Authorization = HostileCase.ValidAuth,
    string? Host = null,
    string? Origin = null)
{
    public const string ValidAuth = "<valid>";

    /// <summary>Basic auth of the strict project, which refuses unknown fields instead of ignoring them.</summary>
    public const string StrictAuth = "<b64>{strict_project_id}:{strict_secret}</b64>";

    public string TestName => $"{Endpoint}_{Scenario}_{Pascal(ErrorType)}";

    public override string ToString() => TestName;

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}

/// <summary>The table.</summary>
internal static class HostileCases
{
    private const string LoginOrCreate = "/v1/otps/email/login_or_create";
    private const string Send = "/v1/otps/email/send";
    private const string OtpAuthenticate = "/v1/otps/authenticate";
    private const string SessionsAuthenticate = "/v1/sessions/authenticate";
    private const string SessionsRevoke = "/v1/sessions/revoke";
    private const string AdminProject = "/_fake/v1/projects/{project_id}";
    private const string Uuid = "00000000-0000-4000-8000-000000000000";

    public static IEnumerable<HostileCase> All() =>
        BodyShapes().Concat(Types()).Concat(Emails()).Concat(Sizes()).Concat(ContentTypes()).Concat(Methods())
            .Concat(Authorization()).Concat(Paths()).Concat(Codes()).Concat(Sessions()).Concat(BackDoors()).Concat(HostileGuardCases.All());

    private static Func<HostileIds, byte[]?> J(string json) => _ => Encoding.UTF8.GetBytes(json);

    private static Func<HostileIds, byte[]?> T(string template) => ids => Encoding.UTF8.GetBytes(ids.Fill(template));

    private static Func<HostileIds, byte[]?> Bytes(params byte[][] parts) => _ => parts.SelectMany(p => p).ToArray();

    private static HostileCase Bad(string endpoint, string scenario, string path, Func<HostileIds, byte[]?>? body, string errorType = "bad_request", string? contentType = "application/json") =>
        new(endpoint, scenario, "POST", path, body, 400, errorType, contentType);

    /// <summary>A row with an unknown field: a Stytch call ignores it unless the project is strict, so it goes to the strict one.</summary>
    private static HostileCase Strict(string endpoint, string scenario, string path, Func<HostileIds, byte[]?> body) =>
        new(endpoint, scenario + "InStrictProject", "POST", path, body, 400, "bad_request", Authorization: HostileCase.StrictAuth);

    private static IEnumerable<HostileCase> BodyShapes()
    {
        var endpoints = new (string Name, string Path)[]
        {
            ("LoginOrCreate", LoginOrCreate), ("Send", Send), ("OtpsAuthenticate", OtpAuthenticate),
            ("SessionsAuthenticate", SessionsAuthenticate), ("SessionsRevoke", SessionsRevoke),
            ("AdminProjectsCreate", "/_fake/v1/projects"), ("AdminClockAdvance", AdminProject + "/clock/advance"),
            ("AdminFaultsAdd", AdminProject + "/faults"), ("AdminRateLimitsSet", AdminProject + "/rate_limits"),
        };
        var shapes = new (string Scenario, string Body)[]
        {
            ("InvalidJson", "{bad"),
            ("TruncatedJson", """{"email":"ada@exa"""),
            ("TrailingGarbage", """{"email":"ada@example.com"} x"""),
            ("TwoDocuments", """{}{}"""),
            ("JsonArray", "[]"),
            ("JsonArrayOfObject", """[{"email":"ada@example.com"}]"""),
            ("JsonString", "\"ada@example.com\""),
            ("JsonNumber", "42"),
            ("JsonNull", "null"),
            ("JsonTrue", "true"),
            ("Comment", """{/* c */"email":"ada@example.com"}"""),
            ("SingleQuotes", "{'email':'ada@example.com'}"),
            ("TrailingComma", """{"email":"ada@example.com",}"""),
            ("UnknownField", """{"email":"ada@example.com","nope":1}"""),
            ("NaN", """{"seconds":NaN,"email":NaN}"""),
        };
        foreach (var (name, path) in endpoints)
        {
            foreach (var (scenario, body) in shapes)
            {
                yield return scenario == "UnknownField" && path.StartsWith("/v1/", StringComparison.Ordinal)
                    ? Strict(name, scenario, path, J(body))
                    : Bad(name, scenario, path, J(body));
            }
        }

        foreach (var (name, path) in endpoints.Take(5))
        {
            yield return Bad(name, "EmptyBody", path, null);
            yield return Bad(name, "Whitespace", path, J("  \n "));
        }
    }

    private static IEnumerable<HostileCase> Types()
    {
        yield return Bad("LoginOrCreate", "EmailNumber", LoginOrCreate, J("""{"email":123}"""));
        yield return Bad("LoginOrCreate", "EmailTrue", LoginOrCreate, J("""{"email":true}"""));
        yield return Bad("LoginOrCreate", "EmailObject", LoginOrCreate, J("""{"email":{"email":"ada@example.com"}}"""));
        yield return Bad("LoginOrCreate", "EmailArray", LoginOrCreate, J("""{"email":["ada@example.com"]}"""));
        yield return Bad("LoginOrCreate", "EmailNull", LoginOrCreate, J("""{"email":null}"""), "invalid_email");
        yield return Bad("LoginOrCreate", "NoEmail", LoginOrCreate, J("{}"), "invalid_email");
        yield return Bad("LoginOrCreate", "DuplicateEmailKey", LoginOrCreate, J("""{"email":"ada@example.com","email":"eve@example.com"}"""));
        yield return Bad("LoginOrCreate", "ExpirationString", LoginOrCreate, J("""{"email":"ada@example.com","expiration_minutes":"2"}"""));
        yield return Bad("LoginOrCreate", "ExpirationFraction", LoginOrCreate, J("""{"email":"ada@example.com","expiration_minutes":2.5}"""));
        yield return Bad("LoginOrCreate", "ExpirationHuge", LoginOrCreate, J("""{"email":"ada@example.com","expiration_minutes":1e400}"""));
        yield return Bad("LoginOrCreate", "ExpirationBeyondInt32", LoginOrCreate, J("""{"email":"ada@example.com","expiration_minutes":99999999999}"""));
        yield return Bad("LoginOrCreate", "ExpirationZero", LoginOrCreate, J("""{"email":"ada@example.com","expiration_minutes":0}"""), "invalid_expiration_otp");
        yield return Bad("LoginOrCreate", "ExpirationNegative", LoginOrCreate, J("""{"email":"ada@example.com","expiration_minutes":-2147483648}"""), "invalid_expiration_otp");
        yield return Bad("LoginOrCreate", "PendingString", LoginOrCreate, J("""{"email":"new@example.com","create_user_as_pending":"yes"}"""));
        yield return Bad("LoginOrCreate", "AttributesString", LoginOrCreate, J("""{"email":"new@example.com","attributes":"x"}"""));
        yield return Bad("LoginOrCreate", "AttributesNumberValue", LoginOrCreate, J("""{"email":"new@example.com","attributes":{"ip_address":1}}"""));
        yield return Strict("LoginOrCreate", "AttributesUnknownKey", LoginOrCreate, J("""{"email":"new@example.com","attributes":{"nope":"x"}}"""));
        yield return Bad("LoginOrCreate", "LocaleNumber", LoginOrCreate, J("""{"email":"new@example.com","locale":5}"""));
        yield return Bad("LoginOrCreate", "LocaleUnknown", LoginOrCreate, J("""{"email":"new@example.com","locale":"xx"}"""), "invalid_locale");
        yield return Bad("LoginOrCreate", "LocaleWithNewline", LoginOrCreate, J("""{"email":"new@example.com","locale":"en\n"}"""), "invalid_locale");
        yield return Bad("LoginOrCreate", "TemplateNumber", LoginOrCreate, J("""{"email":"new@example.com","login_template_id":7}"""));
        yield return Bad("Send", "UserIdNumber", Send, J("""{"email":"ada@example.com","user_id":5}"""));
        yield return Bad("Send", "SessionTokenObject", Send, J("""{"email":"ada@example.com","session_token":{}}"""));
        yield return Strict("Send", "CreateUserAsPendingUnknownHere", Send, J("""{"email":"ada@example.com","create_user_as_pending":true}"""));
        yield return new HostileCase("Send", "UnknownEmail", "POST", Send, J("""{"email":"nobody@example.com"}"""), 404, "email_not_found");
        yield return new HostileCase("Send", "OtherProjectsEmail", "POST", Send, J("""{"email":"grace@example.com"}"""), 404, "email_not_found");
        yield return Bad("OtpsAuthenticate", "MethodIdNumber", OtpAuthenticate, J("""{"method_id":1,"code":"123456"}"""));
        yield return Bad("OtpsAuthenticate", "MethodIdNull", OtpAuthenticate, J("""{"method_id":null,"code":"123456"}"""), "invalid_method_id");
        yield return Bad("OtpsAuthenticate", "CodeNumber", OtpAuthenticate, T("""{"method_id":"{email_id}","code":123456}"""));
        yield return Bad("OtpsAuthenticate", "CodeNull", OtpAuthenticate, T("""{"method_id":"{email_id}","code":null}"""), "invalid_code");
        yield return Bad("OtpsAuthenticate", "DurationString", OtpAuthenticate, T("""{"method_id":"{email_id}","code":"123456","session_duration_minutes":"60"}"""));
        yield return Bad("OtpsAuthenticate", "DurationTooLong", OtpAuthenticate, T("""{"method_id":"{email_id}","code":"123456","session_duration_minutes":527041}"""), "invalid_session_duration_minutes");
        yield return Bad("OtpsAuthenticate", "OptionsArray", OtpAuthenticate, T("""{"method_id":"{email_id}","code":"123456","options":[]}"""));
        yield return Bad("OtpsAuthenticate", "CustomClaimsString", OtpAuthenticate, T("""{"method_id":"{email_id}","code":"123456","session_custom_claims":"x"}"""));
        yield return Bad("SessionsAuthenticate", "TokenNumber", SessionsAuthenticate, J("""{"session_token":1}"""));
        yield return Bad("SessionsAuthenticate", "BothNull", SessionsAuthenticate, J("""{"session_token":null,"session_jwt":null}"""), "no_session_arguments");
        yield return Bad("SessionsAuthenticate", "Both", SessionsAuthenticate, T("""{"session_token":"{session_token}","session_jwt":"{session_jwt}"}"""), "too_many_session_arguments");
        yield return Bad("SessionsAuthenticate", "AuthorizationCheckString", SessionsAuthenticate, T("""{"session_token":"{session_token}","authorization_check":"x"}"""));
        yield return Bad("SessionsAuthenticate", "DurationTooShort", SessionsAuthenticate, T("""{"session_token":"{session_token}","session_duration_minutes":4}"""), "invalid_session_duration_minutes");
        yield return Bad("SessionsRevoke", "Empty", SessionsRevoke, J("{}"), "no_session_revoke_arguments");
        yield return Bad("SessionsRevoke", "TokenAndId", SessionsRevoke, T("""{"session_token":"{session_token}","session_id":"{session_id}"}"""), "too_many_session_revoke_arguments");
        yield return Bad("SessionsRevoke", "IdArray", SessionsRevoke, J("""{"session_id":["x"]}"""));
    }

    private static IEnumerable<HostileCase> Emails()
    {
        var invalid = new (string Scenario, string Json)[]
        {
            ("UnicodeLocalPart", "\"ädä@example.com\""),
            ("UnicodeDomain", "\"ada@exämple.com\""),
            ("Emoji", "\"\U0001F600@example.com\""),
            ("FullwidthAt", "\"ada\uFF20example.com\""),
            ("RightToLeftOverride", "\"ada\u202E@example.com\""),
            ("ZeroWidthSpace", "\"ada\u200B@example.com\""),
            ("EscapedNul", "\"ada\\u0000@example.com\""),
            ("EscapedBell", "\"ada\\u0007@example.com\""),
            ("TrailingNewline", "\"ada@example.com\\n\""),
            ("TrailingCarriageReturnNewline", "\"ada@example.com\\r\\n\""),
            ("LeadingNewline", "\"\\nada@example.com\""),
            ("HeaderInjection", "\"ada@example.com\\r\\nBcc: eve@example.com\""),
            ("TrailingSpace", "\"ada@example.com \""),
            ("Tab", "\"ada\\t@example.com\""),
            ("TwoAts", "\"ada@@example.com\""),
            ("NoDomainDot", "\"ada@example\""),
            ("Empty", "\"\""),
            ("OnlyAt", "\"@\""),
            ("DoubleDot", "\"ada..x@example.com\""),
            ("TooLong", "\"" + new string('a', 250) + "@example.com\""),
            ("AngleBrackets", "\"Ada <ada@example.com>\""),
            ("CommaList", "\"ada@example.com,eve@example.com\""),
            ("PathTraversal", "\"../../etc/passwd@example.com\""),
        };
        foreach (var (scenario, email) in invalid)
        {
            yield return Bad("LoginOrCreate", "Email" + scenario, LoginOrCreate, J($$"""{"email":{{email}}}"""), "invalid_email");
            yield return Bad("Send", "Email" + scenario, Send, J($$"""{"email":{{email}}}"""), "invalid_email");
        }

        // Not text at all: a lone surrogate escape, and bytes that are not UTF-8. The body is not valid JSON text.
        yield return Bad("LoginOrCreate", "EmailLoneSurrogate", LoginOrCreate, J("""{"email":"\ud800@example.com"}"""));
        yield return Bad("LoginOrCreate", "EmailInvalidUtf8", LoginOrCreate, Bytes("{\"email\":\"ada"u8.ToArray(), [0xFF, 0xFE], "@example.com\"}"u8.ToArray()));
        yield return Bad("LoginOrCreate", "FieldNameInvalidUtf8", LoginOrCreate, Bytes("{\"email\":\"ada@example.com\",\""u8.ToArray(), [0xC3, 0x28], "\":1}"u8.ToArray()));
        yield return Bad("LoginOrCreate", "Utf16Body", LoginOrCreate, _ => Encoding.Unicode.GetBytes("""{"email":"ada@example.com"}"""));
    }

    private static IEnumerable<HostileCase> Sizes()
    {
        var megabyteEmail = new string('a', 1_000_000) + "@example.com";
        yield return Bad("LoginOrCreate", "OneMegabyteEmail", LoginOrCreate, J($$"""{"email":"{{megabyteEmail}}"}"""), "invalid_email");
        yield return Bad("Send", "OneMegabyteEmail", Send, J($$"""{"email":"{{megabyteEmail}}"}"""), "invalid_email");
        yield return Bad("OtpsAuthenticate", "OneMegabyteCode", OtpAuthenticate, ids => Encoding.UTF8.GetBytes(
            $$"""{"method_id":"{{ids.EmailId}}","code":"{{new string('1', 1_000_000)}}"}"""), "invalid_code");
        yield return Bad("SessionsAuthenticate", "OneMegabyteToken", SessionsAuthenticate, J($$"""{"session_token":"{{new string('A', 1_000_000)}}"}"""), "invalid_session_token");
        yield return Bad("SessionsAuthenticate", "HalfMegabyteJwt", SessionsAuthenticate, J($$"""{"session_jwt":"{{new string('A', 500_000)}}.e30.x"}"""), "unable_to_parse_session_jwt");
        yield return Bad("LoginOrCreate", "TwoMegabyteEmail", LoginOrCreate, J($$"""{"email":"{{new string('a', 2_000_000)}}@example.com"}"""));

        // ~10 MB: a long string, and many unknown fields.
        yield return Bad("LoginOrCreate", "TenMegabyteBody", LoginOrCreate, _ => Encoding.UTF8.GetBytes(
            $$"""{"email":"ada@example.com","locale":"{{new string('x', 10 * 1024 * 1024)}}"}"""));
        yield return Bad("OtpsAuthenticate", "TenMegabyteBody", OtpAuthenticate, _ => Encoding.UTF8.GetBytes(
            "{" + string.Join(",", Enumerable.Range(0, 700_000).Select(i => $"\"f{i}\":1")) + "}"));
        yield return Bad("AdminClockAdvance", "TenMegabyteBody", AdminProject + "/clock/advance", _ => Encoding.UTF8.GetBytes(
            $$"""{"seconds":1,"pad":"{{new string(' ', 10 * 1024 * 1024)}}"}"""));

        // 10,000 levels of nesting: the whole body, and inside each kind of field.
        var depth = 10_000;
        var arrays = new string('[', depth) + new string(']', depth);
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        yield return Bad("LoginOrCreate", "DeeplyNestedArrayBody", LoginOrCreate, J(arrays));
        yield return Bad("LoginOrCreate", "DeeplyNestedEmail", LoginOrCreate, J($$"""{"email":{{arrays}}}"""));
        yield return Bad("LoginOrCreate", "DeeplyNestedAttributes", LoginOrCreate, J($$"""{"email":"ada@example.com","attributes":{{objects}}}"""));
        yield return Bad("OtpsAuthenticate", "DeeplyNestedCustomClaims", OtpAuthenticate, T($$"""{"method_id":"{email_id}","code":"123456","session_custom_claims":{{objects}}}"""));
        yield return Bad("SessionsAuthenticate", "DeeplyNestedAuthorizationCheck", SessionsAuthenticate, T($$"""{"session_token":"{session_token}","authorization_check":{{objects}}}"""));
        yield return Bad("SessionsAuthenticate", "DeeplyNestedUnclosed", SessionsAuthenticate, J(new string('[', depth)));
        yield return Bad("AdminFaultsAdd", "DeeplyNestedBody", AdminProject + "/faults", J(objects));
        yield return Bad("AdminSnapshotImport", "DeeplyNestedBody", AdminProject + "/snapshot", J(objects)) with { Method = "PUT" };
    }

    private static IEnumerable<HostileCase> ContentTypes()
    {
        yield return Bad("LoginOrCreate", "FormUrlEncoded", LoginOrCreate, J("email=ada%40example.com"), contentType: "application/x-www-form-urlencoded");
        yield return Bad("LoginOrCreate", "Multipart", LoginOrCreate,
            J("--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nada@example.com\r\n--b--\r\n"), contentType: "multipart/form-data; boundary=b");
        yield return Bad("LoginOrCreate", "Xml", LoginOrCreate, J("<email>ada@example.com</email>"), contentType: "application/xml");
        yield return Bad("LoginOrCreate", "PlainText", LoginOrCreate, J("ada@example.com"), contentType: "text/plain");
        yield return Bad("LoginOrCreate", "GarbageContentType", LoginOrCreate, J("ada@example.com"), contentType: ";;;=\u0001");
        yield return Bad("LoginOrCreate", "NoContentTypeNoJson", LoginOrCreate, J("email=ada@example.com"), contentType: null);
        yield return Bad("OtpsAuthenticate", "FormUrlEncoded", OtpAuthenticate, T("method_id={email_id}&code=123456"), contentType: "application/x-www-form-urlencoded");
        yield return Bad("LoginOrCreate", "GzipHeaderPlainBody", LoginOrCreate, J("\u001f\u008b garbage"), contentType: "application/json");
    }

    private static IEnumerable<HostileCase> Methods()
    {
        var rows = new (string Method, string Path, string Endpoint)[]
        {
            ("GET", LoginOrCreate, "LoginOrCreate"), ("PUT", LoginOrCreate, "LoginOrCreate"), ("DELETE", LoginOrCreate, "LoginOrCreate"),
            ("PATCH", LoginOrCreate, "LoginOrCreate"), ("OPTIONS", LoginOrCreate, "LoginOrCreate"), ("FOO", LoginOrCreate, "LoginOrCreate"),
            ("GET", Send, "Send"), ("GET", OtpAuthenticate, "OtpsAuthenticate"), ("DELETE", SessionsAuthenticate, "SessionsAuthenticate"),
            ("GET", SessionsRevoke, "SessionsRevoke"), ("POST", "/v1/users/{user_id}", "UsersGet"), ("PATCH", "/v1/users/{user_id}", "UsersGet"),
            ("POST", "/v1/sessions", "SessionsGet"), ("DELETE", "/v1/sessions", "SessionsGet"), ("POST", "/v1/sessions/jwks/{project_id}", "SessionsJwks"),
            ("POST", "/_fake/v1/health", "AdminHealth"), ("DELETE", "/_fake/v1/projects", "AdminProjects"), ("PUT", AdminProject + "/outbox", "AdminOutbox"),
            ("GET", AdminProject + "/clock/advance", "AdminClockAdvance"), ("DELETE", AdminProject + "/reset", "AdminReset"),
            ("POST", AdminProject + "/snapshot", "AdminSnapshot"), ("GET", AdminProject + "/faults/fault-test-" + Uuid, "AdminFaultsRemove"),
        };
        foreach (var (method, path, endpoint) in rows)
        {
            yield return new HostileCase(endpoint, "Method" + method[0] + method[1..].ToLowerInvariant(), method, path,
                method is "GET" or "DELETE" or "OPTIONS" ? null : J("{}"), 405, "method_not_allowed");
        }
    }

    private static IEnumerable<HostileCase> Authorization()
    {
        var headers = new (string Scenario, string? Header, int Status, string ErrorType)[]
        {
            ("NoAuthorization", null, 401, "unauthorized_credentials"),
            ("EmptyAuthorization", "", 401, "unauthorized_credentials"),
            ("BasicWithoutCredentials", "Basic", 401, "unauthorized_credentials"),
            ("BasicEmpty", "Basic ", 401, "unauthorized_credentials"),
            ("Bearer", "Bearer {secret}", 401, "unauthorized_credentials"),
            ("Digest", "Digest username=\"{project_id}\"", 401, "unauthorized_credentials"),
            ("BadBase64", "Basic !!!not-base64!!!", 401, "unauthorized_credentials"),
            ("Base64WithoutPadding", "Basic " + Convert.ToBase64String("a:bc"u8).TrimEnd('='), 401, "unauthorized_credentials"),
            ("NoColon", "<b64>{project_id}{secret}</b64>", 401, "unauthorized_credentials"),
            ("OnlyColon", "Basic " + Convert.ToBase64String(":"u8), 400, "invalid_project_id_authentication"),
            ("EmptySecret", "<b64>{project_id}:</b64>", 401, "unauthorized_credentials"),
            ("WrongSecret", "<b64>{project_id}:{secret}x</b64>", 401, "unauthorized_credentials"),
            ("SecretWithNewline", "<b64>{project_id}:{secret}\n</b64>", 401, "unauthorized_credentials"),
            ("OtherProjectsId", "<b64>{other_project_id}:{secret}</b64>", 401, "unauthorized_credentials"),
            ("UnknownProject", $"<b64>project-test-{Uuid}:{{secret}}</b64>", 401, "unauthorized_credentials"),
            ("MalformedProjectId", "<b64>my-project:{secret}</b64>", 400, "invalid_project_id_authentication"),
            ("ProjectIdWithTrailingSpace", "<b64>{project_id} :{secret}</b64>", 400, "invalid_project_id_authentication"),
            ("ProjectIdWithNewline", "<b64>{project_id}\n:{secret}</b64>", 400, "invalid_project_id_authentication"),
            ("InvalidUtf8Credentials", "Basic " + Convert.ToBase64String([0xFF, 0x3A, 0xFE]), 400, "invalid_project_id_authentication"),
            ("CredentialsTwice", "<b64>{project_id}:{secret}</b64>, <b64>{project_id}:{secret}</b64>", 401, "unauthorized_credentials"),
        };
        foreach (var (scenario, header, status, errorType) in headers)
        {
            yield return new HostileCase("LoginOrCreate", scenario, "POST", LoginOrCreate, J("""{"email":"new@example.com"}"""), status, errorType, Authorization: header);
            yield return new HostileCase("UsersGet", scenario, "GET", "/v1/users/{user_id}", null, status, errorType, Authorization: header);
        }

        // JWKS takes no credentials, but checks them when sent.
        yield return new HostileCase("SessionsJwks", "WrongSecret", "GET", "/v1/sessions/jwks/{project_id}", null, 401, "unauthorized_credentials",
            Authorization: "<b64>{project_id}:{secret}x</b64>");
        yield return new HostileCase("SessionsJwks", "OtherProjectsCredentials", "GET", "/v1/sessions/jwks/{other_project_id}", null, 401, "unauthorized_credentials");
    }

    private static IEnumerable<HostileCase> Paths()
    {
        HostileCase Get(string endpoint, string scenario, string path, int status, string errorType) =>
            new(endpoint, scenario, "GET", path, null, status, errorType);

        // An encoded slash stays in the segment it is in (RFC 3986 §2.2: an escaped delimiter is data), so it makes an
        // odd id, not another route; Stytch documents neither, so the answers are inferred.
        yield return Get("UsersGet", "EncodedSlashTraversal", "/v1/users/..%2F..%2Fetc%2Fpasswd", 400, "invalid_user_id");
        yield return Get("UsersGet", "EncodedSlashInId", "/v1/users/user-test%2F" + Uuid, 400, "invalid_user_id");
        yield return Get("UsersGet", "DotDotOutOfTheApi", "/v1/users/../../../../etc/passwd", 404, "route_not_found");
        yield return Get("UsersGet", "DotDotIntoUsers", "/v1/sessions/../users/user-test-" + Uuid, 404, "user_not_found");
        yield return Get("UsersGet", "EncodedDotDot", "/v1/users/%2e%2e", 404, "route_not_found");
        // Decoded once, "%252F" is the id "a%2Fb", not two segments.
        yield return Get("UsersGet", "DoubleEncodedSlash", "/v1/users/a%252Fb", 400, "invalid_user_id");
        yield return Get("UsersGet", "InvalidUtf8Escape", "/v1/users/%C3%28", 400, "invalid_user_id");
        yield return Get("UsersGet", "EncodedControlCharacters", "/v1/users/%01%7F", 400, "invalid_user_id");
        yield return Get("UsersGet", "BackslashTraversal", "/v1/users/..%5C..%5Cetc", 400, "invalid_user_id");
        yield return Get("UsersGet", "EncodedNewline", "/v1/users/{user_id}%0A", 400, "invalid_user_id");
        yield return Get("UsersGet", "EncodedSpace", "/v1/users/user%20test", 400, "invalid_user_id");
        yield return Get("UsersGet", "BadPercentEncoding", "/v1/users/%ZZ", 400, "invalid_user_id");
        yield return Get("UsersGet", "EncodedRightToLeftOverride", "/v1/users/%E2%80%AE{user_id}", 400, "invalid_user_id");
        yield return Get("UsersGet", "VeryLongId", "/v1/users/" + new string('a', 4000), 400, "invalid_user_id");
        yield return Get("UsersGet", "OtherProjectsUser", "/v1/users/{other_user_id}", 404, "user_not_found");
        yield return new HostileCase("UsersDelete", "OtherProjectsUser", "DELETE", "/v1/users/{other_user_id}", null, 404, "user_not_found");
        yield return new HostileCase("UsersDelete", "EncodedSlashTraversal", "DELETE", "/v1/users/..%2F{user_id}", null, 400, "invalid_user_id");
        yield return Get("UsersGet", "TrailingSlash", "/v1/users/{user_id}/", 404, "route_not_found");
        yield return Get("UsersGet", "DoubleSlash", "/v1//users/{user_id}", 404, "route_not_found");
        yield return Get("UsersGet", "EmptyId", "/v1/users/", 404, "route_not_found");
        // POST /v1/users is Stytch's (create user), so the path exists: GET is the wrong method.
        yield return Get("UsersList", "NoId", "/v1/users", 405, "method_not_allowed");
        yield return new HostileCase("UsersUpdate", "OtherProjectsUser", "PUT", "/v1/users/{other_user_id}", J("{}"), 404, "user_not_found");
        // PUT /v1/users/{user_id}/exchange_primary_factor is Stytch's, which the fake lacks: 404 saying so, not 405.
        yield return new HostileCase("UsersExchangePrimaryFactor", "NotImplemented", "PUT", "/v1/users/{user_id}/exchange_primary_factor", J("{}"), 404, "route_not_found");
        yield return Get("SessionsGet", "NoUserId", "/v1/sessions", 400, "invalid_user_id");
        yield return Get("SessionsGet", "EmptyUserId", "/v1/sessions?user_id=", 400, "invalid_user_id");
        yield return Get("SessionsGet", "TraversalUserId", "/v1/sessions?user_id=..%2F..%2Fetc", 400, "invalid_user_id");
        yield return Get("SessionsGet", "NulUserId", "/v1/sessions?user_id=%00", 400, "invalid_user_id");
        yield return Get("SessionsGet", "OtherProjectsUser", "/v1/sessions?user_id={other_user_id}", 404, "user_not_found");
        yield return Get("SessionsJwks", "UnknownProject", $"/v1/sessions/jwks/project-test-{Uuid}", 404, "project_not_found");
        yield return Get("SessionsJwks", "EncodedSlashTraversal", "/v1/sessions/jwks/..%2F..%2Fusers", 404, "project_not_found");
        yield return Get("SessionsJwks", "TraversalProjectId", "/v1/sessions/jwks/..", 404, "route_not_found");
        yield return Get("Unknown", "RouteUnderV1", "/v1/nope", 404, "route_not_found");
        yield return Get("Unknown", "RouteUnderFake", "/_fake/v1/nope", 404, "route_not_found");
        yield return Get("Unknown", "LowercaseV1WithTrailingDot", "/v1./users/{user_id}", 404, "route_not_found");
        yield return Get("AdminOutbox", "UnknownProject", $"/_fake/v1/projects/project-test-{Uuid}/outbox", 404, "project_not_found");
        yield return Get("AdminOutbox", "ControlCharacterProject", "/_fake/v1/projects/%01%02/outbox", 404, "project_not_found");
        yield return Get("AdminOutbox", "EncodedSlashTraversal", "/_fake/v1/projects/..%2F..%2Fhealth/outbox", 404, "project_not_found");
        yield return Get("AdminOutbox", "TraversalIntoOtherProject", "/_fake/v1/projects/{project_id}/../{other_project_id}/outbox/x", 404, "route_not_found");
        yield return new HostileCase("AdminFaultsRemove", "UnknownFault", "DELETE", AdminProject + "/faults/nope", null, 404, "fault_not_found");
        yield return new HostileCase("AdminFaultsRemove", "EncodedSlashTraversal", "DELETE", AdminProject + "/faults/..%2F..", null, 404, "fault_not_found");
        yield return new HostileCase("AdminOutboxClear", "UnknownProject", "DELETE", $"/_fake/v1/projects/project-test-{Uuid}/outbox", null, 404, "project_not_found");
        yield return new HostileCase("AdminReset", "UnknownProject", "POST", $"/_fake/v1/projects/project-test-{Uuid}/reset", J("{}"), 404, "project_not_found");
    }

    private static IEnumerable<HostileCase> Codes()
    {
        var codes = new (string Scenario, string Code, string ErrorType)[]
        {
            ("CodeWithNewline", "123456\\n", "invalid_code"),
            ("CodeFiveDigits", "12345", "invalid_code"),
            ("CodeSevenDigits", "1234567", "invalid_code"),
            ("CodeFullwidthDigits", "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16", "invalid_code"),
            ("CodeArabicIndicDigits", "\u0661\u0662\u0663\u0664\u0665\u0666", "invalid_code"),
            ("CodeWithSpaces", " 123456", "invalid_code"),
            ("CodeNegative", "-12345", "invalid_code"),
            ("CodeEmpty", "", "invalid_code"),
            ("CodeSqlInjection", "' OR 1=1 --", "invalid_code"),
        };
        foreach (var (scenario, code, errorType) in codes)
        {
            yield return Bad("OtpsAuthenticate", scenario, OtpAuthenticate, T($$"""{"method_id":"{email_id}","code":"{{code}}"}"""), errorType);
        }

        var methodIds = new (string Scenario, string MethodId, int Status, string ErrorType)[]
        {
            ("MethodIdWithNewline", "{email_id}\\n", 400, "invalid_method_id"),
            ("MethodIdUppercase", "EMAIL-TEST-" + Uuid, 400, "invalid_method_id"),
            ("MethodIdUserId", "{user_id}", 400, "invalid_method_id"),
            ("MethodIdTraversal", "../{email_id}", 400, "invalid_method_id"),
            ("MethodIdEmpty", "", 400, "invalid_method_id"),
            ("MethodIdUnknown", "email-test-" + Uuid, 404, "otp_code_not_found"),
            ("MethodIdOtherProjects", "{other_email_id}", 404, "otp_code_not_found"),
        };
        foreach (var (scenario, methodId, status, errorType) in methodIds)
        {
            yield return new HostileCase("OtpsAuthenticate", scenario, "POST", OtpAuthenticate, T($$"""{"method_id":"{{methodId}}","code":"123456"}"""), status, errorType);
        }

        // A guess that is wrong is refused without using the code up (the fingerprint holds the code and its state).
        yield return new HostileCase("OtpsAuthenticate", "WrongCodeWithSession", "POST", OtpAuthenticate,
            ids => Encoding.UTF8.GetBytes(ids.Fill($$"""{"method_id":"{email_id}","code":"{wrong_code}","session_duration_minutes":60}""")), 404, "otp_code_not_found");
        yield return new HostileCase("OtpsAuthenticate", "ExtendOtherProjectsSession", "POST", OtpAuthenticate,
            T("""{"method_id":"{email_id}","code":"000000","session_token":"{other_session_token}"}"""), 404, "session_not_found");
    }

    private static IEnumerable<HostileCase> Sessions()
    {
        var tokens = new (string Scenario, string Body, int Status, string ErrorType)[]
        {
            ("TokenWithNewline", """{"session_token":"{session_token}\n"}""", 400, "invalid_session_token"),
            ("TokenTooShort", """{"session_token":"abc"}""", 400, "invalid_session_token"),
            ("TokenWithSlash", """{"session_token":"../../../../../../../../../../../../../../etc"}""", 400, "invalid_session_token"),
            ("TokenUnknown", """{"session_token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""", 404, "session_not_found"),
            ("TokenOtherProjects", """{"session_token":"{other_session_token}"}""", 404, "session_not_found"),
            ("JwtGarbage", """{"session_jwt":"not.a.jwt"}""", 400, "unable_to_parse_session_jwt"),
            ("JwtOnePart", """{"session_jwt":"eyJhbGciOiJub25lIn0"}""", 400, "unable_to_parse_session_jwt"),
            ("JwtAlgNone", """{"session_jwt":"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4In0."}""", 400, "unable_to_parse_session_jwt"),
            ("JwtOtherProjects", """{"session_jwt":"{other_session_jwt}"}""", 400, "unable_to_parse_session_jwt"),
            ("JwtWithNewline", """{"session_jwt":"{session_jwt}\n"}""", 400, "unable_to_parse_session_jwt"),
        };
        foreach (var (scenario, body, status, errorType) in tokens)
        {
            yield return new HostileCase("SessionsAuthenticate", scenario, "POST", SessionsAuthenticate, T(body), status, errorType);
            yield return new HostileCase("SessionsRevoke", scenario, "POST", SessionsRevoke, T(body), status, errorType);
        }

        var ids = new (string Scenario, string Id, int Status, string ErrorType)[]
        {
            ("SessionIdWithNewline", "{session_id}\\n", 400, "invalid_session_id"),
            ("SessionIdTraversal", "../{session_id}", 400, "invalid_session_id"),
            ("SessionIdUnknown", "session-test-" + Uuid, 404, "session_not_found"),
        };
        foreach (var (scenario, id, status, errorType) in ids)
        {
            yield return new HostileCase("SessionsRevoke", scenario, "POST", SessionsRevoke, T($$"""{"session_id":"{{id}}"}"""), status, errorType);
        }
    }

    private static IEnumerable<HostileCase> BackDoors()
    {
        const string Projects = "/_fake/v1/projects";
        yield return Bad("AdminProjectsCreate", "MalformedProjectId", Projects, J("""{"project_id":"../../etc"}"""));
        yield return Bad("AdminProjectsCreate", "ExistingProjectId", Projects, T("""{"project_id":"{project_id}"}"""));
        yield return Bad("AdminProjectsCreate", "SecretWithColon", Projects, J("""{"secret":"a:b"}"""));
        yield return Bad("AdminProjectsCreate", "SecretBlank", Projects, J("""{"secret":"   "}"""));
        yield return Bad("AdminProjectsCreate", "SeedString", Projects, J("""{"seed":"1"}"""));
        yield return Bad("AdminProjectsCreate", "SeedHuge", Projects, J("""{"seed":1e20}"""));
        yield return Bad("AdminProjectsCreate", "LiveString", Projects, J("""{"live":"true"}"""));
        yield return Bad("AdminClockAdvance", "Negative", AdminProject + "/clock/advance", J("""{"seconds":-1}"""));
        yield return Bad("AdminClockAdvance", "Missing", AdminProject + "/clock/advance", J("{}"));
        yield return Bad("AdminClockAdvance", "String", AdminProject + "/clock/advance", J("""{"seconds":"60"}"""));
        yield return Bad("AdminClockAdvance", "Huge", AdminProject + "/clock/advance", J("""{"seconds":1e308}"""));
        yield return Bad("AdminClockAdvance", "PastTheEndOfTime", AdminProject + "/clock/advance", J("""{"seconds":315000000000}"""));
        yield return Bad("AdminClockSet", "NotADate", AdminProject + "/clock/set", J("""{"now":"yesterday"}"""));
        yield return Bad("AdminClockSet", "Number", AdminProject + "/clock/set", J("""{"now":1700000000}"""));
        yield return Bad("AdminClockSet", "EndOfTime", AdminProject + "/clock/set", J("""{"now":"9999-12-31T23:59:59Z"}"""));
        yield return Bad("AdminClockSet", "BeginningOfTime", AdminProject + "/clock/set", J("""{"now":"0001-01-01T00:00:00Z"}"""));
        yield return Bad("AdminFaultsAdd", "NoEndpoint", AdminProject + "/faults", J("""{"error_type":"too_many_requests"}"""));
        yield return Bad("AdminFaultsAdd", "UnknownEndpoint", AdminProject + "/faults", J("""{"endpoint":"../../etc","error_type":"too_many_requests"}"""));
        yield return Bad("AdminFaultsAdd", "UnknownErrorType", AdminProject + "/faults", J("""{"endpoint":"*","error_type":"nope"}"""));
        yield return Bad("AdminFaultsAdd", "StatusOutOfRange", AdminProject + "/faults", J("""{"endpoint":"*","status_code":1000}"""));
        yield return Bad("AdminFaultsAdd", "LatencyTooLong", AdminProject + "/faults", J("""{"endpoint":"*","latency_ms":99999999}"""));
        yield return Bad("AdminFaultsAdd", "ProbabilityAboveOne", AdminProject + "/faults", J("""{"endpoint":"*","error_type":"too_many_requests","probability":2}"""));
        yield return Bad("AdminFaultsAdd", "TimesZero", AdminProject + "/faults", J("""{"endpoint":"*","error_type":"too_many_requests","times":0}"""));
        yield return Bad("AdminFaultsAdd", "NothingToDo", AdminProject + "/faults", J("""{"endpoint":"*"}"""));
        yield return Bad("AdminRateLimitsSet", "LimitZero", AdminProject + "/rate_limits", J("""{"per_email_limit":0}"""));
        yield return Bad("AdminRateLimitsSet", "WindowHuge", AdminProject + "/rate_limits", J("""{"per_email_window_seconds":1e308}"""));
        yield return Bad("AdminRateLimitsSet", "EnabledString", AdminProject + "/rate_limits", J("""{"enabled":"yes"}"""));

        // Snapshot import: anything malformed is a 400 that leaves the project as it was.
        HostileCase Import(string scenario, Func<HostileIds, byte[]?>? body) =>
            new("AdminSnapshotImport", scenario, "PUT", AdminProject + "/snapshot", body, 400, "bad_request");
        yield return Import("InvalidJson", J("{bad"));
        yield return Import("Empty", null);
        yield return Import("JsonNull", J("null"));
        yield return Import("JsonArray", J("[]"));
        yield return Import("NoState", J("""{"version":1,"project_id":"x","signing_keys":[]}"""));
        yield return Import("WrongVersion", Snapshot(s => s["version"] = 99));
        yield return Import("NullUser", Snapshot(s => s["users"]!.AsArray().Add((JsonNode?)null)));
        yield return Import("NullSession", Snapshot(s => s["sessions"]!.AsArray().Add((JsonNode?)null)));
        yield return Import("NullOutboxMessage", Snapshot(s => s["outbox"]!.AsArray().Add((JsonNode?)null)));
        yield return Import("NullOtp", Snapshot(s => s["codes"]!.AsArray().Add((JsonNode?)null)));
        yield return Import("NullSigningKey", Snapshot(s => s["signing_keys"]!.AsArray().Add((JsonNode?)null)));
        yield return Import("UsersNotArray", Snapshot(s => s["users"] = "x"));
        yield return Import("DuplicateUser", Snapshot(s => s["users"]!.AsArray().Add(s["users"]![0]!.DeepClone())));
        yield return Import("SessionOfUnknownUser", Snapshot(s => s["sessions"]![0]!["user_id"] = "user-test-" + Uuid));
        yield return Import("BadSigningKey", Snapshot(s => s["signing_keys"]![0]!["private_key_pem"] = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));
        yield return Import("ClockAtTheEndOfTime", Snapshot(s => s["clock"] = "9999-12-31T23:59:59+00:00"));
        yield return Import("ClockNotADate", Snapshot(s => s["clock"] = "soon"));
        yield return Import("UserEmailInvalid", Snapshot(s => s["users"]![0]!["emails"]![0]!["email"] = "not an email"));
        yield return Import("UserIdMalformed", Snapshot(s => s["users"]![0]!["user_id"] = "../../etc"));
        yield return Import("UserEmailNotNormalised", Snapshot(s => s["users"]![0]!["emails"]![0]!["email"] = "Ada@Example.com"));
        yield return Import("EmailIdMalformed", Snapshot(s => s["users"]![0]!["emails"]![0]!["email_id"] = "x"));
        yield return Import("OtpCodeMalformed", Snapshot(s => s["codes"]![0]!["code"] = "12345\n"));
        yield return Import("SessionTokenMalformed", Snapshot(s => s["sessions"]![0]!["session_token"] = "x"));
        yield return Import("SessionIdMalformed", Snapshot(s => s["sessions"]![0]!["session_id"] = "../x"));
        yield return Import("UserNullEmail", Snapshot(s => s["users"]![0]!["emails"]![0]!["email"] = null));
        yield return Import("SessionNullToken", Snapshot(s => s["sessions"]![0]!["session_token"] = null));
        yield return Import("SessionNullFactors", Snapshot(s => s["sessions"]![0]!["authentication_factors"] = null));
        yield return Import("OtpNullCode", Snapshot(s => s["codes"]![0]!["code"] = null));
        yield return Import("UserPhoneNotANumber", Snapshot(s => s["users"]![0]!["phone_numbers"] = new JsonArray(new JsonObject
        {
            ["phone_id"] = "phone-number-test-" + Uuid, ["phone_number"] = "+15555550100", ["verified"] = false,
        })));
        yield return Import("UserPhoneIdMalformed", Snapshot(s => s["users"]![0]!["phone_numbers"] = new JsonArray(new JsonObject
        {
            ["phone_id"] = "../x", ["phone_number"] = "+14155550123", ["verified"] = false,
        })));
        yield return Import("UserExternalIdMalformed", Snapshot(s => s["users"]![0]!["external_id"] = "a b"));
    }

    private static Func<HostileIds, byte[]?> Snapshot(Action<JsonObject> change) => ids =>
    {
        var json = JsonNode.Parse(ids.Snapshot)!.AsObject();
        change(json);
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    };
}
