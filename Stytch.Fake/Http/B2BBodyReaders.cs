using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http.Binding;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Http;

/// <summary>
/// The structured values of the B2B bodies: role assignments, search queries and authorization checks, read into their
/// engine records. A request record declares each as a <c>JsonElement?</c> member marked with its rule
/// (<see cref="RoleAssignmentsRule"/>, <see cref="SearchQueryRule"/>, <see cref="AuthorizationCheckRule"/>), and its
/// handler reads the bound element with the reader. Members they do not know are unknown fields (given to the
/// <see cref="BodyFields"/>, if any); a wrong type is a <c>bad_request</c> naming its path.
/// </summary>
internal static class B2BBodyReaders
{
    private const string RoleAssignmentsName = "rbac_email_implicit_role_assignments";
    private const string QueryName = "query";
    private const string CheckName = "authorization_check";

    /// <summary><c>rbac_email_implicit_role_assignments</c>: <c>[{domain, role_id}]</c>; null when absent or JSON null.</summary>
    public static EmailImplicitRoleAssignment[]? ReadRoleAssignments(JsonElement? value, BodyFields? unknowns = null)
    {
        if (Present(value) is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            throw JsonBody.Expected(RoleAssignmentsName, "an array of {domain, role_id} objects", e);
        }

        return e.EnumerateArray().Select((item, i) =>
        {
            var at = $"{RoleAssignmentsName}[{i}]";
            KnownMembers(item, at, "an object with a domain and a role_id", unknowns, "domain", "role_id");
            return new EmailImplicitRoleAssignment(RequiredString(item, "domain", at), RequiredString(item, "role_id", at));
        }).ToArray();
    }

    /// <summary>A search body's <c>cursor</c>, <c>limit</c> and <c>query</c> (see <see cref="ReadQuery"/>).</summary>
    public static SearchRequest ReadSearch(ISearchBody request)
    {
        var query = ReadQuery(request.Query);
        return query is null
            ? new SearchRequest { Cursor = request.Cursor, Limit = request.Limit }
            : new SearchRequest { Operator = query.Value.Operator, Operands = query.Value.Operands, Cursor = request.Cursor, Limit = request.Limit };
    }

    /// <summary><c>query</c>: <c>{operator, operands: [{filter_name, filter_value}]}</c>; null when absent or JSON null.</summary>
    public static (string Operator, IReadOnlyList<SearchOperand> Operands)? ReadQuery(JsonElement? value, BodyFields? unknowns = null)
    {
        if (Present(value) is not { } query)
        {
            return null;
        }

        KnownMembers(query, QueryName, "an object with an operator and operands", unknowns, "operator", "operands");
        var op = RequiredString(query, "operator", QueryName);
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
                KnownMembers(item, at, "an object with a filter_name and a filter_value", unknowns, "filter_name", "filter_value");
                var name = RequiredString(item, "filter_name", at);
                if (!item.TryGetProperty("filter_value", out var filter))
                {
                    throw Validate.BadRequest($"{at}.filter_value is required.");
                }

                operands.Add(new SearchOperand(name, ReadSearchValue(filter, at + ".filter_value")));
            }
        }

        return (op, operands);
    }

    /// <summary><c>authorization_check</c>: <c>{organization_id, resource_id, action}</c>; null when absent or JSON null.</summary>
    public static AuthorizationCheck? ReadAuthorizationCheck(JsonElement? value, BodyFields? unknowns = null)
    {
        if (Present(value) is not { } e)
        {
            return null;
        }

        KnownMembers(e, CheckName, "an object with organization_id, resource_id and action", unknowns, "organization_id", "resource_id", "action");
        return new AuthorizationCheck(RequiredString(e, "organization_id", CheckName), RequiredString(e, "resource_id", CheckName), RequiredString(e, "action", CheckName));
    }

    private static JsonElement? Present(JsonElement? value) => value is { ValueKind: not JsonValueKind.Null } e ? e : null;

    /// <summary>
    /// Checks that <paramref name="item"/> (at <paramref name="at"/>) is an object, <paramref name="what"/>, and gives its
    /// members other than <paramref name="known"/> to <paramref name="unknowns"/>, all of them before any member is read.
    /// </summary>
    private static void KnownMembers(JsonElement item, string at, string what, BodyFields? unknowns, params string[] known)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw JsonBody.Expected(at, what, item);
        }

        foreach (var p in item.EnumerateObject().Where(p => Array.IndexOf(known, p.Name) < 0))
        {
            unknowns?.Unknown($"{at}.{p.Name}");
        }
    }

    private static SearchValue ReadSearchValue(JsonElement value, string at) => value.ValueKind switch
    {
        JsonValueKind.String => new SearchValue { Text = value.GetString() },
        JsonValueKind.True or JsonValueKind.False => new SearchValue { Flag = value.GetBoolean() },
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            new SearchValue { List = value.EnumerateArray().Select(v => v.GetString()!).ToArray() },
        _ => throw JsonBody.Expected(at, "a string, a boolean or an array of strings", value),
    };

    /// <summary>The string member <paramref name="name"/> of an object at <paramref name="at"/>, which must be there.</summary>
    private static string RequiredString(JsonElement item, string name, string at) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Validate.BadRequest($"{at}.{name} must be a string.");

    /// <summary>Binds <c>rbac_email_implicit_role_assignments</c> by <see cref="ReadRoleAssignments"/>.</summary>
    internal sealed class RoleAssignmentsRule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => ReadRoleAssignments(value, fields);
    }

    /// <summary>Binds a search body's <c>query</c> by <see cref="ReadQuery"/>.</summary>
    internal sealed class SearchQueryRule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => ReadQuery(value, fields);
    }

    /// <summary>Binds <c>authorization_check</c> by <see cref="ReadAuthorizationCheck"/>.</summary>
    internal sealed class AuthorizationCheckRule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => ReadAuthorizationCheck(value, fields);
    }
}
