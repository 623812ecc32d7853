using System.Globalization;
using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer.Users;

/// <summary>
/// <c>POST /v1/users/search</c>; the rules of the query itself (operator, limit up to 1000, cursor) are
/// <see cref="SearchQuery"/>'s. The filters are those the official Node SDK types name (<c>UserSearchOperand</c>); the
/// ones for factors the fake does not hold (WebAuthn, crypto wallets, TOTP, OAuth) match no user when they ask for one
/// that exists or is verified, and every user when they ask for none. <c>email_verified</c> and <c>phone_verified</c>
/// match a user with an email (phone) in that state (inferred).
/// </summary>
internal sealed partial class UserService
{
    private const string SearchKind = "users";

    private static readonly string[] Filters =
    [
        "created_at_greater_than", "created_at_less_than", "created_at_between", "status", "oauth_provider", "user_id",
        "full_name_fuzzy", "phone_number", "phone_id", "phone_verified", "phone_number_fuzzy", "email_address", "email_id",
        "email_verified", "email_address_fuzzy", "webauthn_registration_verified", "webauthn_registration_id",
        "crypto_wallet_id", "crypto_wallet_address", "crypto_wallet_verified", "totp_id", "totp_verified", "password_exists",
    ];

    private static readonly string[] Statuses = ["active", "pending"];

    /// <summary>One page of the users that match, oldest first, with how many match in all and the next page's cursor.</summary>
    public (IReadOnlyList<StytchUser> Users, int Total, string? NextCursor) Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (limit, offset) = SearchQuery.Paging(request, SearchKind);
        var or = SearchQuery.IsOr(request.Operator);
        var filters = request.Operands.Select(Filter).ToArray();
        return _store.Transact(() =>
        {
            var (page, total, next) = SearchQuery.Run(_users.All, filters, or, limit, offset, SearchKind);
            return ((IReadOnlyList<StytchUser>)[.. page.Select(Public)], total, next);
        });
    }

    private static Func<UserRecord, bool> Filter(SearchOperand operand, int index)
    {
        switch (operand.FilterName)
        {
            case "created_at_greater_than":
                var after = Time(operand, index, Text(operand, index));
                return u => u.CreatedAt > after;
            case "created_at_less_than":
                var before = Time(operand, index, Text(operand, index));
                return u => u.CreatedAt < before;
            case "created_at_between":
                var range = operand.FilterValue.Members is { } members && members.TryGetValue("greater_than", out var from) && members.TryGetValue("less_than", out var to)
                    ? (From: Time(operand, index, from), To: Time(operand, index, to))
                    : throw Validate.BadRequest($"query.operands[{index}].filter_value of created_at_between must be an object with greater_than and less_than.");
                return u => u.CreatedAt > range.From && u.CreatedAt < range.To;
            case "status":
                var status = Text(operand, index);
                return Array.IndexOf(Statuses, status) >= 0 ? u => u.Status == status : throw SearchQuery.NotOneOf(operand, index, status, Statuses);
            case "user_id":
                var ids = SearchQuery.List(operand, index);
                return u => ids.Contains(u.UserId);
            case "full_name_fuzzy":
                var name = SearchQuery.Fuzzy(operand, index);
                return u => SearchQuery.Contains(FullName(u.Name), name);
            case "phone_number":
                var numbers = SearchQuery.List(operand, index);
                return u => u.Phones.Any(p => numbers.Contains(p.PhoneNumber));
            case "phone_id":
                var phoneIds = SearchQuery.List(operand, index);
                return u => u.Phones.Any(p => phoneIds.Contains(p.PhoneId));
            case "phone_verified":
                var phoneVerified = SearchQuery.Flag(operand, index);
                return u => u.Phones.Any(p => p.Verified == phoneVerified);
            case "phone_number_fuzzy":
                var number = SearchQuery.Fuzzy(operand, index);
                return u => u.Phones.Any(p => SearchQuery.Contains(p.PhoneNumber, number));
            case "email_address":
                var emails = SearchQuery.List(operand, index).Select(e => e.ToLowerInvariant()).ToArray();
                return u => u.Emails.Any(e => emails.Contains(e.Email));
            case "email_id":
                var emailIds = SearchQuery.List(operand, index);
                return u => u.Emails.Any(e => emailIds.Contains(e.EmailId));
            case "email_verified":
                var emailVerified = SearchQuery.Flag(operand, index);
                return u => u.Emails.Any(e => e.Verified == emailVerified);
            case "email_address_fuzzy":
                var email = SearchQuery.Fuzzy(operand, index);
                return u => u.Emails.Any(e => SearchQuery.Contains(e.Email, email));
            case "password_exists":
                var hasPassword = SearchQuery.Flag(operand, index);
                return u => (u.PasswordId.Length > 0) == hasPassword;
            case "oauth_provider" or "webauthn_registration_id" or "crypto_wallet_id" or "crypto_wallet_address" or "totp_id":
                SearchQuery.List(operand, index);
                return _ => false;
            case "webauthn_registration_verified" or "crypto_wallet_verified" or "totp_verified":
                var wanted = SearchQuery.Flag(operand, index);
                return _ => !wanted;
            default:
                throw SearchQuery.UnknownFilter(operand, index, "users", Filters);
        }
    }

    // Inferred: a full name is the parts that are set, in order, one space apart.
    private static string FullName(StytchUserName name) =>
        string.Join(' ', new[] { name.FirstName, name.MiddleName, name.LastName }.Where(p => p.Length > 0));

    private static string Text(SearchOperand operand, int index) =>
        operand.FilterValue.Text ?? throw Validate.BadRequest($"query.operands[{index}].filter_value of {operand.FilterName} must be a string.");

    private static DateTimeOffset Time(SearchOperand operand, int index, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Validate.BadRequest($"query.operands[{index}].filter_value of {operand.FilterName} must be an RFC 3339 time, such as 2030-01-02T03:04:05Z, not '{Validate.Clip(value)}'.");
}
