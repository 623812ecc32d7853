using System.Text.Json;
using Stytch.Fake.Core;

namespace Stytch.Fake.Http.Binding;

/// <summary>
/// The checks every reader of a structured request value makes of the objects inside it (a role assignment, a search
/// operand, an authorization check): what kind it is, which members it knows, and the strings it must have.
/// </summary>
internal static class BodyObjects
{
    /// <summary>
    /// Checks that <paramref name="item"/> (at <paramref name="at"/>) is an object, <paramref name="what"/>, and gives its
    /// members other than <paramref name="known"/> to <paramref name="unknowns"/>, all of them before any member is read.
    /// </summary>
    public static void KnownMembers(JsonElement item, string at, string what, BodyFields? unknowns, params string[] known)
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

    /// <summary>The string member <paramref name="name"/> of an object at <paramref name="at"/>, which must be there.</summary>
    public static string RequiredString(JsonElement item, string name, string at) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Validate.BadRequest($"{at}.{name} must be a string.");
}
