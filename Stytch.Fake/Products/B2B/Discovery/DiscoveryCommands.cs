using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Products.B2B.Discovery;

/// <summary>What <c>b2b/otps/email/discovery/send</c> is asked to do.</summary>
internal sealed record DiscoveryOtpSendCommand
{
    /// <summary>The address to start discovery for.</summary>
    public required string? EmailAddress { get; init; }
    /// <summary>The login template to record on the message.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>Minutes the code lives, 2..15; default 10.</summary>
    public int? DiscoveryExpirationMinutes { get; init; }
}

/// <summary>What <c>b2b/magic_links/email/discovery/send</c> is asked to do.</summary>
internal sealed record DiscoveryLinkSendCommand
{
    /// <summary>The address to start discovery for.</summary>
    public required string? EmailAddress { get; init; }
    /// <summary>Where the link lands; the project's default discovery URL when null.</summary>
    public string? DiscoveryRedirectUrl { get; init; }
    /// <summary>The PKCE challenge authenticate must answer with its verifier; null for none.</summary>
    public string? PkceCodeChallenge { get; init; }
    /// <summary>The login template to record on the message.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary><c>en</c>, <c>es</c>, <c>fr</c> or <c>pt-br</c>; default <c>en</c>.</summary>
    public string? Locale { get; init; }
    /// <summary>Minutes the link lives, 5..10080; default 60.</summary>
    public int? DiscoveryExpirationMinutes { get; init; }
}

/// <summary>
/// What a discovery magic-link token stands for, kept as its one-time secret's payload: the address it was sent to and
/// the PKCE challenge it was sent with.
/// </summary>
/// <param name="EmailAddress">The address, lower case.</param>
/// <param name="PkceCodeChallenge">The challenge authenticate must answer, or null for none.</param>
internal sealed record DiscoveryLinkPayload(string EmailAddress, string? PkceCodeChallenge);

/// <summary>
/// One organization an email can reach, as <c>discovered_organizations</c> lists it: how (the <c>membership.type</c>),
/// with which member if one exists, and whether the factors shown so far are enough to log in.
/// </summary>
/// <param name="Organization">The organization.</param>
/// <param name="MembershipType">One of <see cref="MembershipTypes"/>.</param>
/// <param name="Member">The existing member, or null for an organization the email may join by its domain.</param>
/// <param name="Domain">The email domain that makes it joinable, for <see cref="MembershipTypes.EligibleByEmailDomain"/>; else null.</param>
/// <param name="MfaRequired">The MFA step an exchange into it would still ask for, or null.</param>
/// <param name="PrimaryRequired">The primary factor an exchange into it would still ask for, or null.</param>
internal sealed record DiscoveredOrganization(
    StytchOrganization Organization,
    string MembershipType,
    StytchMember? Member,
    string? Domain,
    MfaRequired? MfaRequired,
    PrimaryRequired? PrimaryRequired)
{
    /// <summary>True when an exchange into it would answer a member session.</summary>
    public bool MemberAuthenticated => MfaRequired is null && PrimaryRequired is null;
}

/// <summary>The <c>membership.type</c> values of a discovered organization, as the spec names them.</summary>
internal static class MembershipTypes
{
    public const string ActiveMember = "active_member";
    public const string PendingMember = "pending_member";
    public const string InvitedMember = "invited_member";
    public const string EligibleByEmailDomain = "eligible_to_join_by_email_domain";

    /// <summary>The membership type of an existing member of <paramref name="status"/> (not deleted).</summary>
    public static string Of(string status) => status switch
    {
        MemberStatus.Active => ActiveMember,
        MemberStatus.Invited => InvitedMember,
        _ => PendingMember,
    };
}

/// <summary>The answer to a discovery authenticate: the new intermediate session and what its email can reach.</summary>
/// <param name="Session">The intermediate session (bound to no organization).</param>
/// <param name="EmailAddress">The verified address.</param>
/// <param name="Organizations">The organizations it can reach, oldest first.</param>
internal sealed record DiscoveryAuthenticated(IntermediateSession Session, string EmailAddress, IReadOnlyList<DiscoveredOrganization> Organizations);

/// <summary>The answer to <c>b2b/discovery/organizations</c>.</summary>
/// <param name="EmailAddress">The address of the intermediate or member session.</param>
/// <param name="Organizations">The organizations it can reach, oldest first.</param>
/// <param name="OrganizationIdHint">The organization an intermediate session is bound to; null for a discovery one or a member session.</param>
internal sealed record DiscoveryList(string EmailAddress, IReadOnlyList<DiscoveredOrganization> Organizations, string? OrganizationIdHint);

/// <summary>What <c>b2b/discovery/intermediate_sessions/exchange</c> is asked to do.</summary>
internal sealed record DiscoveryExchangeCommand
{
    /// <summary>The intermediate session to exchange.</summary>
    public required string? IntermediateSessionToken { get; init; }
    /// <summary>The organization id, slug or external id to log in to.</summary>
    public required string? OrganizationId { get; init; }
    /// <summary>Session lifetime, 5..527040; default 60.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>Claims of the new member session; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
    /// <summary>The locale of an MFA code sent by SMS.</summary>
    public string? Locale { get; init; }
}

/// <summary>What <c>b2b/discovery/organizations/create</c> is asked to do.</summary>
internal sealed record DiscoveryCreateCommand
{
    /// <summary>The intermediate session of the person who creates the organization.</summary>
    public required string? IntermediateSessionToken { get; init; }
    /// <summary>The new organization's settings; its name and slug default from the session's email address.</summary>
    public OrganizationFields Fields { get; init; } = new();
    /// <summary>Session lifetime, 5..527040; default 60.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>Claims of the new member session; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
}
