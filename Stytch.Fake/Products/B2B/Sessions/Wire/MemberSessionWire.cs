using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Products.Consumer.Sessions.Wire;

namespace Stytch.Fake.Products.B2B.Sessions.Wire;

// The member session object and its JWT claims exactly as Stytch spells them (seed 000 and
// ../shared/reference/ENDPOINTS.md), with every field present.

internal sealed record WireMemberSession(
    string MemberSessionId,
    string MemberId,
    string StartedAt,
    string LastAccessedAt,
    string ExpiresAt,
    WireFactor[] AuthenticationFactors,
    string OrganizationId,
    string[] Roles,
    string OrganizationSlug,
    JsonElement CustomClaims)
{
    public static WireMemberSession From(MemberSession s) => new(
        s.MemberSessionId, s.MemberId, WireJson.Time(s.StartedAt), WireJson.Time(s.LastAccessedAt), WireJson.Time(s.ExpiresAt),
        s.AuthenticationFactors.Select(WireFactor.From).ToArray(), s.OrganizationId, [.. s.Roles], s.OrganizationSlug,
        ClaimsJson.ToElement(s.CustomClaims));
}

/// <summary>The <c>https://stytch.com/organization</c> claim of a member session JWT.</summary>
internal sealed record WireOrganizationClaim(string OrganizationId, string Slug);

internal sealed record WireVerdict(bool Authorized, string[] GrantingRoles);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WireMemberSession))]
[JsonSerializable(typeof(WireOrganizationClaim))]
[JsonSerializable(typeof(WireVerdict))]
internal sealed partial class MemberSessionWireJson : JsonSerializerContext;

/// <summary>Writes member sessions, for every product whose responses carry one, and their JWT claims.</summary>
internal static class MemberSessionWire
{
    /// <summary>The session as <c>member_session</c>.</summary>
    public static void Write(Utf8JsonWriter w, MemberSession session)
    {
        w.WritePropertyName("member_session");
        JsonSerializer.Serialize(w, WireMemberSession.From(session), MemberSessionWireJson.Default.WireMemberSession);
    }

    /// <summary>The sessions as the array <paramref name="name"/>.</summary>
    public static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<MemberSession> sessions) =>
        WireJson.WriteArray(w, name, sessions.Select(WireMemberSession.From), MemberSessionWireJson.Default.WireMemberSession);

    /// <summary>The <c>https://stytch.com/session</c> claim of a member session's JWT (same shape as the consumer one).</summary>
    public static JsonElement SessionClaim(MemberSession s) => SessionWire.Claim(new WireSessionClaim(
        s.MemberSessionId, WireJson.Time(s.StartedAt), WireJson.Time(s.LastAccessedAt), WireJson.Time(s.ExpiresAt),
        new WireAttributes("", ""), s.AuthenticationFactors.Select(WireFactor.From).ToArray(), [.. s.Roles]));

    /// <summary>The <c>https://stytch.com/organization</c> claim of a member session's JWT.</summary>
    public static JsonElement OrganizationClaim(MemberSession s) =>
        JsonSerializer.SerializeToElement(new WireOrganizationClaim(s.OrganizationId, s.OrganizationSlug), MemberSessionWireJson.Default.WireOrganizationClaim);
}
