using System.Globalization;
using System.Text;

namespace Stytch.Fake.Core;

/// <summary>
/// The parts of a B2B search request that are the same for organizations and members: the operator, the page size
/// and cursor, and the value each kind of filter takes. A value that breaks a rule is a 400 <c>bad_request</c>
/// naming its place in the body (<c>query.operands[1].filter_value</c>) and what it must be. Stytch's own messages
/// for these are not published (it has <c>organization_search_*</c> types for some); the wording is the fake's.
/// </summary>
internal static class SearchQuery
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    /// <summary>Stytch: "All fuzzy search filters require a minimum of three characters" (Search Organizations docs).</summary>
    public const int MinFuzzyLength = 3;

    /// <summary>True for <c>OR</c>, false for <c>AND</c>.</summary>
    public static bool IsOr(string op) => op switch
    {
        "AND" => false,
        "OR" => true,
        _ => throw Validate.BadRequest($"query.operator must be AND or OR, not '{Validate.Clip(op)}'."),
    };

    /// <summary>The page size and the offset the cursor of a <paramref name="kind"/> search points at.</summary>
    public static (int Limit, int Offset) Paging(SearchRequest request, string kind)
    {
        var limit = request.Limit is null or 0 ? DefaultLimit : request.Limit.Value;
        if (limit is < 1 or > MaxLimit)
        {
            throw Validate.BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"limit must be from 1 to {MaxLimit} (0 or none for {DefaultLimit}), not {limit}."));
        }

        if (string.IsNullOrEmpty(request.Cursor))
        {
            return (limit, 0);
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(request.Cursor));
        }
        catch (FormatException)
        {
            throw BadCursor(kind);
        }

        var prefix = kind + ":";
        return decoded.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(decoded.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? (limit, offset)
            : throw BadCursor(kind);
    }

    /// <summary>The cursor of the page after <paramref name="count"/> results from <paramref name="offset"/>, or null on the last.</summary>
    public static string? NextCursor(string kind, int offset, int count, int total) =>
        offset + count < total
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(kind + ":" + (offset + count).ToString(CultureInfo.InvariantCulture)))
            : null;

    /// <summary>
    /// The page from <paramref name="offset"/> of the <paramref name="candidates"/> that pass all the filters (any, with
    /// <paramref name="or"/>; every candidate when there are none), with how many pass in all and the next page's cursor.
    /// </summary>
    public static (T[] Page, int Total, string? NextCursor) Run<T>(IEnumerable<T> candidates, IReadOnlyList<Func<T, bool>> filters, bool or, int limit, int offset, string kind)
    {
        var matches = candidates.Where(c => filters.Count == 0 || (or ? filters.Any(f => f(c)) : filters.All(f => f(c)))).ToArray();
        var page = matches.Skip(offset).Take(limit).ToArray();
        return (page, matches.Length, NextCursor(kind, offset, page.Length, matches.Length));
    }

    /// <summary>How a <c>…_fuzzy</c> filter matches: <paramref name="value"/> contains <paramref name="part"/>, ignoring case.</summary>
    public static bool Contains(string value, string part) => value.Contains(part, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of a filter that takes a list, such as <c>organization_ids</c>.</summary>
    public static IReadOnlyList<string> List(SearchOperand operand, int index) =>
        operand.FilterValue.List is { Count: > 0 } list ? list : throw Expected(operand, index, "a non-empty array of strings");

    /// <summary>The value of a <c>…_fuzzy</c> filter.</summary>
    public static string Fuzzy(SearchOperand operand, int index) =>
        operand.FilterValue.Text is { Length: >= MinFuzzyLength } text
            ? text
            : throw Expected(operand, index, $"a string of at least {MinFuzzyLength} characters");

    /// <summary>The value of a filter that takes a boolean, such as <c>member_is_breakglass</c>.</summary>
    public static bool Flag(SearchOperand operand, int index) =>
        operand.FilterValue.Flag ?? throw Expected(operand, index, "a boolean");

    /// <summary>A <c>filter_name</c> the <paramref name="kind"/> search does not have.</summary>
    public static StytchException UnknownFilter(SearchOperand operand, int index, string kind, IEnumerable<string> known) =>
        Validate.BadRequest($"query.operands[{index}].filter_name '{Validate.Clip(operand.FilterName)}' is not a filter of the {kind} search: use one of {string.Join(", ", known)}.");

    /// <summary>A filter value that holds something the filter does not take.</summary>
    public static StytchException NotOneOf(SearchOperand operand, int index, string value, IEnumerable<string> allowed) =>
        Validate.BadRequest($"query.operands[{index}].filter_value of {operand.FilterName} may hold only {string.Join(", ", allowed)}, not '{Validate.Clip(value)}'.");

    private static StytchException Expected(SearchOperand operand, int index, string what) =>
        Validate.BadRequest($"query.operands[{index}].filter_value of {operand.FilterName} must be {what}, not {Describe(operand.FilterValue)}.");

    private static StytchException BadCursor(string kind) =>
        Validate.BadRequest($"cursor is not one the {kind} search gave: send the next_cursor of the previous page, or no cursor for the first page.");

    private static string Describe(SearchValue value) => value switch
    {
        { Text: { } text } => text.Length < MinFuzzyLength ? $"'{text}'" : "a string",
        { Flag: not null } => "a boolean",
        { List.Count: 0 } => "an empty array",
        { Members: not null } => "an object",
        _ => "an array",
    };
}

/// <summary>A search filter value as sent: a string, a boolean, a list of strings or an object of strings (exactly one is set).</summary>
internal sealed record SearchValue
{
    /// <summary>A string value.</summary>
    public string? Text { get; init; }
    /// <summary>A boolean value.</summary>
    public bool? Flag { get; init; }
    /// <summary>A list of strings.</summary>
    public IReadOnlyList<string>? List { get; init; }
    /// <summary>An object of strings, such as <c>{greater_than, less_than}</c>.</summary>
    public IReadOnlyDictionary<string, string>? Members { get; init; }
}

/// <summary>One operand of a search query.</summary>
/// <param name="FilterName">The filter, e.g. <c>organization_slugs</c>.</param>
/// <param name="FilterValue">Its value.</param>
internal sealed record SearchOperand(string FilterName, SearchValue FilterValue);

/// <summary>A search: <c>AND</c> or <c>OR</c> over operands, a cursor and a page size.</summary>
internal sealed record SearchRequest
{
    /// <summary><c>AND</c> (default) or <c>OR</c>.</summary>
    public string Operator { get; init; } = "AND";
    /// <summary>The filters; none returns everything.</summary>
    public IReadOnlyList<SearchOperand> Operands { get; init; } = [];
    /// <summary>The <c>next_cursor</c> of the previous page.</summary>
    public string? Cursor { get; init; }
    /// <summary>Page size, 1..1000; default 100.</summary>
    public int? Limit { get; init; }
}
