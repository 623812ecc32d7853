using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.B2B.Members.Wire;

// The member object exactly as Stytch spells it (seed 000 and ../shared/reference/ENDPOINTS.md), with every field
// present. The reference schema marks nothing nullable, so a value Stytch would not have is "", [], {} or false, and the
// optional scim_registration is written with empty members.

internal sealed record WireRoleSource(string Type, Dictionary<string, string> Details);

internal sealed record WireMemberRole(string RoleId, WireRoleSource[] Sources);

internal sealed record WireRetiredEmail(string EmailId, string EmailAddress);

internal sealed record WireScimName(
    string Formatted, string FamilyName, string GivenName, string MiddleName, string HonorificPrefix, string HonorificSuffix);

internal sealed record WireScimManager(string Value, string Ref, string DisplayName);

internal sealed record WireScimEnterpriseExtension(
    string EmployeeNumber, string CostCenter, string Division, string Department, string Organization, WireScimManager Manager);

internal sealed record WireScimAttributes(
    string UserName,
    string Id,
    string ExternalId,
    bool Active,
    object[] Groups,
    string DisplayName,
    string NickName,
    string ProfileUrl,
    string UserType,
    string Title,
    string PreferredLanguage,
    string Locale,
    string Timezone,
    object[] Emails,
    object[] PhoneNumbers,
    object[] Addresses,
    object[] Ims,
    object[] Photos,
    object[] Entitlements,
    object[] Roles,
    [property: JsonPropertyName("x509certificates")] object[] X509Certificates,
    WireScimName Name,
    WireScimEnterpriseExtension EnterpriseExtension);

internal sealed record WireScimRegistration(string ConnectionId, string RegistrationId, string ExternalId, WireScimAttributes ScimAttributes)
{
    /// <summary>What a member without a SCIM registration carries.</summary>
    public static readonly WireScimRegistration None = new("", "", "", new WireScimAttributes(
        "", "", "", false, [], "", "", "", "", "", "", "", "", [], [], [], [], [], [], [], [],
        new WireScimName("", "", "", "", "", ""),
        new WireScimEnterpriseExtension("", "", "", "", "", new WireScimManager("", "", ""))));
}

internal sealed record WireMember(
    string OrganizationId,
    string MemberId,
    string EmailAddress,
    string Status,
    string Name,
    object[] SsoRegistrations,
    bool IsBreakglass,
    string MemberPasswordId,
    object[] OauthRegistrations,
    bool EmailAddressVerified,
    bool MfaPhoneNumberVerified,
    bool IsAdmin,
    string TotpRegistrationId,
    WireRetiredEmail[] RetiredEmailAddresses,
    bool IsLocked,
    bool MfaEnrolled,
    string MfaPhoneNumber,
    string DefaultMfaMethod,
    WireMemberRole[] Roles,
    JsonElement TrustedMetadata,
    JsonElement UntrustedMetadata,
    string CreatedAt,
    string UpdatedAt,
    WireScimRegistration ScimRegistration,
    string ExternalId,
    string LockCreatedAt,
    string LockExpiresAt)
{
    public static WireMember From(StytchMember m, StytchOrganization organization)
    {
        var roles = MemberRoles.Of(m, organization);
        return new WireMember(
            m.OrganizationId, m.MemberId, m.EmailAddress, m.Status, m.Name,
            SsoRegistrations: [], m.IsBreakglass, m.MemberPasswordId, OauthRegistrations: [],
            m.EmailAddressVerified, m.MfaPhoneNumberVerified,
            IsAdmin: roles.Any(r => r.RoleId == MemberRoles.Admin),
            m.TotpRegistrationId,
            m.RetiredEmailAddresses.Select(r => new WireRetiredEmail(r.EmailId, r.EmailAddress)).ToArray(),
            IsLocked: false, m.MfaEnrolled, m.MfaPhoneNumber, m.DefaultMfaMethod,
            roles.Select(r => new WireMemberRole(r.RoleId, r.Sources.Select(Source).ToArray())).ToArray(),
            WireJson.Object(m.TrustedMetadata), WireJson.Object(m.UntrustedMetadata),
            WireJson.Time(m.CreatedAt), WireJson.Time(m.UpdatedAt),
            WireScimRegistration.None, m.ExternalId, LockCreatedAt: "", LockExpiresAt: "");
    }

    private static WireRoleSource Source(RoleSource source) => new(
        source.Type,
        source.EmailDomain is null ? [] : new Dictionary<string, string>(StringComparer.Ordinal) { ["email_domain"] = source.EmailDomain });
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WireMember))]
internal sealed partial class MemberWireJson : JsonSerializerContext;

/// <summary>Writes members, for every product whose responses carry one.</summary>
internal static class MemberWire
{
    /// <summary>The member, whose roles follow from its <paramref name="organization"/>, as the property <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter w, string name, StytchMember member, StytchOrganization organization)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, WireMember.From(member, organization), MemberWireJson.Default.WireMember);
    }
}
