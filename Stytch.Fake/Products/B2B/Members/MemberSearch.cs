using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B.Members;

/// <summary>The member search; the rules of the query itself are <see cref="SearchQuery"/>'s.</summary>
internal sealed partial class MemberService
{
    private static readonly string[] Filters =
    [
        "member_ids", "member_emails", "member_email_fuzzy", "member_is_breakglass", "statuses", "member_roles",
        "member_mfa_phone_numbers", "member_mfa_phone_number_fuzzy", "member_password_exists",
    ];

    /// <summary><c>POST /v1/b2b/organizations/members/search</c>.</summary>
    public MemberSearchPage Search(IReadOnlyList<string>? organizationIds, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (organizationIds is null || organizationIds.Count == 0)
        {
            throw new StytchException(StytchError.MemberSearchOrganizationIdsEmpty);
        }

        var (limit, offset) = SearchQuery.Paging(request, "members");
        var or = SearchQuery.IsOr(request.Operator);
        return _store.Transact(() =>
        {
            var orgIds = organizationIds.Select(id => _organizations.Resolve(id).OrganizationId).ToHashSet(StringComparer.Ordinal);
            var filters = request.Operands.Select(Filter).ToArray();
            // An empty query returns the members that are not deleted; deleted ones only through a statuses filter.
            var wantsDeleted = request.Operands.Any(o => o.FilterName == "statuses" && o.FilterValue.List?.Contains(MemberStatus.Deleted) == true);
            var candidates = Table.All.Where(m => orgIds.Contains(m.OrganizationId) && (wantsDeleted || m.Status != MemberStatus.Deleted));
            var (page, total, next) = SearchQuery.Run(candidates, filters, or, limit, offset, "members");
            var byId = page.Select(m => m.OrganizationId).Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, _organizations.ById, StringComparer.Ordinal);
            return new MemberSearchPage(page, byId, total, next);
        });
    }

    private Func<StytchMember, bool> Filter(SearchOperand operand, int index)
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
                return m => SearchQuery.Contains(m.EmailAddress, email);
            case "member_is_breakglass":
                var breakglass = SearchQuery.Flag(operand, index);
                return m => m.IsBreakglass == breakglass;
            case "statuses":
                var statuses = SearchQuery.List(operand, index);
                if (statuses.FirstOrDefault(s => Array.IndexOf(MemberStatus.All, s) < 0) is { } unknown)
                {
                    throw SearchQuery.NotOneOf(operand, index, unknown, MemberStatus.All);
                }

                return m => statuses.Contains(m.Status);
            case "member_roles":
                var roles = SearchQuery.List(operand, index);
                return m => MemberRoles.Of(m, _organizations.ById(m.OrganizationId)).Any(r => roles.Contains(r.RoleId));
            case "member_mfa_phone_numbers":
                var phones = SearchQuery.List(operand, index);
                return m => phones.Contains(m.MfaPhoneNumber);
            case "member_mfa_phone_number_fuzzy":
                var phone = SearchQuery.Fuzzy(operand, index);
                return m => m.MfaPhoneNumber.Length > 0 && SearchQuery.Contains(m.MfaPhoneNumber, phone);
            case "member_password_exists":
                // The fake has no passwords.
                var exists = SearchQuery.Flag(operand, index);
                return _ => !exists;
            default:
                throw SearchQuery.UnknownFilter(operand, index, "member", Filters);
        }
    }
}

/// <summary>One page of members, with the organizations they belong to.</summary>
/// <param name="Members">The page.</param>
/// <param name="Organizations">Every organization of a member on the page, by id.</param>
/// <param name="Total">How many match in all.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last page.</param>
internal sealed record MemberSearchPage(IReadOnlyList<StytchMember> Members, IReadOnlyDictionary<string, StytchOrganization> Organizations, int Total, string? NextCursor);
