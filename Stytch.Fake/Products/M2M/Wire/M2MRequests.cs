using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.M2M.Wire;

// The M2M client request bodies (see RequestBinder): each member in the order its errors are met, the spec's order.

/// <summary><c>POST /v1/m2m/clients</c>.</summary>
internal sealed record M2MClientCreateRequest(
    string[]? Scopes,
    string? ClientId,
    string? ClientSecret,
    string? ClientName,
    string? ClientDescription,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata);

/// <summary><c>PUT /v1/m2m/clients/{client_id}</c>.</summary>
internal sealed record M2MClientUpdateRequest(
    string? ClientName,
    string? ClientDescription,
    string? Status,
    string[]? Scopes,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata);

/// <summary><c>POST /v1/m2m/clients/search</c>.</summary>
internal sealed record M2MClientSearchRequest(
    string? Cursor,
    int? Limit,
    [property: BodyRule<M2MQueryRule>] JsonElement? Query) : ISearchBody;

/// <summary>The rotation calls' body: the spec's RotateStartRequest, RotateCancelRequest and RotateRequest have no fields.</summary>
internal sealed record M2MRotateRequest;

/// <summary>
/// An M2M search <c>query</c>: its operands are first checked for the M2M search's own error types (a missing or
/// non-string <c>filter_name</c>, a missing <c>filter_value</c>), then read as every search query is (<see cref="SearchJson"/>).
/// </summary>
internal sealed class M2MQueryRule : IBodyRule
{
    public static void Check(JsonElement value, string path, BodyFields fields)
    {
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("operands", out var operands) && operands.ValueKind == JsonValueKind.Array)
        {
            foreach (var operand in operands.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object))
            {
                if (!operand.TryGetProperty("filter_name", out var name) || name.ValueKind == JsonValueKind.Null)
                {
                    throw new StytchException(StytchError.M2MSearchMissingFilterName);
                }

                if (name.ValueKind != JsonValueKind.String)
                {
                    throw new StytchException(StytchError.M2MSearchFilterNameMustBeString);
                }

                if (!operand.TryGetProperty("filter_value", out var filter) || filter.ValueKind == JsonValueKind.Null)
                {
                    throw new StytchException(StytchError.M2MSearchMissingFilterValue);
                }

                if (filter.ValueKind != JsonValueKind.Array || filter.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    throw new StytchException(StytchError.M2MSearchExpectedArrayOfStrings);
                }
            }
        }

        SearchJson.ReadQuery(value, fields);
    }
}

/// <summary>The M2M request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(M2MClientCreateRequest))]
[JsonSerializable(typeof(M2MClientUpdateRequest))]
[JsonSerializable(typeof(M2MClientSearchRequest))]
[JsonSerializable(typeof(M2MRotateRequest))]
internal sealed partial class M2MRequestJson : JsonSerializerContext;
