using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B;

/// <summary>The organization and member searches; the rules of the query itself are <see cref="SearchQuery"/>'s.</summary>
internal sealed partial class B2BState
{
    private static readonly string[] OrganizationFilters =
    [
        "organization_ids", "organization_slugs", "organization_name_fuzzy", "organization_slug_fuzzy", "member_emails",
        "member_email_fuzzy", "allowed_domains", "allowed_domain_fuzzy", "claimed_email_domains",
    ];

    private static readonly string[] MemberFilters =
    [
        "member_ids", "member_emails", "member_email_fuzzy", "member_is_breakglass", "statuses", "member_roles",
        "member_mfa_phone_numbers", "member_mfa_phone_number_fuzzy", "member_password_exists",
    ];

    /// <summary><c>POST /v1/b2b/organizations/search</c>.</summary>
    public OrganizationSearchPage SearchOrganizations(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (limit, offset) = SearchQuery.Paging(request, "organizations");
        var filters = request.Operands.Select(OrganizationFilter).ToArray();
        var or = SearchQuery.IsOr(request.Operator);
        return Store.Transact(() =>
        {
            var matches = _tables.OrgOrder.Select(id => _tables.Orgs[id])
                .Where(o => filters.Length == 0 || (or ? filters.Any(f => f(o)) : filters.All(f => f(o))))
                .ToArray();
            var page = matches.Skip(offset).Take(limit).ToArray();
            return new OrganizationSearchPage(page, matches.Length, SearchQuery.NextCursor("organizations", offset, page.Length, matches.Length));
        });
    }

    /// <summary><c>POST /v1/b2b/organizations/members/search</c>.</summary>
    public MemberSearchPage SearchMembers(IReadOnlyList<string>? organizationIds, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (organizationIds is null || organizationIds.Count == 0)
        {
            throw new StytchException(StytchError.MemberSearchOrganizationIdsEmpty);
        }

        var (limit, offset) = SearchQuery.Paging(request, "members");
        var or = SearchQuery.IsOr(request.Operator);
        return Store.Transact(() =>
        {
            var organizations = organizationIds.Select(ResolveOrganization).ToArray();
            var orgIds = organizations.Select(o => o.OrganizationId).ToHashSet(StringComparer.Ordinal);
            var filters = request.Operands.Select(MemberFilter).ToArray();
            // An empty query returns the members that are not deleted; deleted ones only through a statuses filter.
            var wantsDeleted = request.Operands.Any(o => o.FilterName == "statuses" && o.FilterValue.List?.Contains("deleted") == true);
            var matches = _tables.MemberOrder.Select(id => _tables.Members[id])
                .Where(m => orgIds.Contains(m.OrganizationId) && (wantsDeleted || m.Status != "deleted"))
                .Where(m => filters.Length == 0 || (or ? filters.Any(f => f(m)) : filters.All(f => f(m))))
                .ToArray();
            var page = matches.Skip(offset).Take(limit).ToArray();
            var byId = page.Select(m => m.OrganizationId).Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, id => _tables.Orgs[id], StringComparer.Ordinal);
            return new MemberSearchPage(page, byId, matches.Length, SearchQuery.NextCursor("members", offset, page.Length, matches.Length));
        });
    }

    private static bool Fuzzy(string value, string part) => value.Contains(part, StringComparison.OrdinalIgnoreCase);

    private Func<StytchOrganization, bool> OrganizationFilter(SearchOperand operand, int index)
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
                return o => Fuzzy(o.OrganizationName, name);
            case "organization_slug_fuzzy":
                var slug = SearchQuery.Fuzzy(operand, index);
                return o => Fuzzy(o.OrganizationSlug, slug);
            case "member_emails":
                var emails = SearchQuery.List(operand, index).Select(e => e.ToLowerInvariant()).ToArray();
                return o => emails.Any(e => _tables.MemberIdByEmail.ContainsKey(Key(o.OrganizationId, e)));
            case "member_email_fuzzy":
                var email = SearchQuery.Fuzzy(operand, index);
                return o => _tables.Members.Values.Any(m => m.OrganizationId == o.OrganizationId && m.Status != "deleted" && Fuzzy(m.EmailAddress, email));
            case "allowed_domains":
                var domains = SearchQuery.List(operand, index).Select(d => d.ToLowerInvariant()).ToArray();
                return o => o.EmailAllowedDomains.Intersect(domains, StringComparer.Ordinal).Any();
            case "allowed_domain_fuzzy":
                var domain = SearchQuery.Fuzzy(operand, index);
                return o => o.EmailAllowedDomains.Any(d => Fuzzy(d, domain));
            case "claimed_email_domains":
                var claimed = SearchQuery.List(operand, index).Select(d => d.ToLowerInvariant()).ToArray();
                return o => o.ClaimedEmailDomains.Intersect(claimed, StringComparer.Ordinal).Any();
            default:
                throw SearchQuery.UnknownFilter(operand, index, "organization", OrganizationFilters);
        }
    }

    private Func<StytchMember, bool> MemberFilter(SearchOperand operand, int index)
    {
        switch (operand.FilterName)
        {
            case "member_ids":
                var ids = SearchQuery.List(operand, index);
                return m => ids.Contains(m.MemberId);
            case "member_emails":
                var emails = SearchQuery.List(operand, index).Select(e => e.ToLowerInvariant()).ToArray();
                return m => emails.Contains(m.EmailAddress);
            case "member_email_fuzzy":
                var email = SearchQuery.Fuzzy(operand, index);
                return m => Fuzzy(m.EmailAddress, email);
            case "member_is_breakglass":
                var breakglass = SearchQuery.Flag(operand, index);
                return m => m.IsBreakglass == breakglass;
            case "statuses":
                var statuses = SearchQuery.List(operand, index);
                if (statuses.FirstOrDefault(s => Array.IndexOf(MemberStatuses, s) < 0) is { } unknown)
                {
                    throw SearchQuery.NotOneOf(operand, index, unknown, MemberStatuses);
                }

                return m => statuses.Contains(m.Status);
            case "member_roles":
                var roles = SearchQuery.List(operand, index);
                return m => RolesOf(m, _tables.Orgs[m.OrganizationId]).Any(r => roles.Contains(r.RoleId));
            case "member_mfa_phone_numbers":
                var phones = SearchQuery.List(operand, index);
                return m => phones.Contains(m.MfaPhoneNumber);
            case "member_mfa_phone_number_fuzzy":
                var phone = SearchQuery.Fuzzy(operand, index);
                return m => m.MfaPhoneNumber.Length > 0 && Fuzzy(m.MfaPhoneNumber, phone);
            case "member_password_exists":
                // The fake has no passwords.
                var exists = SearchQuery.Flag(operand, index);
                return _ => !exists;
            default:
                throw SearchQuery.UnknownFilter(operand, index, "member", MemberFilters);
        }
    }
}
