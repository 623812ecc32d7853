using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B.Organizations;

/// <summary>The rules an organization's settings obey, its slug generation, and the email JIT provisioning check.</summary>
internal static partial class OrganizationRules
{
    private static readonly string[] SsoJitValues = ["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] EmailJitValues = ["RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] InviteValues = ["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] AuthMethodsValues = ["ALL_ALLOWED", "RESTRICTED"];
    private static readonly string[] MfaPolicyValues = ["OPTIONAL", "REQUIRED_FOR_ALL"];
    private static readonly string[] OauthTenantJitValues = ["RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] ConnectedAppValues = ["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] AuthMethodNames =
        ["sso", "magic_link", "email_otp", "password", "google_oauth", "microsoft_oauth", "slack_oauth", "github_oauth", "hubspot_oauth"];

    /// <summary>The MFA methods an organization may allow and a member may default to.</summary>
    public static readonly string[] MfaMethodNames = ["sms_otp", "totp"];

    // Stytch refuses common email providers as allowed domains; this is the well-known part of its list.
    private static readonly HashSet<string> CommonDomains = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "protonmail.com", "proton.me", "gmx.com", "gmx.net",
        "mail.com", "yandex.com", "zoho.com", "qq.com", "163.com",
    };

    // Patterns end in \z, not $, which would also match before a final "\n".
    [GeneratedRegex(@"^[A-Za-z0-9._~-]{2,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._|-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();

    /// <summary>True for an external id (an organization's or a member's): 1..128 letters, digits, <c>.</c>, <c>_</c>, <c>|</c>, <c>-</c>.</summary>
    public static bool IsExternalId(string value) => ExternalIdPattern().IsMatch(value);

    /// <summary>The domain of an (already valid) email address.</summary>
    public static string DomainOf(string email) => email[(email.LastIndexOf('@') + 1)..];

    /// <summary>True for a common email provider's domain (gmail.com, …), which no organization may allow or claim.</summary>
    public static bool IsCommonDomain(string domain) => CommonDomains.Contains(domain);

    /// <summary>An organization reference (id, slug or external id) must be given.</summary>
    public static void CheckReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            throw new StytchException(StytchError.InvalidOrganizationId);
        }
    }

    /// <summary>The organization a create starts from, before its fields are applied.</summary>
    public static StytchOrganization Draft(OrganizationFields fields, DateTimeOffset now)
    {
        var anyAuthSetting = fields.SsoJitProvisioning is not null || fields.EmailJitProvisioning is not null
            || fields.EmailInvites is not null || fields.EmailAllowedDomains is not null || fields.AuthMethods is not null
            || fields.AllowedAuthMethods is not null || fields.OauthTenantJitProvisioning is not null
            || fields.AllowedOauthTenants is not null || fields.SsoJitProvisioningAllowedConnections is not null;
        return Apply(new StytchOrganization
        {
            OrganizationId = "",
            OrganizationName = "",
            OrganizationSlug = "",
            // Stytch: ALL_ALLOWED when no auth setting is sent, so the organization has a way to add members.
            EmailInvites = anyAuthSetting ? "NOT_ALLOWED" : "ALL_ALLOWED",
            CreatedAt = now,
            UpdatedAt = now,
        }, fields);
    }

