using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.B2B.Members.Wire;

// The member request bodies (see RequestBinder): each member in the order its errors are met.

/// <summary>The member settings that create and update both take.</summary>
internal interface IMemberBody
{
    string? EmailAddress { get; }
    string? Name { get; }
    JsonElement? TrustedMetadata { get; }
    JsonElement? UntrustedMetadata { get; }
    bool? IsBreakglass { get; }
    string? MfaPhoneNumber { get; }
    bool? MfaEnrolled { get; }
    string[]? Roles { get; }
    string? ExternalId { get; }
}

/// <summary><c>POST /v1/b2b/organizations/{organization_id}/members</c>.</summary>
internal sealed record MemberCreateRequest(
    bool? CreateMemberAsPending,
    string? EmailAddress,
    string? Name,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    bool? IsBreakglass,
    string? MfaPhoneNumber,
    bool? MfaEnrolled,
    string[]? Roles,
    string? ExternalId) : IMemberBody;

/// <summary>
/// <c>PUT /v1/b2b/organizations/{organization_id}/members/{member_id}</c>; <c>preserve_existing_sessions</c> is
/// type-checked only.
/// </summary>
internal sealed record MemberUpdateRequest(
    bool? PreserveExistingSessions,
    string? EmailAddress,
    string? Name,
    [property: BodyRule<AnyObject>] JsonElement? TrustedMetadata,
    [property: BodyRule<AnyObject>] JsonElement? UntrustedMetadata,
    bool? IsBreakglass,
    string? MfaPhoneNumber,
    bool? MfaEnrolled,
    string[]? Roles,
    string? ExternalId,
    string? DefaultMfaMethod,
    bool? UnlinkEmail) : IMemberBody;

/// <summary><c>POST /v1/b2b/organizations/members/search</c>.</summary>
internal sealed record MemberSearchRequest(
    string[]? OrganizationIds,
    string? Cursor,
    int? Limit,
    [property: BodyRule<SearchJson.QueryRule>] JsonElement? Query) : ISearchBody;

/// <summary>The member request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(MemberCreateRequest))]
[JsonSerializable(typeof(MemberUpdateRequest))]
[JsonSerializable(typeof(MemberSearchRequest))]
internal sealed partial class MemberRequestJson : JsonSerializerContext;
