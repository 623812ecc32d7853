using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Core;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Http;

/// <summary>What a search body takes: a page and a query (see <see cref="SearchJson.ReadSearch"/>).</summary>
internal interface ISearchBody
{
    string? Cursor { get; }
    int? Limit { get; }
    JsonElement? Query { get; }
}

internal sealed record WireResultsMetadata(int Total, string? NextCursor);

/// <summary>
/// A search between JSON and <see cref="SearchRequest"/>, for every product that searches: the <c>query</c> a request
/// record declares as a <c>JsonElement?</c> member marked <c>[BodyRule&lt;SearchJson.QueryRule&gt;]</c>, and the
/// <c>results_metadata</c> of the page that answers it. Members the query does not know are unknown fields (given to the
/// <see cref="BodyFields"/>, if any); a wrong type is a <c>bad_request</c> naming its path.
/// </summary>
internal static class SearchJson
{
    private const string QueryName = "query";

    /// <summary>A search body's <c>cursor</c>, <c>limit</c> and <c>query</c> (see <see cref="ReadQuery"/>).</summary>
    public static SearchRequest ReadSearch(ISearchBody request) => ReadQuery(request.Query) is { } query
        ? new SearchRequest { Operator = query.Operator, Operands = query.Operands, Cursor = request.Cursor, Limit = request.Limit }
        : new SearchRequest { Cursor = request.Cursor, Limit = request.Limit };

    /// <summary><c>query</c>: <c>{operator, operands: [{filter_name, filter_value}]}</c>; null when absent or JSON null.</summary>
    public static (string Operator, IReadOnlyList<SearchOperand> Operands)? ReadQuery(JsonElement? value, BodyFields? unknowns = null)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } query)
        {
            return null;
        }

        BodyObjects.KnownMembers(query, QueryName, "an object with an operator and operands", unknowns, "operator", "operands");
        var op = BodyObjects.RequiredString(query, "operator", QueryName);
        var operands = new List<SearchOperand>();
        if (query.TryGetProperty("operands", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw JsonBody.Expected("query.operands", "an array of {filter_name, filter_value} objects", list);
            }

            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = $"query.operands[{i++}]";
                BodyObjects.KnownMembers(item, at, "an object with a filter_name and a filter_value", unknowns, "filter_name", "filter_value");
                var name = BodyObjects.RequiredString(item, "filter_name", at);
                if (!item.TryGetProperty("filter_value", out var filter))
                {
                    throw Validate.BadRequest($"{at}.filter_value is required.");
                }

                operands.Add(new SearchOperand(name, ReadValue(filter, at + ".filter_value")));
            }
        }

        return (op, operands);
    }

    /// <summary>The page's <c>results_metadata</c>: how many match in all, and the cursor of the next page.</summary>
    public static void WriteResultsMetadata(Utf8JsonWriter w, int total, string? nextCursor)
    {
        w.WritePropertyName("results_metadata");
        JsonSerializer.Serialize(w, new WireResultsMetadata(total, nextCursor), SearchWireJson.Default.WireResultsMetadata);
    }

    private static SearchValue ReadValue(JsonElement value, string at) => value.ValueKind switch
    {
        JsonValueKind.String => new SearchValue { Text = value.GetString() },
        JsonValueKind.True or JsonValueKind.False => new SearchValue { Flag = value.GetBoolean() },
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            new SearchValue { List = value.EnumerateArray().Select(v => v.GetString()!).ToArray() },
        // An object of strings is the range of the users search's created_at_between.
        JsonValueKind.Object when value.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String) =>
            new SearchValue { Members = Members(value) },
        _ => throw JsonBody.Expected(at, "a string, a boolean or an array of strings", value),
    };

    private static Dictionary<string, string> Members(JsonElement value)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in value.EnumerateObject())
        {
            members[p.Name] = p.Value.GetString()!;
        }

        return members;
    }

    /// <summary>Binds a search body's <c>query</c> by <see cref="ReadQuery"/>.</summary>
    internal sealed class QueryRule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => ReadQuery(value, fields);
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WireResultsMetadata))]
internal sealed partial class SearchWireJson : JsonSerializerContext;