    /// <summary><paramref name="o"/> with the given fields of <paramref name="f"/> (domains lower-cased, lists without repeats).</summary>
    public static StytchOrganization Apply(StytchOrganization o, OrganizationFields f) => o with
    {
        OrganizationName = f.OrganizationName ?? o.OrganizationName,
        OrganizationSlug = f.OrganizationSlug ?? o.OrganizationSlug,
        OrganizationLogoUrl = f.OrganizationLogoUrl ?? o.OrganizationLogoUrl,
        OrganizationExternalId = f.OrganizationExternalId ?? o.OrganizationExternalId,
        TrustedMetadata = f.TrustedMetadata ?? o.TrustedMetadata,
        SsoJitProvisioning = f.SsoJitProvisioning ?? o.SsoJitProvisioning,
        SsoJitProvisioningAllowedConnections = f.SsoJitProvisioningAllowedConnections?.ToArray() ?? o.SsoJitProvisioningAllowedConnections,
        SsoDefaultConnectionId = f.SsoDefaultConnectionId ?? o.SsoDefaultConnectionId,
        EmailAllowedDomains = f.EmailAllowedDomains?.Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray() ?? o.EmailAllowedDomains,
        EmailJitProvisioning = f.EmailJitProvisioning ?? o.EmailJitProvisioning,
        EmailInvites = f.EmailInvites ?? o.EmailInvites,
        AuthMethods = f.AuthMethods ?? o.AuthMethods,
        AllowedAuthMethods = f.AllowedAuthMethods?.Distinct(StringComparer.Ordinal).ToArray() ?? o.AllowedAuthMethods,
        MfaPolicy = f.MfaPolicy ?? o.MfaPolicy,
        MfaMethods = f.MfaMethods ?? o.MfaMethods,
        AllowedMfaMethods = f.AllowedMfaMethods?.Distinct(StringComparer.Ordinal).ToArray() ?? o.AllowedMfaMethods,
        RbacEmailImplicitRoleAssignments = f.RbacEmailImplicitRoleAssignments?
            .Select(a => a with { Domain = a.Domain.ToLowerInvariant() }).Distinct().ToArray() ?? o.RbacEmailImplicitRoleAssignments,
        OauthTenantJitProvisioning = f.OauthTenantJitProvisioning ?? o.OauthTenantJitProvisioning,
        AllowedOauthTenants = f.AllowedOauthTenants ?? o.AllowedOauthTenants,
        ClaimedEmailDomains = f.ClaimedEmailDomains?.Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray() ?? o.ClaimedEmailDomains,
        FirstPartyConnectedAppsAllowedType = f.FirstPartyConnectedAppsAllowedType ?? o.FirstPartyConnectedAppsAllowedType,
        AllowedFirstPartyConnectedApps = f.AllowedFirstPartyConnectedApps?.ToArray() ?? o.AllowedFirstPartyConnectedApps,
        ThirdPartyConnectedAppsAllowedType = f.ThirdPartyConnectedAppsAllowedType ?? o.ThirdPartyConnectedAppsAllowedType,
        AllowedThirdPartyConnectedApps = f.AllowedThirdPartyConnectedApps?.ToArray() ?? o.AllowedThirdPartyConnectedApps,
    };

    /// <summary>Every rule an organization must satisfy among the others; <paramref name="previous"/> is null on create.</summary>
    public static void Check(StytchOrganization o, StytchOrganization? previous, OrganizationTable organizations)
    {
        if (o.OrganizationName.Length is 0 or > 128)
        {
            throw new StytchException(StytchError.InvalidOrganizationName);
        }

        if (!SlugPattern().IsMatch(o.OrganizationSlug) || !o.OrganizationSlug.Any(char.IsAsciiLetterOrDigit))
        {
            throw new StytchException(StytchError.InvalidOrganizationSlug);
        }

        if (o.OrganizationExternalId.Length > 0 && !IsExternalId(o.OrganizationExternalId))
        {
            throw new StytchException(StytchError.InvalidOrganizationExternalId);
        }

        CheckSettings(o);
        if (organizations.WithSlug(o.OrganizationSlug) is { } slugOwner && slugOwner.OrganizationId != previous?.OrganizationId)
        {
            throw new StytchException(StytchError.OrganizationSlugAlreadyUsed);
        }

        if (o.OrganizationExternalId.Length > 0 && organizations.WithExternalId(o.OrganizationExternalId) is { } externalOwner
            && externalOwner.OrganizationId != previous?.OrganizationId)
        {
            throw new StytchException(StytchError.OrganizationExternalIdAlreadyUsed);
        }
    }

    /// <summary>
    /// The email JIT provisioning rules a new member's address must pass: the organization allows it, the domain is
    /// one of its allowed domains, and no other organization claims that domain.
    /// </summary>
    public static void CheckJit(StytchOrganization organization, string email, OrganizationTable organizations)
    {
        if (JitRefusal(organization, email, organizations) is { } refusal)
        {
            throw new StytchException(refusal);
        }
    }

