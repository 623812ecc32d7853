using System.Text.Json.Nodes;
using Stytch.Fake.Http;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>
/// Every response body the fake produces, success and error, consumer and B2B, validated over loopback HTTP against
/// Stytch's official OpenAPI schemas (<see cref="OpenApiSchemas"/>: additional properties refused, the
/// <see cref="OpenApiSchemas.Nullable"/> fields may be null) and against the Stytch error envelope. A fresh fake per
/// test (<see cref="FakeWireTest"/>), reset between the variants of the coverage test.
/// </summary>
public sealed class SpecConformanceTests : FakeWireTest
{
    private ConformanceRun? _run;

    private ConformanceRun Run => _run ?? throw new InvalidOperationException("The run starts in SetUp.");

    /// <summary>
    /// Optional fields of the schemas the fake instantiates that no variant ever carries, with why that is right
    /// (Stytch omits them too, or the fake has no such data). <c>*_factor</c> stands for every factor object of
    /// api_session_v1_AuthenticationFactor but email_factor (Stytch sends only the factor that was used).
    /// </summary>
    private static readonly SortedDictionary<string, string> Omitted = new(StringComparer.Ordinal)
    {
        ["api_otp_v1_AuthenticateResponse.user_device"] = "device fingerprinting is not modelled (real Stytch has been seen answering \"user_device\": null)",
        ["api_b2b_otp_v1_b2b_otp_email_AuthenticateResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_magic_v1_AuthenticateResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_discovery_v1_discovery_intermediate_sessions_ExchangeResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_discovery_v1_discovery_organizations_CreateResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_b2b_otp_v1_b2b_otp_sms_AuthenticateResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_b2b_totp_v1_AuthenticateResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_b2b_recovery_codes_v1_RecoverResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_b2b_password_v1_AuthenticateResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_b2b_password_v1_b2b_passwords_email_ResetResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_b2b_password_v1_b2b_passwords_existing_password_ResetResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_b2b_password_v1_b2b_passwords_session_ResetResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_b2b_session_v1_ExchangeResponse.member_device"] = "device fingerprinting is not modelled",
        ["api_session_v1_AuthenticationFactor.*_factor"] = "a factor carries only the object of its own kind; email OTP is email_factor",
        ["api_password_v1_CreateResponse.user_device"] = "device fingerprinting is not modelled",
        ["api_password_v1_AuthenticateResponse.user_device"] = "device fingerprinting is not modelled",
        ["api_password_v1_passwords_email_ResetResponse.user_device"] = "device fingerprinting is not modelled",
        ["api_password_v1_passwords_existing_password_ResetResponse.user_device"] = "device fingerprinting is not modelled",
        ["api_password_v1_passwords_session_ResetResponse.user_device"] = "device fingerprinting is not modelled",
    };

    public static IEnumerable<string> Variants() => ConformanceRun.Variants.Select(v => v.Name);

    public static IEnumerable<string> ErrorVariants() => ConformanceRun.ErrorVariants.Select(v => v.Name);

    public static IEnumerable<TestCaseData> CatalogueErrors() =>
        StytchError.Catalogue.Select((e, i) => new TestCaseData(e).SetArgDisplayNames($"{i:00}_{e.ErrorType}_{e.StatusCode}"));

    [SetUp]
    public void StartRun() => _run = new ConformanceRun(Stytch, Client);

    // ---- the fixture ------------------------------------------------------------------------------

