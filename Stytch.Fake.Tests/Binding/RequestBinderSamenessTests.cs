using System.Buffers;
using System.Text;
using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;
using Stytch.Fake.Products.Consumer.EmailOtp.Wire;
using Stytch.Fake.Products.Consumer.Sessions.Wire;

namespace Stytch.Fake.Tests.Binding;

/// <summary>
/// The typed request records of the consumer and B2B endpoints and of the back doors read every body of
/// <see cref="BodyCorpus"/> exactly as the endpoints' field-by-field <see cref="JsonBody"/> reads did (kept here, in their
/// order, as the reference): the same values, or the same error with the same message, and the same ignored fields, for
/// lenient and strict projects (and for back doors, which refuse unknown fields).
/// </summary>
public sealed partial class RequestBinderSamenessTests
{
    private const string Email = "\"ada@example.com\"";

    private static readonly Dictionary<string, Sameness> ByName = ConsumerReadings().Concat(B2BReadings()).Concat(BackDoorReadings()).ToDictionary(e => e.Name);

    public static IEnumerable<string> Names() => ByName.Keys;

    // The policy by name: FieldPolicy is internal, and a public test cannot take it as a parameter.
    public static IEnumerable<TestCaseData> Endpoints() =>
        ByName.Values.SelectMany(e => (e.Name.StartsWith("admin.", StringComparison.Ordinal)
            ? [nameof(FieldPolicy.BackDoor)]
            : new[] { nameof(FieldPolicy.Ignore), nameof(FieldPolicy.StrictProject) }).Select(policy => new TestCaseData(e.Name, policy)));

    private static IEnumerable<Sameness> ConsumerReadings()
    {
        yield return Case("otps.email.login_or_create",
            ["email", "expiration_minutes", "attributes", "create_user_as_pending", "locale", "login_template_id", "signup_template_id"],
            [("email", Email)],
            body => Values(body.String("email"), body.Int("expiration_minutes"), body.String("locale"), body.String("login_template_id"),
                body.String("signup_template_id"), body.Bool("create_user_as_pending") ?? false, AttributesJson.ReadAttributes(body.Element("attributes"), body.Fields)),
            EmailOtpRequestJson.Default.OtpEmailLoginOrCreateRequest,
            r => Values(r.Email, r.ExpirationMinutes, r.Locale, r.LoginTemplateId, r.SignupTemplateId, r.CreateUserAsPending ?? false, AttributesJson.ReadAttributes(r.Attributes)));

        yield return Case("otps.email.send",
            ["email", "expiration_minutes", "attributes", "locale", "user_id", "session_token", "session_jwt", "login_template_id", "signup_template_id"],
            [("email", Email)],
            body => Values(body.String("email"), body.String("user_id"), body.String("session_token"), body.String("session_jwt"), body.Int("expiration_minutes"),
                body.String("locale"), body.String("login_template_id"), body.String("signup_template_id"), AttributesJson.ReadAttributes(body.Element("attributes"), body.Fields)),
            EmailOtpRequestJson.Default.OtpEmailSendRequest,
            r => Values(r.Email, r.UserId, r.SessionToken, r.SessionJwt, r.ExpirationMinutes, r.Locale, r.LoginTemplateId, r.SignupTemplateId, AttributesJson.ReadAttributes(r.Attributes)));

        yield return Case("otps.authenticate",
            ["method_id", "code", "attributes", "options", "session_token", "session_duration_minutes", "session_jwt", "session_custom_claims", "telemetry_id"],
            [("method_id", "\"email-test-1\""), ("code", "\"123456\"")],
            body => Values(AttributesJson.ReadAttributes(body.Element("attributes"), body.Fields), AttributesJson.ReadOptions(body.Element("options"), body.Fields),
                Claims(body), body.String("telemetry_id"), body.String("session_token"), body.String("session_jwt"),
                body.String("method_id") ?? throw new StytchException(StytchError.InvalidMethodId),
                body.String("code") ?? throw new StytchException(StytchError.InvalidCode), body.Int("session_duration_minutes")),
            EmailOtpRequestJson.Default.OtpAuthenticateRequest,
            r => Values(AttributesJson.ReadAttributes(r.Attributes), AttributesJson.ReadOptions(r.Options), ClaimsJson.Read(r.SessionCustomClaims),
                r.TelemetryId, r.SessionToken, r.SessionJwt, r.MethodId, r.Code, r.SessionDurationMinutes));

        yield return Case("sessions.authenticate",
            ["session_token", "session_jwt", "session_duration_minutes", "session_custom_claims", "authorization_check"],
            [("session_token", "\"token\"")],
            body => Values(Claims(body), ConsumerAuthorizationCheckJson.Read(body.Element("authorization_check"), body.Fields),
                body.String("session_token"), body.String("session_jwt"), body.Int("session_duration_minutes")),
            SessionRequestJson.Default.SessionAuthenticateRequest,
            r => Values(ClaimsJson.Read(r.SessionCustomClaims), ConsumerAuthorizationCheckJson.Read(r.AuthorizationCheck), r.SessionToken, r.SessionJwt, r.SessionDurationMinutes));

        yield return Case("sessions.revoke",
            ["session_id", "session_token", "session_jwt"],
            [("session_id", "\"session-test-1\"")],
            body => Values(body.String("session_id"), body.String("session_token"), body.String("session_jwt")),
            SessionRequestJson.Default.SessionRevokeRequest,
            r => Values(r.SessionId, r.SessionToken, r.SessionJwt));
    }

