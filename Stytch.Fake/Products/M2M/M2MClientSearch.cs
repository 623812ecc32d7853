using Stytch.Fake.Core;

namespace Stytch.Fake.Products.M2M;

/// <summary>
/// The M2M client search. Stytch: "client_id: a list of client IDs", "client_name: exact match on client name",
/// "scopes: clients assigned a specific scope" (Search M2M Clients); every filter takes an array of strings
/// (stytch-node lib/b2c/m2m.ts, M2MSearchQueryOperand). A client matches <c>scopes</c> when it has any of those listed
/// (inferred). Page size and cursor follow <see cref="SearchQuery"/>.
/// </summary>
internal sealed partial class M2MClientService
{
    private const string Kind = "m2m_clients";

    /// <summary><c>POST /v1/m2m/clients/search</c>.</summary>
    public M2MClientSearchPage Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (limit, offset) = SearchQuery.Paging(request, Kind);
        var filters = request.Operands.Select(Filter).ToArray();
        var or = SearchQuery.IsOr(request.Operator);
        return _store.Transact(() =>
        {
            var (page, total, next) = SearchQuery.Run(Table.All.Select(r => r.Client), filters, or, limit, offset, Kind);
            return new M2MClientSearchPage(page, total, next);
        });
    }

    private static Func<StytchM2MClient, bool> Filter(SearchOperand operand)
    {
        var values = operand.FilterValue.List ?? throw new StytchException(StytchError.M2MSearchExpectedArrayOfStrings);
        var set = values.ToHashSet(StringComparer.Ordinal);
        return operand.FilterName switch
        {
            "client_id" => c => set.Contains(c.ClientId),
            "client_name" => c => set.Contains(c.ClientName),
            "scopes" => c => c.Scopes.Any(set.Contains),
            _ => throw new StytchException(StytchError.M2MSearchFilterNameNotRecognized),
        };
    }
}

/// <summary>One page of M2M clients.</summary>
/// <param name="Clients">The page.</param>
/// <param name="Total">How many match in all.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last page.</param>
internal sealed record M2MClientSearchPage(IReadOnlyList<StytchM2MClient> Clients, int Total, string? NextCursor);
