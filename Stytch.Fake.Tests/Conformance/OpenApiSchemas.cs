using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>One operation of the spec: method, path template, operationId and the name of its 200 response schema.</summary>
internal sealed record SpecOperation(string Method, string Path, string OperationId, string ResponseSchema)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Stytch's OpenAPI response schemas, from the structural copy in <c>fixtures/openapi/stytch-openapi-schemas.json</c>
/// (built by <c>fixtures/openapi/strip.py</c>), turned into NJsonSchema validators that are stricter than the spec in
/// one way and looser in one:
/// <list type="bullet">
/// <item>An object schema that lists <c>properties</c> but says nothing about <c>additionalProperties</c> is closed
/// (<c>additionalProperties: false</c>), so a field the fake adds beyond the spec is a validation error.</item>
/// <item>The fields in <see cref="Nullable"/> may also be <c>null</c>: OpenAPI 3.0 has <c>nullable</c>, but the
/// spec never uses it, while real Stytch does send <c>null</c> for these.</item>
/// </list>
/// </summary>
internal static class OpenApiSchemas
{
    public const string FixturePath = "openapi/stytch-openapi-schemas.json";
    private const string ComponentPrefix = "#/components/schemas/";
    private const string DefinitionPrefix = "#/definitions/";

    /// <summary>
    /// Fields real Stytch sends as <c>null</c> although the spec types them as object or string, as
    /// <c>schema.property</c>. Every entry is exercised by a variant in <see cref="SpecConformanceTests"/>
    /// (a test fails when one is no longer needed).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Nullable = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        // otps/authenticate without session_duration_minutes: no session is created and Stytch answers "session": null.
        ["api_otp_v1_AuthenticateResponse.session"] = "no session_duration_minutes: Stytch answers \"session\": null",
        // A user without a password or a lock: Stytch writes "password": null, "lock_created_at": null,
        // "lock_expires_at": null (captured Stytch responses, test and live projects alike).
        ["api_user_v1_User.password"] = "user without a password",
        ["api_user_v1_User.lock_created_at"] = "user never locked",
        ["api_user_v1_User.lock_expires_at"] = "user never locked",
        ["api_user_v1_GetResponse.password"] = "user without a password (GET /v1/users/{id} flattens the User)",
        ["api_user_v1_GetResponse.lock_created_at"] = "user never locked",
        ["api_user_v1_GetResponse.lock_expires_at"] = "user never locked",
        // The last page of a search: "next_cursor": null (the field's description: null means no more results).
        ["api_organization_v1_ResultsMetadata.next_cursor"] = "last page of a search",
        // A member fully authenticated by an OTP: no MFA step and no further primary factor, both null.
        ["api_b2b_otp_v1_b2b_otp_email_AuthenticateResponse.mfa_required"] = "member needs no MFA step",
        ["api_b2b_otp_v1_b2b_otp_email_AuthenticateResponse.primary_required"] = "member needs no other primary factor",
        ["api_magic_v1_AuthenticateResponse.mfa_required"] = "member needs no MFA step (B2B magic links, as email OTP)",
        ["api_magic_v1_AuthenticateResponse.primary_required"] = "member needs no other primary factor (B2B magic links, as email OTP)",
        // A login that still needs MFA: no member session yet (stytch.com/docs/multi-tenant-auth/manage-sessions/
        // intermediate-sessions/mfa, sample response: "member_session": null); no code sent yet ("If null, indicates
        // that no secondary authentication has been initiated", the field's description); a member with neither an MFA
        // phone nor TOTP has no options (inferred).
        ["api_b2b_otp_v1_b2b_otp_email_AuthenticateResponse.member_session"] = "member still needs an MFA step",
        ["api_magic_v1_AuthenticateResponse.member_session"] = "member still needs an MFA step (B2B magic links)",
        ["api_b2b_mfa_v1_MfaRequired.secondary_auth_initiated"] = "no SMS code sent on login",
        ["api_b2b_mfa_v1_MfaRequired.member_options"] = "member with neither an MFA phone nor TOTP",
        ["api_b2b_password_v1_AuthenticateResponse.mfa_required"] = "member needs no MFA step (B2B passwords, as email OTP)",
        ["api_b2b_password_v1_AuthenticateResponse.primary_required"] = "member needs no other primary factor (B2B passwords, as email OTP)",
        ["api_b2b_password_v1_b2b_passwords_email_ResetResponse.mfa_required"] = "member needs no MFA step (B2B password reset by email)",
        ["api_b2b_password_v1_b2b_passwords_email_ResetResponse.primary_required"] = "member needs no other primary factor (B2B password reset by email)",
        ["api_b2b_password_v1_b2b_passwords_existing_password_ResetResponse.mfa_required"] = "member needs no MFA step (B2B existing-password reset)",
        ["api_b2b_password_v1_b2b_passwords_existing_password_ResetResponse.primary_required"] = "member needs no other primary factor (B2B existing-password reset)",
        ["api_b2b_password_v1_b2b_passwords_session_ResetResponse.mfa_required"] = "member needs no MFA step (B2B session reset)",
        // B2B password logins end in the login gate too: no member session while MFA is still needed.
        ["api_b2b_password_v1_AuthenticateResponse.member_session"] = "MFA still needed: no member session (B2B passwords)",
        ["api_b2b_password_v1_b2b_passwords_email_ResetResponse.member_session"] = "MFA still needed: no member session (B2B password reset by email)",
        ["api_b2b_password_v1_b2b_passwords_existing_password_ResetResponse.member_session"] = "MFA still needed: no member session (B2B existing-password reset)",
        // No secret rotation under way: "Null if no next_client_secret exists" (the field's own description).
        ["api_m2m_v1_M2MClient.next_client_secret_last_four"] = "M2M client not rotating its secret",
        ["api_m2m_v1_M2MClientWithClientSecret.next_client_secret_last_four"] = "a new M2M client rotates no secret",
        ["api_m2m_v1_ResultsMetadata.next_cursor"] = "last page of an M2M client search",
        ["api_user_v1_ResultsMetadata.next_cursor"] = "last page of a user search",
        // Discovered organizations (the Discovered Organization object; stytch-js's DiscoveredOrganization type): a
        // membership of an existing member has "details": null; one joinable by email domain "member": null.
        ["api_discovery_v1_Membership.details"] = "membership of an existing member: no details",
        ["api_discovery_v1_Membership.member"] = "organization joinable by email domain: no member yet",
        ["api_discovery_v1_DiscoveredOrganization.mfa_required"] = "organization that needs no MFA step",
        ["api_discovery_v1_DiscoveredOrganization.primary_required"] = "organization that needs no other primary factor",
        // The field's description: null for an intermediate session from a discovery flow, or a member session.
        ["api_discovery_v1_discovery_ListResponse.organization_id_hint"] = "discovery intermediate session or member session",
        // Discovery exchanges and organization create end in the login gate, as email OTP authenticate does.
        ["api_discovery_v1_discovery_intermediate_sessions_ExchangeResponse.member_session"] = "MFA still needed: no member session",
        ["api_discovery_v1_discovery_intermediate_sessions_ExchangeResponse.mfa_required"] = "member needs no MFA step",
        ["api_discovery_v1_discovery_intermediate_sessions_ExchangeResponse.primary_required"] = "member needs no other primary factor",
        ["api_discovery_v1_discovery_organizations_CreateResponse.member_session"] = "MFA still needed: no member session",
        ["api_discovery_v1_discovery_organizations_CreateResponse.mfa_required"] = "member needs no MFA step",
        ["api_discovery_v1_discovery_organizations_CreateResponse.primary_required"] = "member needs no other primary factor",
        // The member session exchange ends in the login gate too.
        ["api_b2b_session_v1_ExchangeResponse.member_session"] = "MFA or a primary factor still needed: no member session",
        ["api_b2b_session_v1_ExchangeResponse.mfa_required"] = "member needs no MFA step",
        ["api_b2b_session_v1_ExchangeResponse.primary_required"] = "member needs no other primary factor",
        // Password calls without session_duration_minutes: no session ("a Stytch session will not be created", the
        // field's description), written as otps/authenticate writes it; a zxcvbn project has no LUDS findings (Stytch's
        // strength policy guide shows "luds_requirements": null).
        ["api_password_v1_CreateResponse.session"] = "passwords create without session_duration_minutes",
        ["api_password_v1_AuthenticateResponse.session"] = "passwords authenticate without session_duration_minutes",
        ["api_password_v1_passwords_email_ResetResponse.session"] = "password reset by email without session_duration_minutes",
        ["api_password_v1_Feedback.luds_requirements"] = "zxcvbn project: no LUDS findings",
    };

    /// <summary>
    /// The fake's Stytch endpoints that Stytch's OpenAPI spec does not describe, by endpoint name, with where their shapes
    /// come from instead: they are neither in the coverage list nor validated against the spec's schemas.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OutsideTheSpec = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["m2m.token"] = "POST /v1/public/{project_id}/oauth2/token: Get Access Token (stytch.com/docs/api/get-m2m-token) and the SDKs' m2m.token; its shapes are checked in Wire/M2M/M2MTokenWireTests",
    };

    /// <summary>The fake's Stytch endpoint names that are operations of the spec (all but <see cref="OutsideTheSpec"/>).</summary>
    public static IEnumerable<string> SpecEndpointNames => Stytch.Fake.Http.ProductCatalog.StytchEndpointNames.Where(n => !OutsideTheSpec.ContainsKey(n));

    /// <summary>The error envelope every Stytch error answers with (the spec has only examples of it, no schema).</summary>
    public const string ErrorEnvelope = """
        {
          "type": "object",
          "properties": {
            "status_code": { "type": "integer" },
            "request_id": { "type": "string" },
            "error_type": { "type": "string" },
            "error_message": { "type": "string" },
            "error_url": { "type": "string" }
          },
          "required": ["status_code", "request_id", "error_type", "error_message", "error_url"],
          "additionalProperties": false
        }
        """;

    private static readonly Lazy<JsonObject> LazyDocument = new(() => WireShapes.Fixture(FixturePath));
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Validators = new(StringComparer.Ordinal);
    private static readonly Lazy<Task<JsonSchema>> ErrorValidator = new(() => JsonSchema.FromJsonAsync(ErrorEnvelope));

    /// <summary>The fixture as committed.</summary>
    public static JsonObject Document => LazyDocument.Value;

    /// <summary>components.schemas of the fixture, as committed.</summary>
    public static JsonObject Schemas => Document["components"]!["schemas"]!.AsObject();

    /// <summary>Every operation of the fixture, in its order.</summary>
    public static IReadOnlyList<SpecOperation> Operations =>
        Document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => new SpecOperation(
            op.Key.ToUpperInvariant(),
            path.Key,
            op.Value!["operationId"]!.GetValue<string>(),
            SchemaName(op.Value!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>())))).ToList();

    public static SpecOperation Operation(string method, string path) =>
        Operations.SingleOrDefault(o => o.Method == method && o.Path == path)
        ?? throw new ArgumentException($"The spec has no operation {method} {path}.", nameof(path));

    public static string SchemaName(string reference) =>
        reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? reference[ComponentPrefix.Length..]
            : throw new ArgumentException($"Not a component schema reference: {reference}", nameof(reference));

    /// <summary>The validation errors of <paramref name="json"/> against component schema <paramref name="schemaName"/>; empty when it conforms.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string schemaName, string json)
    {
        var validator = await Validators.GetOrAdd(schemaName, name => new Lazy<Task<JsonSchema>>(() => BuildAsync(name))).Value;
        return Describe(validator.Validate(json));
    }

    /// <summary>The validation errors of <paramref name="json"/> against <see cref="ErrorEnvelope"/>.</summary>
    public static async Task<IReadOnlyList<string>> ValidateErrorAsync(string json) =>
        Describe((await ErrorValidator.Value).Validate(json));

    /// <summary>
    /// The JSON Schema NJsonSchema validates with: component <paramref name="root"/> at the top, every component under
    /// <c>definitions</c>, object schemas closed and the <see cref="Nullable"/> fields widened.
    /// </summary>
    public static JsonObject ValidationSchema(string root)
    {
        var definitions = new JsonObject();
        foreach (var (name, schema) in Schemas)
        {
            var copy = Rewrite(schema!.DeepClone().AsObject());
            if (copy["properties"] is JsonObject properties)
            {
                foreach (var (property, _) in properties.ToList())
                {
                    if (Nullable.ContainsKey($"{name}.{property}"))
                    {
                        properties[property] = OrNull(properties[property]!.AsObject());
                    }
                }
            }

            definitions[name] = copy;
        }

        var top = definitions[root]?.DeepClone().AsObject() ?? throw new ArgumentException($"No component schema {root}.", nameof(root));
        top["definitions"] = definitions;
        return top;
    }

    /// <summary>Records which schemas and fields <paramref name="value"/>, read as component <paramref name="schemaName"/>, uses.</summary>
    public static void Record(string schemaName, JsonNode? value, SchemaCoverage coverage) =>
        Walk(Schemas[schemaName]!.AsObject(), schemaName, value, coverage);

    /// <summary>The properties of <paramref name="schemaName"/>, and which of them are required.</summary>
    public static (IReadOnlyList<string> All, IReadOnlySet<string> Required) Properties(string schemaName)
    {
        var schema = Schemas[schemaName]!.AsObject();
        var all = schema["properties"] is JsonObject p ? p.Select(x => x.Key).ToList() : [];
        var required = schema["required"] is JsonArray r ? r.Select(x => x!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];
        return (all, required);
    }

    private static async Task<JsonSchema> BuildAsync(string root) =>
        await JsonSchema.FromJsonAsync(ValidationSchema(root).ToJsonString());

    private static void Walk(JsonObject schema, string owner, JsonNode? value, SchemaCoverage coverage)
    {
        if (value is null)
        {
            return;
        }

        if (schema["$ref"] is JsonValue reference)
        {
            var name = SchemaName(reference.GetValue<string>());
            Walk(Schemas[name]!.AsObject(), name, value, coverage);
            return;
        }

        switch (value)
        {
            case JsonObject o when schema["properties"] is JsonObject properties:
                if (Schemas.ContainsKey(owner))
                {
                    coverage.Seen.Add(owner);
                }

                foreach (var (key, child) in o)
                {
                    if (properties[key] is JsonObject propertySchema)
                    {
                        (child is null ? coverage.Nulls : coverage.Sent).Add($"{owner}.{key}");
                        Walk(propertySchema, $"{owner}.{key}", child, coverage);
                    }
                }

                break;
            case JsonObject o when schema["additionalProperties"] is JsonObject valueSchema:
                foreach (var (key, child) in o)
                {
                    Walk(valueSchema, $"{owner}.{key}", child, coverage);
                }

                break;
            case JsonArray a when schema["items"] is JsonObject items:
                foreach (var item in a)
                {
                    Walk(items, owner + "[]", item, coverage);
                }

                break;
        }
    }

    /// <summary>Component references to definitions, and closed objects, all the way down.</summary>
    private static JsonObject Rewrite(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            schema["$ref"] = DefinitionPrefix + SchemaName(reference.GetValue<string>());
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (_, property) in properties)
            {
                Rewrite(property!.AsObject());
            }

            schema["additionalProperties"] ??= false;
        }

        if (schema["items"] is JsonObject items)
        {
            Rewrite(items);
        }

        if (schema["additionalProperties"] is JsonObject valueSchema)
        {
            Rewrite(valueSchema);
        }

        return schema;
    }

    private static JsonObject OrNull(JsonObject property)
    {
        var copy = property.DeepClone().AsObject();
        if (copy["$ref"] is not null)
        {
            return new JsonObject { ["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" }) };
        }

        copy["type"] = new JsonArray(copy["type"]!.GetValue<string>(), "null");
        return copy;
    }

    private static List<string> Describe(IEnumerable<ValidationError> errors)
    {
        var lines = new List<string>();
        foreach (var error in errors)
        {
            lines.Add($"{error.Path}: {error.Kind}");
            if (error is ChildSchemaValidationError child)
            {
                lines.AddRange(child.Errors.SelectMany(e => Describe(e.Value)).Select(line => "  " + line));
            }

            if (error is MultiTypeValidationError multi)
            {
                lines.AddRange(multi.Errors.SelectMany(e => Describe(e.Value)).Select(line => "  " + line));
            }
        }

        return lines;
    }
}

/// <summary>What a set of response bodies used of the spec: named schemas instantiated, and fields sent with a value or as null.</summary>
internal sealed class SchemaCoverage
{
    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Sent { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Nulls { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>schema.property</c> fields of every instantiated schema that no body carried at all.</summary>
    public IEnumerable<string> Omitted() =>
        Seen.SelectMany(schema => OpenApiSchemas.Properties(schema).All.Select(p => $"{schema}.{p}"))
            .Where(field => !Sent.Contains(field) && !Nulls.Contains(field))
            .Order(StringComparer.Ordinal);
}