    [Test]
    public void Fixture_EveryKeyword_IsStructural()
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "type", "format", "enum", "required", "properties", "items", "additionalProperties", "minimum", "$ref" };
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, schema) in OpenApiSchemas.Schemas)
        {
            CollectKeywords(schema!.AsObject(), found);
        }

        Assert.That(found, Is.SubsetOf(allowed), "the committed copy keeps only structural keywords (no description, example, title)");
    }

    [Test]
    public void Fixture_Operations_AreTheSubsetsAndTheExtraPathsWithResolvableSchemas()
    {
        var operations = OpenApiSchemas.Operations;
        var references = OpenApiSchemas.Schemas.SelectMany(s => References(s.Value)).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(operations, Has.Count.EqualTo(93));
            Assert.That(operations.Select(o => o.OperationId), Is.Unique);
            Assert.That(operations.Select(o => o.ResponseSchema).Distinct(), Is.SubsetOf(OpenApiSchemas.Schemas.Select(s => s.Key)));
            Assert.That(references, Is.SubsetOf(OpenApiSchemas.Schemas.Select(s => s.Key)), "every $ref names a schema of the copy");
        });
    }

    [Test]
    public async Task Validator_ExtraField_IsReported()
    {
        var body = """{"request_id":"request-id-test-1","user_id":"u","email_id":"e","user_created":true,"status_code":200,"extra":1}""";

        var errors = await OpenApiSchemas.ValidateAsync("api_otp_v1_otp_email_LoginOrCreateResponse", body);

        Assert.That(errors, Has.Some.Contains("extra").And.Some.Contains("NoAdditionalPropertiesAllowed"));
    }

    [Test]
    public async Task Validator_ExtraFieldsDeepInARealBody_AreReported()
    {
        var body = (await ConformanceRun.Variants.Single(v => v.Name == "OtpsAuthenticate_WithSession").Produce(Run)).Json;
        body["session"]!["attributes"]!["extra_attribute"] = 1;
        body["user"]!["emails"]![0]!["extra_email_field"] = true;
        body["session"]!["authentication_factors"]![0]!["email_factor"]!["extra_factor_field"] = "x";

        var errors = await OpenApiSchemas.ValidateAsync("api_otp_v1_AuthenticateResponse", body.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Some.Contains("extra_attribute"));
            Assert.That(errors, Has.Some.Contains("extra_email_field"));
            Assert.That(errors, Has.Some.Contains("extra_factor_field"));
        });
    }

    [Test]
    public async Task Validator_NullOutsideTheNullableFields_IsReported()
    {
        var body = """{"request_id":"request-id-test-1","user_id":null,"email_id":"e","user_created":true,"status_code":200}""";

        var errors = await OpenApiSchemas.ValidateAsync("api_otp_v1_otp_email_LoginOrCreateResponse", body);

        Assert.That(errors, Has.Some.Contains("user_id"));
    }

    [Test]
    public async Task Validator_MissingRequiredField_IsReported()
    {
        var body = """{"request_id":"request-id-test-1","email_id":"e","user_created":true,"status_code":200}""";

        var errors = await OpenApiSchemas.ValidateAsync("api_otp_v1_otp_email_LoginOrCreateResponse", body);

        Assert.That(errors, Has.Some.Contains("PropertyRequired"));
    }

    // ---- 200 bodies -------------------------------------------------------------------------------

    [TestCaseSource(nameof(Variants))]
    public async Task Response_Variant_MatchesTheOperationsSchema(string name)
    {
        var variant = ConformanceRun.Variants.Single(v => v.Name == name);
        var response = await variant.Produce(Run);

        await AssertConformsAsync(variant, response);
    }

    [Test]
    public void Variants_EveryOperationOfTheSpec_IsCovered()
    {
        var covered = ConformanceRun.Variants.Select(v => v.Operation.ToString()).ToHashSet(StringComparer.Ordinal);
        var missing = OpenApiSchemas.Operations.Select(o => o.ToString()).Where(o => !covered.Contains(o));

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Variants_EveryStytchEndpointOfTheFake_IsAnOperationOfTheSpec()
    {
        var spec = OpenApiSchemas.Operations.Select(o => o.ToString()).ToHashSet(StringComparer.Ordinal);
        var served = ProductCatalog.StytchEndpoints.Where(e => !OpenApiSchemas.OutsideTheSpec.ContainsKey(e.Name)).Select(e => $"{e.Method} {e.Route.Template}");

        Assert.That(served.Where(s => !spec.Contains(s)), Is.Empty, "the fake serves an operation the spec subset does not describe");
    }

    /// <summary>
    /// Runs every variant on a clean project and checks, across all of them, which optional fields the fake never
    /// sends (must be exactly <see cref="Omitted"/>) and that every <see cref="OpenApiSchemas.Nullable"/> allowance
    /// is needed (some variant sends that field as null).
    /// </summary>
    [Test]
    public async Task Variants_AllTogether_OmitOnlyTheListedFieldsAndUseEveryNullAllowance()
    {
        var coverage = new SchemaCoverage();
        foreach (var variant in ConformanceRun.Variants)
        {
            Run.Reset();
            var response = await variant.Produce(Run);
            Assert.That(response.Status, Is.EqualTo(200), $"{variant.Name}: {response.Text}");
            OpenApiSchemas.Record(variant.Operation.ResponseSchema, JsonNode.Parse(response.Text), coverage);
        }

        var omitted = coverage.Omitted().Select(Generalise).Distinct().ToList();
        var unusedNulls = OpenApiSchemas.Nullable.Keys.Where(field => !coverage.Nulls.Contains(field));
        var unexpectedNulls = coverage.Nulls.Where(field => !OpenApiSchemas.Nullable.ContainsKey(field));
        TestContext.Out.WriteLine($"schemas instantiated: {coverage.Seen.Count}; omitted: {string.Join(", ", omitted)}; null: {string.Join(", ", coverage.Nulls.Order(StringComparer.Ordinal))}");

        Assert.Multiple(() =>
        {
            Assert.That(omitted, Is.EquivalentTo(Omitted.Keys), "optional fields never sent");
            Assert.That(unusedNulls, Is.Empty, "null allowances no variant needs");
            Assert.That(unexpectedNulls, Is.Empty, "nulls outside the allowances (the schema check should have caught these)");
            Assert.That(omitted.Select(field => field.Split('.')).Where(f => OpenApiSchemas.Properties(f[0]).Required.Contains(f[1])), Is.Empty,
                "a required field is never sent");
        });
    }

    // ---- error bodies -----------------------------------------------------------------------------

    [TestCaseSource(nameof(ErrorVariants))]
    public async Task Error_Variant_MatchesTheErrorEnvelope(string name)
    {
        var variant = ConformanceRun.ErrorVariants.Single(v => v.Name == name);
        var response = await variant.Produce(Run);

        await AssertErrorEnvelopeAsync(response, variant.Status, variant.ErrorType);
    }

    [TestCaseSource(nameof(CatalogueErrors))]
    public async Task Error_EveryCatalogueEntryOverTheWire_MatchesTheErrorEnvelope(StytchError error)
    {
        Run.Stytch.Faults.Next("otps.email.login_or_create").Fail(error);

        var response = await Run.Client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        await AssertErrorEnvelopeAsync(response, error.StatusCode, error.ErrorType);
        Assert.That(response.Json["error_message"]!.GetValue<string>(), Is.EqualTo(error.Message));
    }

    [TestCase("errors/400_invalid_email.json")]
    [TestCase("errors/401_unauthorized_credentials.json")]
    [TestCase("errors/429_too_many_requests.json")]
    [TestCase("errors/500_internal_server_error.json")]
    public async Task ErrorEnvelope_SeedsCannedBody_Validates(string fixture)
    {
        var errors = await OpenApiSchemas.ValidateErrorAsync(WireShapes.Fixture(fixture).ToJsonString());

        Assert.That(errors, Is.Empty);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static async Task AssertConformsAsync(ResponseVariant variant, WireResult response)
    {
        Assert.That(response.Status, Is.EqualTo(200), $"{variant.Operation}: {response.Text}");
        var errors = await OpenApiSchemas.ValidateAsync(variant.Operation.ResponseSchema, response.Text);
        Assert.That(errors, Is.Empty, $"{variant.Operation} ({variant.Operation.ResponseSchema}) body:\n{response.Text}");
    }

    private static async Task AssertErrorEnvelopeAsync(WireResult response, int status, string errorType)
    {
        Assert.That(response.Status, Is.EqualTo(status), response.Text);
        var errors = await OpenApiSchemas.ValidateErrorAsync(response.Text);
        var json = response.Json;

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty, response.Text);
            Assert.That(json["status_code"]!.GetValue<int>(), Is.EqualTo(status));
            Assert.That(json["error_type"]!.GetValue<string>(), Is.EqualTo(errorType));
            Assert.That(json["error_message"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(json["error_url"]!.GetValue<string>(), Is.EqualTo($"https://stytch.com/docs/api/errors/{status}"));
            Assert.That(json["request_id"]!.GetValue<string>(), Does.Match(WireShapes.RequestId()));
        });
    }

    private static string Generalise(string field) =>
        field.StartsWith("api_session_v1_AuthenticationFactor.", StringComparison.Ordinal) && field.EndsWith("_factor", StringComparison.Ordinal)
            ? "api_session_v1_AuthenticationFactor.*_factor"
            : field;

    private static void CollectKeywords(JsonObject schema, ISet<string> found)
    {
        foreach (var (key, value) in schema)
        {
            found.Add(key);
            if (key == "properties")
            {
                foreach (var (_, property) in value!.AsObject())
                {
                    CollectKeywords(property!.AsObject(), found);
                }
            }
            else if (value is JsonObject child && key is "items" or "additionalProperties")
            {
                CollectKeywords(child, found);
            }
        }
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" ? [OpenApiSchemas.SchemaName(p.Value!.GetValue<string>())] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };
}

/// <summary>One way to make an operation answer 200.</summary>
internal sealed record ResponseVariant(string Name, string Method, string Path, Func<ConformanceRun, Task<WireResult>> Produce)
{
    public SpecOperation Operation => OpenApiSchemas.Operation(Method, Path);

    public override string ToString() => Name;
}

/// <summary>One way to make the fake answer a Stytch error.</summary>
internal sealed record ErrorVariant(string Name, int Status, string ErrorType, Func<ConformanceRun, Task<WireResult>> Produce)
{
    public override string ToString() => Name;
}
