using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B;

namespace Stytch.Fake.Http;

/// <summary>
/// The structured values of the B2B bodies: role assignments, search queries and authorization checks. Members they do
/// not know are unknown fields (<see cref="JsonBody.Unknown"/>); a wrong type is a <c>bad_request</c> naming its path.
/// </summary>
internal static class B2BBodyReaders
{
    /// <summary><c>rbac_email_implicit_role_assignments</c>: <c>[{domain, role_id}]</c>; null when absent.</summary>
    public static EmailImplicitRoleAssignment[]? ReadRoleAssignments(JsonBody body)
    {
        const string Name = "rbac_email_implicit_role_assignments";
        if (body.Element(Name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            throw JsonBody.Expected(Name, "an array of {domain, role_id} objects", e);
        }

        return e.EnumerateArray().Select((item, i) =>
        {
            var at = $"{Name}[{i}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw JsonBody.Expected(at, "an object with a domain and a role_id", item);
            }

            foreach (var p in item.EnumerateObject().Where(p => p.Name is not ("domain" or "role_id")))
            {
                body.Unknown($"{at}.{p.Name}");
            }

            return new EmailImplicitRoleAssignment(RequiredString(item, "domain", at), RequiredString(item, "role_id", at));
        }).ToArray();
    }

    /// <summary>A search body's <c>cursor</c>, <c>limit</c> and <c>query</c> <c>{operator, operands: [{filter_name, filter_value}]}</c>.</summary>
    public static SearchRequest ReadSearch(JsonBody body)
    {
        var cursor = body.String("cursor");
        var limit = body.Int("limit");
        if (body.Element("query") is not { } query)
        {
            return new SearchRequest { Cursor = cursor, Limit = limit };
        }

        if (query.ValueKind != JsonValueKind.Object)
        {
            throw JsonBody.Expected("query", "an object with an operator and operands", query);
        }

        foreach (var p in query.EnumerateObject().Where(p => p.Name is not ("operator" or "operands")))
        {
            body.Unknown("query." + p.Name);
        }

        var op = RequiredString(query, "operator", "query");
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
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw JsonBody.Expected(at, "an object with a filter_name and a filter_value", item);
                }

                foreach (var p in item.EnumerateObject().Where(p => p.Name is not ("filter_name" or "filter_value")))
                {
                    body.Unknown($"{at}.{p.Name}");
                }

                var name = RequiredString(item, "filter_name", at);
                if (!item.TryGetProperty("filter_value", out var value))
                {
                    throw Validate.BadRequest($"{at}.filter_value is required.");
                }

                operands.Add(new SearchOperand(name, ReadSearchValue(value, at + ".filter_value")));
            }
        }

        return new SearchRequest { Operator = op, Operands = operands, Cursor = cursor, Limit = limit };
    }

    private static SearchValue ReadSearchValue(JsonElement value, string at) => value.ValueKind switch
    {
        JsonValueKind.String => new SearchValue { Text = value.GetString() },
        JsonValueKind.True or JsonValueKind.False => new SearchValue { Flag = value.GetBoolean() },
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            new SearchValue { List = value.EnumerateArray().Select(v => v.GetString()!).ToArray() },
        _ => throw JsonBody.Expected(at, "a string, a boolean or an array of strings", value),
    };

    /// <summary><c>authorization_check</c>: <c>{organization_id, resource_id, action}</c>; null when absent.</summary>
    public static AuthorizationCheck? ReadAuthorizationCheck(JsonBody body)
    {
        const string Name = "authorization_check";
        if (body.Element(Name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            throw JsonBody.Expected(Name, "an object with organization_id, resource_id and action", e);
        }

        foreach (var p in e.EnumerateObject().Where(p => p.Name is not ("organization_id" or "resource_id" or "action")))
        {
            body.Unknown($"{Name}.{p.Name}");
        }

        return new AuthorizationCheck(RequiredString(e, "organization_id", Name), RequiredString(e, "resource_id", Name), RequiredString(e, "action", Name));
    }

    /// <summary>The string member <paramref name="name"/> of an object at <paramref name="at"/>, which must be there.</summary>
    private static string RequiredString(JsonElement item, string name, string at) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Validate.BadRequest($"{at}.{name} must be a string.");
}
