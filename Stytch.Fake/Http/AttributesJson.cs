using System.Text.Json;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Http;

/// <summary>
/// The <c>attributes</c> and <c>options</c> request objects, read into their engine records. A request record declares
/// them as <c>JsonElement?</c> members marked <c>[BodyRule&lt;AttributesJson.AttributesRule&gt;]</c> or
/// <c>[BodyRule&lt;AttributesJson.OptionsRule&gt;]</c>, and its handler reads the bound element with these readers.
/// </summary>
internal static class AttributesJson
{
    private const string AttributesName = "attributes";
    private const string OptionsName = "options";

    /// <summary>
    /// The <c>attributes</c> object ({<c>ip_address</c>, <c>user_agent</c>}, strings or null); absent or null is none.
    /// Its members are checked in the order sent: another member is an unknown field (given to <paramref name="unknowns"/>,
    /// if any), a known one that is not a string (or null) is 400 <c>bad_request</c>.
    /// </summary>
    public static RequestAttributes ReadAttributes(JsonElement? value, BodyFields? unknowns = null)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } e)
        {
            return RequestAttributes.None;
        }

        foreach (var p in JsonValues.Object(e, AttributesName).EnumerateObject())
        {
            if (p.Name is not ("ip_address" or "user_agent"))
            {
                unknowns?.Unknown($"{AttributesName}.{p.Name}");
            }
            else if (p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw JsonBody.Expected($"{AttributesName}.{p.Name}", "a string", p.Value);
            }
        }

        return new RequestAttributes(StringMember(e, "ip_address"), StringMember(e, "user_agent"));
    }

    /// <summary>
    /// The <c>options</c> object of <c>otps/authenticate</c>. The spec marks both members required inside it; an
    /// absent one reads as false here, since the SDKs pass through whatever the caller gave. Other members are unknown
    /// fields (all of them first, given to <paramref name="unknowns"/>, if any); a known member that is not a boolean
    /// (or null) is 400 <c>bad_request</c>.
    /// </summary>
    public static AttributeMatchOptions ReadOptions(JsonElement? value, BodyFields? unknowns = null)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } e)
        {
            return AttributeMatchOptions.None;
        }

        foreach (var p in JsonValues.Object(e, OptionsName).EnumerateObject().Where(p => p.Name is not ("ip_match_required" or "user_agent_match_required")))
        {
            unknowns?.Unknown($"{OptionsName}.{p.Name}");
        }

        return new AttributeMatchOptions(BoolMember(e, "ip_match_required"), BoolMember(e, "user_agent_match_required"));
    }

    private static string StringMember(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static bool BoolMember(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null && JsonValues.Bool(v, $"{OptionsName}.{name}");

    /// <summary>Binds <c>attributes</c> by <see cref="ReadAttributes"/>.</summary>
    internal sealed class AttributesRule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => ReadAttributes(value, fields);
    }

    /// <summary>Binds <c>options</c> by <see cref="ReadOptions"/>.</summary>
    internal sealed class OptionsRule : IBodyRule
    {
        public static void Check(JsonElement value, string path, BodyFields fields) => ReadOptions(value, fields);
    }
}