    [TestCaseSource(nameof(Endpoints))]
    public void Bind_EveryCorpusBody_ReadsAsTheFieldReadsDid(string name, string policyName)
    {
        var endpoint = ByName[name];
        var policy = Enum.Parse<FieldPolicy>(policyName);
        var bodies = BodyCorpus.For(endpoint.OldFields, endpoint.Valid).ToList();
        var differences = bodies
            .Select(body => (Body: Show(body), Old: Outcome(body, endpoint.OldFields.ToHashSet(StringComparer.Ordinal), policy, endpoint.OldRead),
                New: Outcome(body, endpoint.NewFields, policy, endpoint.NewRead)))
            .Where(c => c.Old != c.New)
            .Take(5)
            .Select(c => $"{c.Body}\n  fields: {c.Old}\n  binder: {c.New}")
            .ToList();

        // At least every field (and an unknown one) set to every value, over a valid body and an empty one.
        Assert.That(bodies, Has.Count.GreaterThan(2 * (endpoint.OldFields.Length + 1) * BodyCorpus.Values.Length));
        Assert.That(differences, Is.Empty, string.Join("\n", differences));
    }

    [TestCaseSource(nameof(Names))]
    public void Fields_RequestRecord_AreTheEndpointsAllowList(string name) =>
        Assert.That(ByName[name].NewFields, Is.EquivalentTo(ByName[name].OldFields));

    [Test]
    public void Bind_CorpusBodies_AreTriedInEveryOutcome()
    {
        var endpoint = ByName["otps.authenticate"];
        var outcomes = BodyCorpus.For(endpoint.OldFields, endpoint.Valid)
            .Select(body => Outcome(body, endpoint.NewFields, FieldPolicy.StrictProject, endpoint.NewRead).Split(' ')[0])
            .ToHashSet();

        Assert.That(outcomes, Is.SupersetOf(new[] { "ok", "bad_request", "invalid_method_id", "invalid_code", "unable_to_represent_custom_claims_json" }));
    }

    [TestCase("b2b.organizations.update", new[] { "rbac_email_implicit_role_assignments[0].zzz", "rbac_email_implicit_role_assignments[1].yyy" })]
    [TestCase("b2b.organizations.search", new[] { "query.zzz", "query.operands[0].zzz" })]
    [TestCase("b2b.sessions.authenticate", new[] { "authorization_check.zzz" })]
    [TestCase("sessions.authenticate", new[] { "authorization_check.zzz" })]
    public void Bind_B2BCorpusBodies_ReachTheNestedUnknowns(string name, string[] nested)
    {
        var endpoint = ByName[name];
        var ignored = BodyCorpus.For(endpoint.OldFields, endpoint.Valid)
            .Select(body => Outcome(body, endpoint.NewFields, FieldPolicy.Ignore, endpoint.NewRead))
            .SelectMany(outcome => outcome[(outcome.LastIndexOf("; ignored: ", StringComparison.Ordinal) + "; ignored: ".Length)..].Split(", "))
            .ToHashSet();

        Assert.That(ignored, Is.SupersetOf(nested));
    }

    private static Sameness Case<TRequest>(
        string name, string[] fields, (string, string)[] valid, Func<JsonBody, string> old,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TRequest> type, Func<TRequest, string> read)
    {
        var binder = new RequestBinder<TRequest>(type);
        return new Sameness(name, fields, valid, old, binder.Fields, body => read(binder.Bind(body)));
    }

    private static string Outcome(byte[] bytes, IReadOnlySet<string> fields, FieldPolicy policy, Func<JsonBody, string> read)
    {
        JsonBody body;
        try
        {
            body = JsonBody.Parse(bytes, fields, policy);
        }
        catch (StytchException e)
        {
            return "parse " + Describe(e);
        }

        using (body)
        {
            try
            {
                return $"ok {read(body)}; ignored: {string.Join(", ", body.Ignored)}";
            }
            catch (StytchException e)
            {
                return $"{Describe(e)}; ignored: {string.Join(", ", body.Ignored)}";
            }
        }
    }

    /// <summary>How the handlers read <c>session_custom_claims</c> from the body.</summary>
    private static IReadOnlyDictionary<string, object?>? Claims(JsonBody body) => ClaimsJson.Read(body.Element("session_custom_claims"));

    private static string Describe(StytchException e) => $"{e.Error.ErrorType} {e.Error.StatusCode} {e.Error.Message}";

    private static string Values(params object?[] values) => string.Join(" | ", values.Select(v => v switch
    {
        null => "null",
        IReadOnlyDictionary<string, object?> claims => Json(w => ClaimsJson.Write(w, claims)),
        JsonElement e => e.GetRawText(),
        string s => s,
        SearchRequest q => Values(q.Operator, q.Operands.Select(o => Values(o.FilterName, o.FilterValue.Text, o.FilterValue.Flag, o.FilterValue.List)), q.Cursor, q.Limit),
        System.Collections.IEnumerable list => "[" + Values([.. list.Cast<object?>()]) + "]",
        _ => v.ToString(),
    }));

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Show(byte[] body) => Encoding.UTF8.GetString(body);

    /// <summary>One endpoint's two readings of a body: the old field reads and the binder's record.</summary>
    private sealed record Sameness(
        string Name,
        string[] OldFields,
        (string Name, string Value)[] Valid,
        Func<JsonBody, string> OldRead,
        IReadOnlySet<string> NewFields,
        Func<JsonBody, string> NewRead)
;
}