    /// <summary>The error <see cref="CheckJit"/> would throw for <paramref name="email"/>, or null when the rules admit it.</summary>
    public static StytchError? JitRefusal(StytchOrganization organization, string email, OrganizationTable organizations)
    {
        if (organization.EmailJitProvisioning != "RESTRICTED")
        {
            return StytchError.EmailJitProvisioningNotAllowed;
        }

        var domain = DomainOf(email);
        if (!organization.EmailAllowedDomains.Contains(domain, StringComparer.Ordinal))
        {
            return StytchError.InvalidEmailForJitProvisioning;
        }

        return !organization.ClaimedEmailDomains.Contains(domain, StringComparer.Ordinal)
            && organizations.All.Any(o => o.OrganizationId != organization.OrganizationId && o.ClaimedEmailDomains.Contains(domain, StringComparer.Ordinal))
            ? StytchError.ActionNotAllowedEmailDomainIsClaimed
            : null;
    }

    /// <summary>A slug made from <paramref name="name"/> that no organization has yet (create without a slug).</summary>
    public static string SlugFor(string name, OrganizationTable organizations)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' ? c : '-');
        }

        var baseSlug = builder.ToString().Trim('-');
        if (baseSlug.Length > 120)
        {
            baseSlug = baseSlug[..120];
        }

        if (!baseSlug.Any(char.IsAsciiLetterOrDigit))
        {
            baseSlug = "organization";
        }
        else if (baseSlug.Length < 2)
        {
            baseSlug += "-org";
        }

        return FreeSlug(baseSlug, organizations);
    }

    /// <summary><paramref name="baseSlug"/>, or the first of <c>-2</c>, <c>-3</c>… after it that no organization has.</summary>
    public static string FreeSlug(string baseSlug, OrganizationTable organizations)
    {
        var slug = baseSlug;
        for (var i = 2; organizations.WithSlug(slug) is not null; i++)
        {
            slug = baseSlug + "-" + i.ToString(CultureInfo.InvariantCulture);
        }

        return slug;
    }

    private static void CheckSettings(StytchOrganization o)
    {
        CheckEnum(o.SsoJitProvisioning, SsoJitValues);
        CheckEnum(o.EmailJitProvisioning, EmailJitValues);
        CheckEnum(o.EmailInvites, InviteValues);
        CheckEnum(o.AuthMethods, AuthMethodsValues);
        CheckEnum(o.MfaPolicy, MfaPolicyValues);
        CheckEnum(o.MfaMethods, AuthMethodsValues);
        CheckEnum(o.OauthTenantJitProvisioning, OauthTenantJitValues);
        CheckEnum(o.FirstPartyConnectedAppsAllowedType, ConnectedAppValues);
        CheckEnum(o.ThirdPartyConnectedAppsAllowedType, ConnectedAppValues);
        if (o.AllowedAuthMethods.Any(m => Array.IndexOf(AuthMethodNames, m) < 0))
        {
            throw new StytchException(StytchError.InvalidOrganizationAllowedAuthMethods);
        }

        if (o.AllowedMfaMethods.Any(m => Array.IndexOf(MfaMethodNames, m) < 0))
        {
            throw new StytchException(StytchError.InvalidOrganizationAllowedMfaMethods);
        }

        if (o.AuthMethods == "RESTRICTED" && o.AllowedAuthMethods.Count == 0)
        {
            throw new StytchException(StytchError.AllowedAuthMethodsRequiredForRestricted);
        }

        if (o.MfaMethods == "RESTRICTED" && o.AllowedMfaMethods.Count == 0)
        {
            throw new StytchException(StytchError.AllowedMfaMethodsRequiredForRestricted);
        }

        var domains = o.EmailAllowedDomains.Concat(o.ClaimedEmailDomains).Concat(o.RbacEmailImplicitRoleAssignments.Select(a => a.Domain));
        if (domains.Any(d => d.Length > 253 || !DomainPattern().IsMatch(d)) || o.RbacEmailImplicitRoleAssignments.Any(a => a.RoleId.Length == 0))
        {
            throw new StytchException(StytchError.OrganizationSettingsInvalidDomain);
        }

        if (o.EmailAllowedDomains.Any(CommonDomains.Contains) || o.ClaimedEmailDomains.Any(CommonDomains.Contains))
        {
            throw new StytchException(StytchError.OrganizationSettingsDomainTooCommon);
        }
    }

    private static void CheckEnum(string value, string[] allowed)
    {
        if (Array.IndexOf(allowed, value) < 0)
        {
            throw new StytchException(StytchError.InvalidRequestValue);
        }
    }
}
