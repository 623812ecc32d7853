using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stytch.Fake.Snapshots;

// The snapshot file format, version 5: its own records, so that renaming an engine type or property leaves files as
// they are (SnapshotMapping is the one place that knows both). JSON names are these records' names in snake_case.
//
// Version rules:
// - `version` names the exact set of fields and their meaning. Any change to it (a field added, removed, renamed,
//   retyped or read differently) bumps the version; the golden test (fixtures/snapshots/v5-golden.json) fails until
//   it is bumped or the change is undone.
// - The fake writes only the newest version and reads every version it ever wrote: an older one is rewritten into
//   the newest layout before it is read (SnapshotV1), so the mapping only ever sees the newest records.
// - A version it does not know (a later fake's, or one never written) is refused with 400 bad_request naming it.
// - Fields not in the records are ignored, as in version 1; every field in them must be present.

/// <summary>A whole project at one instant: what <c>GET …/snapshot</c> answers and <c>PUT …/snapshot</c> loads.</summary>
/// <param name="Version">The format version, <see cref="SnapshotJson.Version"/> when written.</param>
/// <param name="ProjectId">The project that wrote it (informative: a snapshot loads into any project).</param>
/// <param name="Clock">The project clock when it was taken; loading sets the clock to it.</param>
/// <param name="Users">Every consumer user, oldest first.</param>
/// <param name="Codes">The newest email OTP code of each consumer email id.</param>
/// <param name="Sessions">Every consumer session, oldest first.</param>
/// <param name="Outbox">Every message sent, consumer and B2B, oldest first.</param>
/// <param name="B2B">The B2B state.</param>
/// <param name="SigningKeys">The JWT signing keys, oldest first: the last one signs.</param>
/// <param name="M2MClients">Every M2M client, oldest first, with the hashes of its secrets (version 3 on).</param>
/// <param name="MagicLinks">Every consumer magic-link token still held, used or not (version 3 on).</param>
/// <param name="Rbac">The project's own RBAC policy, organizations' custom roles and users' roles (version 4 on).</param>
/// <param name="RedirectUrls">The redirect URLs the project allows, per type (version 4 on).</param>
/// <param name="PhoneCodes">The newest SMS or WhatsApp code of each consumer phone id (version 5 on).</param>
/// <param name="Passwords">The password state of both audiences (version 5 on): hashes, locks, resets and the policy.</param>
/// <param name="PublicToken">
/// The project's public token for the frontend SDK. Optional on read, so a version-5 file without it still loads (the
/// project then gets the token derived from its own id) and no version bump was needed.
/// </param>
/// <param name="AllowedOrigins">
/// The browser origins the frontend SDK may call from, besides loopback ones when <paramref name="AllowLoopbackOrigins"/>.
/// Optional on read as the public token is: a file without them leaves the project's origins as they are.
/// </param>
/// <param name="AllowLoopbackOrigins">Whether any loopback origin may call the frontend SDK; optional on read.</param>
internal sealed record SnapshotDocument(
    int Version,
    string ProjectId,
    DateTimeOffset Clock,
    IReadOnlyList<SnapshotUser> Users,
    IReadOnlyList<SnapshotCode> Codes,
    IReadOnlyList<SnapshotSession> Sessions,
    IReadOnlyList<SnapshotMessage> Outbox,
    [property: JsonPropertyName("b2b")] SnapshotB2B B2B,
    IReadOnlyList<SnapshotSigningKey> SigningKeys,
    [property: JsonPropertyName("m2m_clients")] IReadOnlyList<SnapshotM2MClient> M2MClients,
    IReadOnlyList<SnapshotMagicLink> MagicLinks,
    SnapshotRbac Rbac,
    IReadOnlyList<SnapshotRedirectUrl> RedirectUrls,
    IReadOnlyList<SnapshotPhoneCode> PhoneCodes,
    SnapshotPasswords Passwords,
    string? PublicToken = null,
    IReadOnlyList<string>? AllowedOrigins = null,
    bool? AllowLoopbackOrigins = null);

/// <summary>
/// A consumer SMS or WhatsApp code (version 5 on): <paramref name="Channel"/> is <c>sms</c> or <c>whatsapp</c>;
/// <paramref name="DropUnverifiedAt"/> is when a number a send added to a user goes unless verified, else null.
/// </summary>
internal sealed record SnapshotPhoneCode(
    string PhoneId,
    string Code,
    string Channel,
    DateTimeOffset ExpiresAt,
    bool Used,
    SnapshotAttributes Attributes,
    DateTimeOffset? DropUnverifiedAt);

