using System.Text.RegularExpressions;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake.Products.B2B.Members;

/// <summary>A member's <c>status</c>.</summary>
internal static class MemberStatus
{
    public const string Pending = "pending";
    public const string Invited = "invited";
    public const string Active = "active";
    public const string Deleted = "deleted";

    /// <summary>Every status, in the order Stytch's docs list them.</summary>
    public static readonly string[] All = [Pending, Invited, Active, Deleted];
}

/// <summary>The rules a member's fields obey, and how the given fields apply to a member.</summary>
internal static partial class MemberRules
{
    /// <summary>The checks of the fields themselves, before any state is read.</summary>
    public static void Check(MemberFields fields)
    {
        if (fields.MfaPhoneNumber is { Length: > 0 } phone && !E164.IsValid(phone))
        {
            throw new StytchException(StytchError.InvalidPhoneNumber);
        }

        if (fields.ExternalId is { Length: > 0 } externalId && !OrganizationRules.IsExternalId(externalId))
        {
            throw Validate.BadRequest($"external_id must be 1 to 128 letters, digits, '.', '_', '|' or '-', not '{Validate.Clip(externalId)}'.");
        }

        if (fields.Roles?.Any(string.IsNullOrWhiteSpace) == true)
        {
            throw Validate.BadRequest("roles must be role ids: an empty or blank one is not.");
        }
    }

    /// <summary><paramref name="m"/> with the given fields of <paramref name="f"/>, but its email address.</summary>
    public static StytchMember Apply(StytchMember m, MemberFields f) => m with
    {
        Name = f.Name ?? m.Name,
        TrustedMetadata = f.TrustedMetadata ?? m.TrustedMetadata,
        UntrustedMetadata = f.UntrustedMetadata ?? m.UntrustedMetadata,
        IsBreakglass = f.IsBreakglass ?? m.IsBreakglass,
        MfaPhoneNumber = f.MfaPhoneNumber ?? m.MfaPhoneNumber,
        MfaPhoneNumberVerified = m.MfaPhoneNumberVerified && (f.MfaPhoneNumber is null || f.MfaPhoneNumber == m.MfaPhoneNumber),
        MfaEnrolled = f.MfaEnrolled ?? m.MfaEnrolled,
        Roles = f.Roles?.Distinct(StringComparer.Ordinal).ToArray() ?? m.Roles,
        ExternalId = f.ExternalId ?? m.ExternalId,
        DefaultMfaMethod = f.DefaultMfaMethod ?? m.DefaultMfaMethod,
    };

    /// <summary>Refuses an external id another member of the organization has; under the store's lock.</summary>
    public static void CheckExternalIdFree(MemberTable members, string organizationId, string? externalId, StytchMember? current)
    {
        if (!string.IsNullOrEmpty(externalId) && externalId != current?.ExternalId && members.WithExternalId(organizationId, externalId) is not null)
        {
            throw new StytchException(StytchError.DuplicateMemberExternalId);
        }
    }
}
