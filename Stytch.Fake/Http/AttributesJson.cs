using System.Text.Json;
using Stytch.Fake.Engine;

namespace Stytch.Fake.Http;

/// <summary>The <c>attributes</c> and <c>options</c> request objects, read into their engine records.</summary>
internal static class AttributesJson
{
    private static readonly HashSet<string> AttributeFields = ["ip_address", "user_agent"];

    /// <summary>The <c>attributes</c> object ({<c>ip_address</c>, <c>user_agent</c>}, strings or null); absent is none.</summary>
    public static RequestAttributes ReadAttributes(JsonBody body)
    {
        body.StringMap("attributes", AttributeFields);
        return body.Element("attributes") is { } e
            ? new RequestAttributes(StringMember(e, "ip_address"), StringMember(e, "user_agent"))
            : RequestAttributes.None;
    }

    /// <summary>
    /// The <c>options</c> object of <c>otps/authenticate</c>. The spec marks both members required inside it; an
    /// absent one reads as false here, since the SDKs pass through whatever the caller gave. Other members are unknown
    /// fields (<see cref="JsonBody.Unknown"/>); a known member that is not a boolean (or null) is 400 <c>bad_request</c>.
    /// </summary>
    public static AttributeMatchOptions ReadOptions(JsonBody body)
    {
        body.Object("options");
        if (body.Element("options") is not { } e)
        {
            return AttributeMatchOptions.None;
        }

        foreach (var p in e.EnumerateObject().Where(p => p.Name is not ("ip_match_required" or "user_agent_match_required")))
        {
            body.Unknown("options." + p.Name);
        }

        return new AttributeMatchOptions(BoolMember(e, "ip_match_required"), BoolMember(e, "user_agent_match_required"));
    }

    private static string StringMember(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static bool BoolMember(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null
            ? false
            : v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw JsonBody.Expected("options." + name, "true or false", v);
}