/// <summary>One allowed redirect URL; <paramref name="Type"/> is <c>login</c>, <c>signup</c>, <c>invite</c>, <c>discovery</c> or <c>reset_password</c>.</summary>
internal sealed record SnapshotRedirectUrl(string Url, string Type, bool IsDefault);

internal sealed record SnapshotSigningKey(string Kid, string PrivateKeyPem);

/// <summary>
/// A consumer user (version 5 on: every email and phone number, name, metadata, external id and password id);
/// <paramref name="Status"/> is <c>active</c> or <c>pending</c>, <paramref name="PasswordId"/> empty for none.
/// </summary>
internal sealed record SnapshotUser(
    string UserId,
    IReadOnlyList<SnapshotUserEmail> Emails,
    IReadOnlyList<SnapshotUserPhone> PhoneNumbers,
    SnapshotUserName Name,
    string Status,
    JsonElement TrustedMetadata,
    JsonElement UntrustedMetadata,
    string ExternalId,
    string PasswordId,
    bool PasswordRequiresReset,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One email address of a consumer user.</summary>
internal sealed record SnapshotUserEmail(string EmailId, string Email, bool Verified);

/// <summary>One phone number of a consumer user, E.164.</summary>
internal sealed record SnapshotUserPhone(string PhoneId, string PhoneNumber, bool Verified);

/// <summary>A consumer user's name; absent parts are empty.</summary>
internal sealed record SnapshotUserName(string FirstName, string MiddleName, string LastName);

/// <summary>The <c>attributes</c> a request carried; empty strings when it carried none.</summary>
internal sealed record SnapshotAttributes(string IpAddress, string UserAgent);

/// <summary>A consumer email OTP code, with the attributes of the send that issued it.</summary>
internal sealed record SnapshotCode(string EmailId, string Code, DateTimeOffset ExpiresAt, bool Used, SnapshotAttributes Attributes);

/// <summary>One entry of a session's <c>authentication_factors</c>, for an email or (version 5 on) a phone; the other is empty.</summary>
internal sealed record SnapshotFactor(
    string Type,
    string DeliveryMethod,
    string EmailId,
    string EmailAddress,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastAuthenticatedAt,
    string PhoneId,
    string PhoneNumber);

/// <summary>A consumer session; <paramref name="CustomClaims"/> is a JSON object.</summary>
internal sealed record SnapshotSession(
    string SessionId,
    string UserId,
    string SessionToken,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAccessedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<SnapshotFactor> AuthenticationFactors,
    IReadOnlyList<string> Roles,
    SnapshotAttributes Attributes,
    IReadOnlyDictionary<string, object?> CustomClaims);

/// <summary>
/// One message in the outbox. <paramref name="Kind"/> is <c>login</c> or <c>signup</c>; a consumer message has a
/// <paramref name="UserId"/>, a B2B one an <paramref name="OrganizationId"/> and <paramref name="MemberId"/>.
/// </summary>
internal sealed record SnapshotMessage(
    string MessageId,
    string EmailAddress,
    string Code,
    string MethodId,
    string Kind,
    string? UserId,
    string? OrganizationId,
    string? MemberId,
    string Locale,
    string? LoginTemplateId,
    string? SignupTemplateId,
    DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt,
    string Channel,
    string PhoneNumber,
    string? Token,
    string? Link,
    string? InviteTemplateId);

/// <summary>
/// The B2B state: organizations and members oldest first (deleted members included); version 5 on, the intermediate
/// sessions of logins still missing a step and the members' TOTP registrations with their unused recovery codes.
/// </summary>
internal sealed record SnapshotB2B(
    IReadOnlyList<SnapshotOrganization> Organizations,
    IReadOnlyList<SnapshotMember> Members,
    IReadOnlyList<SnapshotB2BCode> Codes,
    IReadOnlyList<SnapshotMemberSession> MemberSessions,
    IReadOnlyList<SnapshotB2BMagicLink> MagicLinks,
    IReadOnlyList<SnapshotIntermediateSession> IntermediateSessions,
    IReadOnlyList<SnapshotTotpRegistration> TotpRegistrations);

/// <summary>An organization with every field of Stytch's Organization object; metadata and OAuth tenants are JSON objects.</summary>
internal sealed record SnapshotOrganization(
    string OrganizationId,
    string OrganizationName,
    string OrganizationSlug,
    string OrganizationLogoUrl,
    string OrganizationExternalId,
    JsonElement TrustedMetadata,
    string SsoJitProvisioning,
    IReadOnlyList<string> SsoJitProvisioningAllowedConnections,
    string SsoDefaultConnectionId,
    IReadOnlyList<string> EmailAllowedDomains,
    string EmailJitProvisioning,
    string EmailInvites,
    string AuthMethods,
    IReadOnlyList<string> AllowedAuthMethods,
    string MfaPolicy,
    string MfaMethods,
    IReadOnlyList<string> AllowedMfaMethods,
    IReadOnlyList<SnapshotRoleAssignment> RbacEmailImplicitRoleAssignments,
    string OauthTenantJitProvisioning,
    JsonElement AllowedOauthTenants,
    IReadOnlyList<string> ClaimedEmailDomains,
    string FirstPartyConnectedAppsAllowedType,
    IReadOnlyList<string> AllowedFirstPartyConnectedApps,
    string ThirdPartyConnectedAppsAllowedType,
    IReadOnlyList<string> AllowedThirdPartyConnectedApps,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal sealed record SnapshotRoleAssignment(string Domain, string RoleId);

/// <summary>
/// A member of one organization; <paramref name="Status"/> is <c>pending</c>, <c>invited</c>, <c>active</c> or
/// <c>deleted</c>, <paramref name="Roles"/> the explicitly assigned ones; version 5 on, whether its MFA phone is
/// verified and its active TOTP registration id (empty for none).
/// </summary>
internal sealed record SnapshotMember(
    string OrganizationId,
    string MemberId,
    string EmailAddress,
    string EmailId,
    string Status,
    string Name,
    bool IsBreakglass,
    bool EmailAddressVerified,
    string MfaPhoneNumber,
    bool MfaEnrolled,
    string DefaultMfaMethod,
    IReadOnlyList<string> Roles,
    JsonElement TrustedMetadata,
    JsonElement UntrustedMetadata,
    string ExternalId,
    IReadOnlyList<SnapshotRetiredEmail> RetiredEmailAddresses,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool MfaPhoneNumberVerified,
    string TotpRegistrationId);

/// <summary>An address a member had before an update replaced it.</summary>
internal sealed record SnapshotRetiredEmail(string EmailId, string EmailAddress);

/// <summary>The newest B2B email OTP code of one (organization, email address).</summary>
internal sealed record SnapshotB2BCode(string OrganizationId, string EmailAddress, string Code, DateTimeOffset ExpiresAt, bool Used);

/// <summary>A member session; <paramref name="Roles"/> are the member's when it was last authenticated.</summary>
internal sealed record SnapshotMemberSession(
    string MemberSessionId,
    string MemberId,
    string OrganizationId,
    string OrganizationSlug,
    string SessionToken,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAccessedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<SnapshotFactor> AuthenticationFactors,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, object?> CustomClaims);

/// <summary>
/// An M2M client; its secrets only as their hashes (<c>sha256:</c> and base64), never in clear, and
/// <paramref name="NextSecretHash"/> with <paramref name="NextClientSecretLastFour"/> only while a rotation is under way.
/// </summary>
internal sealed record SnapshotM2MClient(
    string ClientId,
    string ClientName,
    string ClientDescription,
    string Status,
    IReadOnlyList<string> Scopes,
    string ClientSecretLastFour,
    string? NextClientSecretLastFour,
    JsonElement TrustedMetadata,
    string SecretHash,
    string? NextSecretHash);

/// <summary>
/// A consumer magic-link token and what it names: <paramref name="Kind"/> is <c>login</c>, <c>signup</c> or <c>invite</c>,
/// <paramref name="CodeChallenge"/> the PKCE challenge it was sent with (or null), <paramref name="Embedded"/> true for
/// an embeddable link.
/// </summary>
internal sealed record SnapshotMagicLink(
    string Token,
    string UserId,
    string EmailId,
    string Kind,
    string? CodeChallenge,
    bool Embedded,
    DateTimeOffset ExpiresAt,
    bool Used,
    SnapshotAttributes Attributes);
/// <summary>The RBAC state: the project's own policy (without Stytch's defaults), organizations' roles, users' roles.</summary>
internal sealed record SnapshotRbac(
    SnapshotPolicy Policy,
    IReadOnlyList<SnapshotOrganizationPolicy> OrganizationPolicies,
    IReadOnlyList<SnapshotUserRoles> UserRoles);

internal sealed record SnapshotPolicy(IReadOnlyList<SnapshotRole> Roles, IReadOnlyList<SnapshotResource> Resources, IReadOnlyList<SnapshotScope> Scopes);

internal sealed record SnapshotPermission(string ResourceId, IReadOnlyList<string> Actions);

internal sealed record SnapshotRole(string RoleId, string Description, IReadOnlyList<SnapshotPermission> Permissions);

internal sealed record SnapshotResource(string ResourceId, string Description, IReadOnlyList<string> Actions);

internal sealed record SnapshotScope(string Scope, string Description, IReadOnlyList<SnapshotPermission> Permissions);

/// <summary>One organization's custom roles.</summary>
internal sealed record SnapshotOrganizationPolicy(string OrganizationId, IReadOnlyList<SnapshotRole> Roles);

/// <summary>One consumer user's explicit roles.</summary>
internal sealed record SnapshotUserRoles(string UserId, IReadOnlyList<string> Roles);

/// <summary>
/// A B2B magic-link token and the member it logs in: <paramref name="Kind"/> is <c>login</c>, <c>signup</c> or
/// <c>invite</c>, <paramref name="PkceCodeChallenge"/> the PKCE challenge it was sent with (or null).
/// </summary>
internal sealed record SnapshotB2BMagicLink(
    string Token,
    string OrganizationId,
    string MemberId,
    string Kind,
    string? PkceCodeChallenge,
    DateTimeOffset ExpiresAt,
    bool Used,
    SnapshotAttributes Attributes);

/// <summary>
/// An intermediate session: the email it proved, the organization and member it is bound to (both null after a
/// discovery login), and its factors so far.
/// </summary>
internal sealed record SnapshotIntermediateSession(
    string Token,
    string EmailAddress,
    string? OrganizationId,
    string? MemberId,
    IReadOnlyList<SnapshotFactor> AuthenticationFactors,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

/// <summary>
/// A member's TOTP registration: its base32 secret, its unused recovery codes, whether a code of it was authenticated
/// (<paramref name="Active"/>), and the time step of the last code used (-1 for none).
/// </summary>
internal sealed record SnapshotTotpRegistration(
    string TotpRegistrationId,
    string OrganizationId,
    string MemberId,
    string Secret,
    IReadOnlyList<string> RecoveryCodes,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    long LastUsedStep);

/// <summary>
/// The password state of users and members, each keyed by its user or member id (version 5 on). No password is ever
/// written: <paramref name="Hashes"/> holds the fake's salted PBKDF2 strings or migrated hashes, and the passwords a
/// test added to the breached list are their SHA-256 digests (<paramref name="AddedBreachedSha256"/>, lowercase hex).
/// </summary>
internal sealed record SnapshotPasswords(
    SnapshotPasswordPolicy Policy,
    [property: JsonPropertyName("added_breached_sha256")] IReadOnlyList<string> AddedBreachedSha256,
    IReadOnlyList<SnapshotPasswordHash> Hashes,
    IReadOnlyList<SnapshotPasswordLock> Locks,
    IReadOnlyList<SnapshotPasswordReset> Resets);

/// <summary>The project's password policy; <paramref name="Strategy"/> is <c>zxcvbn</c> or <c>luds</c>.</summary>
internal sealed record SnapshotPasswordPolicy(
    string Strategy,
    int LudsMinLength,
    int LudsMinComplexity,
    bool BreachDetectionOnCreate,
    bool BreachDetectionOnAuthenticate,
    int LockThreshold,
    long LockDurationSeconds);

/// <summary>A user's or member's stored password hash (never the password).</summary>
internal sealed record SnapshotPasswordHash(string SubjectId, string PasswordId, string Hash, bool RequiresReset);

/// <summary>A run of failed attempts of a user or member, and the lock it started (both times null when not locked).</summary>
internal sealed record SnapshotPasswordLock(string SubjectId, int Failures, DateTimeOffset? LockedAt, DateTimeOffset? LockedUntil);

/// <summary>
/// A password reset token, used or not; <paramref name="Audience"/> is <c>consumer</c>, <c>b2b</c> or <c>b2b_discovery</c>,
/// <paramref name="SubjectId"/> the user or member it resets (a discovery reset: the email address, with an empty
/// <paramref name="EmailId"/>), <paramref name="CodeChallenge"/> its PKCE challenge or null.
/// </summary>
internal sealed record SnapshotPasswordReset(
    string Audience,
    string Token,
    string SubjectId,
    string EmailId,
    string? CodeChallenge,
    DateTimeOffset ExpiresAt,
    bool Used,
    SnapshotAttributes Attributes);
