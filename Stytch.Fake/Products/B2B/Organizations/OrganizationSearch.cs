using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Products.B2B.Organizations;

/// <summary>The organization search; the rules of the query itself are <see cref="SearchQuery"/>'s.</summary>
internal sealed partial class OrganizationService
{
    private static readonly string[] Filters =
    [
        "organization_ids", "organization_slugs", "organization_name_fuzzy", "organization_slug_fuzzy", "member_emails",
        "member_email_fuzzy", "allowed_domains", "allowed_domain_fuzzy", "claimed_email_domains",
    ];

    /// <summary><c>POST /v1/b2b/organizations/search</c>.</summary>
    public OrganizationSearchPage Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (limit, offset) = SearchQuery.Paging(request, "organizations");
        var members = _store.Part<MemberTable>();
        var filters = request.Operands.Select((operand, index) => Filter(operand, index, members)).ToArray();
        var or = SearchQuery.IsOr(request.Operator);
        return _store.Transact(() =>
        {
            var (page, total, next) = SearchQuery.Run(Table.All, filters, or, limit, offset, "organizations");
            return new OrganizationSearchPage(page, total, next);
        });
    }

    private static Func<StytchOrganization, bool> Filter(SearchOperand operand, int index, MemberTable members)
    {
        switch (operand.FilterName)
        {
            case "organization_ids":
                var ids = SearchQuery.List(operand, index);
                return o => ids.Contains(o.OrganizationId);
            case "organization_slugs":
                var slugs = SearchQuery.List(operand, index);
                return o => slugs.Contains(o.OrganizationSlug);
            case "organization_name_fuzzy":
                var name = SearchQuery.Fuzzy(operand, index);
                return o => SearchQuery.Contains(o.OrganizationName, name);
            case "organization_slug_fuzzy":
                var slug = SearchQuery.Fuzzy(operand, index);
                return o => SearchQuery.Contains(o.OrganizationSlug, slug);
            case "member_emails":
                var emails = SearchQuery.List(operand, index).Select(e => e.ToLowerInvariant()).ToArray();
                return o => emails.Any(e => members.WithEmail(o.OrganizationId, e) is not null);
            case "member_email_fuzzy":
                var email = SearchQuery.Fuzzy(operand, index);
                return o => members.Of(o.OrganizationId).Any(m => m.Status != MemberStatus.Deleted && SearchQuery.Contains(m.EmailAddress, email));
            case "allowed_domains":
                var domains = SearchQuery.List(operand, index).Select(d => d.ToLowerInvariant()).ToArray();
                return o => o.EmailAllowedDomains.Intersect(domains, StringComparer.Ordinal).Any();
            case "allowed_domain_fuzzy":
                var domain = SearchQuery.Fuzzy(operand, index);
                return o => o.EmailAllowedDomains.Any(d => SearchQuery.Contains(d, domain));
            case "claimed_email_domains":
                var claimed = SearchQuery.List(operand, index).Select(d => d.ToLowerInvariant()).ToArray();
                return o => o.ClaimedEmailDomains.Intersect(claimed, StringComparer.Ordinal).Any();
            default:
                throw SearchQuery.UnknownFilter(operand, index, "organization", Filters);
        }
    }
}

/// <summary>One page of organizations.</summary>
/// <param name="Organizations">The page.</param>
/// <param name="Total">How many match in all.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last page.</param>
internal sealed record OrganizationSearchPage(IReadOnlyList<StytchOrganization> Organizations, int Total, string? NextCursor);
