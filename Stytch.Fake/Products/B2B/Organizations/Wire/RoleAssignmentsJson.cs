using System.Text.Json;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.B2B.Organizations.Wire;

/// <summary>
/// An organization's <c>rbac_email_implicit_role_assignments</c>, read into its engine records. A request record declares
/// it as a <c>JsonElement?</c> member marked <c>[BodyRule&lt;RoleAssignmentsJson.Rule&gt;]</c>, and its handler reads the
/// bound element with <see cref="Read"/>.
/// </summary>
internal static class RoleAssignmentsJson
{
    private const string Name = "rbac_email_implicit_role_assignments";

    /// <summary>
    /// <c>[{domain, role_id}]</c>; null when absent or JSON null. Members an item does not know are unknown fields (given
    /// to <paramref name="unknowns"/>, if any); a wrong type is a <c>bad_request</c> naming its path.
    /// </summary>
    public static EmailImplicitRoleAssignment[]? Read(JsonElement? value, BodyFields? unknowns = null)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } e)
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
            BodyObjects.KnownMembers(item, at, "an object with a domain and a role_id", unknowns, "domain", "role_id");
            return new EmailImplicitRoleAssignment(BodyObjects.RequiredString(item, "domain", at), BodyObjects.RequiredString(item, "role_id", at));
        }).ToArray();
    }

    /// <summary>Binds <c>rbac_email_implicit_role_assignments</c> by <see cref="Read"/>.</summary>
    internal sealed class Rule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => Read(value, fields);
    }
}
