using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Discovery;
using Stytch.Fake.Products.B2B.EmailOtp;
using Stytch.Fake.Products.B2B.MagicLinks;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.B2B.Passwords;
using Stytch.Fake.Products.B2B.RecoveryCodes;
using Stytch.Fake.Products.B2B.Sessions;
using Stytch.Fake.Products.B2B.SmsOtp;
using Stytch.Fake.Products.B2B.Totps;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.B2B;

/// <summary>
/// The B2B products of one project over its <see cref="ProjectStore"/>: organizations, members, email OTP and member
/// sessions, and the B2B part of a snapshot.
/// </summary>
internal sealed class B2BProducts
{
    private readonly ProjectStore _store;

    /// <param name="store">The project's store.</param>
    /// <param name="rbac">The project's RBAC policies; a store of its own when null (engine tests).</param>
    public B2BProducts(ProjectStore store, RbacService? rbac = null)
    {
        _store = store;
        Rbac = rbac ?? new RbacService(store);
        Organizations = new OrganizationService(store);
        Members = new MemberService(store, Organizations);
        Authorization = new MemberAuthorization(store, Organizations, Members, Rbac);
        OrganizationPolicies = new OrganizationPolicyService(store, Organizations, Rbac);
        Sessions = new MemberSessionService(store, Organizations, Members, Authorization);
        Logins = new LoginGate(store, Organizations, Members, Sessions);
        EmailOtp = new B2BEmailOtpService(store, Organizations, Members, Sessions, Logins);
        MagicLinks = new B2BMagicLinkService(store, Organizations, Members, Sessions, Logins);
        Discovery = new DiscoveryService(store, Organizations, Members, Logins);
        var step = new MfaStep(Organizations, Members, Sessions, Logins);
        SmsOtp = new B2BSmsOtpService(store, step);
        Totps = new B2BTotpService(store, Members, step);
        RecoveryCodes = new B2BRecoveryCodeService(store, step);
        Passwords = new B2BPasswordService(store, Organizations, Members, Sessions, Logins, Discovery);
        SessionExchange = new SessionExchange(store, Organizations, Members, Logins);
        MfaRemovals = new MfaRemovals(store, Organizations, Members);
    }

    public OrganizationService Organizations { get; }

    public MemberService Members { get; }

    public MemberSessionService Sessions { get; }

    public RbacService Rbac { get; }

    /// <summary>Authorization checks and calls made with a member session.</summary>
    public MemberAuthorization Authorization { get; }

    /// <summary>Organizations' custom roles (<c>/v1/b2b/rbac/organizations/{organization_id}</c>).</summary>
    public OrganizationPolicyService OrganizationPolicies { get; }

    /// <summary>The gate every B2B login passes: a member session, or an intermediate session with the step still missing.</summary>
    public LoginGate Logins { get; }

    public B2BEmailOtpService EmailOtp { get; }

    public B2BMagicLinkService MagicLinks { get; }

    /// <summary>Discovery: email OTP and magic links before an organization is named, and the organizations an email can reach.</summary>
    public DiscoveryService Discovery { get; }
    /// <summary>SMS codes as a second factor (<c>/v1/b2b/otps/sms/*</c>).</summary>
    public B2BSmsOtpService SmsOtp { get; }

    /// <summary>Authenticator-app registrations and codes (<c>/v1/b2b/totp*</c>).</summary>
    public B2BTotpService Totps { get; }

    /// <summary>The recovery codes of TOTP registrations (<c>/v1/b2b/recovery_codes/*</c>).</summary>
    public B2BRecoveryCodeService RecoveryCodes { get; }

    /// <summary>B2B passwords (<c>/v1/b2b/passwords/*</c>).</summary>
    public B2BPasswordService Passwords { get; }

    /// <summary>Member sessions moved to another organization of the same email (<c>/v1/b2b/sessions/exchange</c>).</summary>
    public SessionExchange SessionExchange { get; }

    /// <summary>Deleting a member's MFA phone number or TOTP registration.</summary>
    public MfaRemovals MfaRemovals { get; }

    public ProjectStore Store => _store;

    public Outbox Outbox => _store.Outbox;

    /// <summary>Copies the whole B2B state out, in one transaction.</summary>
    public B2BSnapshot Export() => _store.Transact(() => new B2BSnapshot(
        Organizations.Table.All.ToArray(),
        Members.Table.All.ToArray(),
        EmailOtp.Export(),
        _store.MemberSessions.All())
    {
        MagicLinks = MagicLinks.Export(),
        IntermediateSessions = [.. _store.Part<IntermediateSessionTable>().All],
        TotpRegistrations = [.. _store.Part<TotpTable>().All],
    });

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="snapshot"/> is inconsistent; changes nothing.</summary>
    public static void Check(B2BSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var orgs = snapshot.Organizations ?? [];
        var members = snapshot.Members ?? [];
        var sessions = snapshot.Sessions ?? [];
        var links = snapshot.MagicLinks ?? [];
        var orgIds = orgs.Select(o => o.OrganizationId).ToHashSet(StringComparer.Ordinal);
        var live = members.Where(m => m.Status != MemberStatus.Deleted).ToArray();
        var liveIds = live.Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        if (orgIds.Count != orgs.Count
            || orgs.Select(o => o.OrganizationSlug).Distinct(StringComparer.Ordinal).Count() != orgs.Count
            || members.Select(m => m.MemberId).Distinct(StringComparer.Ordinal).Count() != members.Count
            || members.Any(m => !orgIds.Contains(m.OrganizationId) || Array.IndexOf(MemberStatus.All, m.Status) < 0)
            || live.Select(m => MemberTable.Key(m.OrganizationId, m.EmailAddress)).Distinct(StringComparer.Ordinal).Count() != live.Length
            || (snapshot.Otps ?? []).Any(o => !orgIds.Contains(o.OrganizationId))
            || sessions.Any(s => !liveIds.Contains(s.MemberId) || !orgIds.Contains(s.OrganizationId))
            || sessions.Select(s => s.MemberSessionId).Distinct(StringComparer.Ordinal).Count() != sessions.Count
            || sessions.Any(s => !CustomClaims.IsAcceptable(s.CustomClaims))
            || links.Any(l => l.Secret.Payload is not B2BLinkPayload p || !liveIds.Contains(p.MemberId)
                || !live.Any(m => m.MemberId == p.MemberId && m.OrganizationId == p.OrganizationId))
            || links.Select(l => l.Token).Distinct(StringComparer.Ordinal).Count() != links.Count)
        {
            throw new ArgumentException("The B2B snapshot is inconsistent: duplicate ids, slugs or emails, members, codes and sessions of unknown organizations, or custom claims a session cannot hold, or magic links of unknown members or repeated tokens.", nameof(snapshot));
        }

        CheckMfa(snapshot, live);
    }

    /// <summary>Replaces the project's whole state with <paramref name="snapshot"/>, after <see cref="Check"/>, in one transaction.</summary>
    public void Import(B2BSnapshot snapshot)
    {
        Check(snapshot);
        _store.Replace(() => Load(snapshot));
    }

    /// <summary>Adds <paramref name="snapshot"/> to an empty store; the caller has run <see cref="Check"/> and holds the transaction.</summary>
    public void Load(B2BSnapshot snapshot)
    {
        Organizations.Load(snapshot.Organizations ?? []);
        Members.Load(snapshot.Members ?? []);
        EmailOtp.Load(snapshot.Otps ?? []);
        MagicLinks.Load(snapshot.MagicLinks ?? []);
        foreach (var session in snapshot.Sessions ?? [])
        {
            _store.MemberSessions.Load(session);
        }

        foreach (var intermediate in snapshot.IntermediateSessions ?? [])
        {
            _store.Part<IntermediateSessionTable>().Load(intermediate);
        }

        foreach (var registration in snapshot.TotpRegistrations ?? [])
        {
            _store.Part<TotpTable>().Put(registration);
        }
    }

    /// <summary>
    /// Intermediate sessions are bound to a live member of their organization, or to neither (discovery); TOTP
    /// registrations are one per live member, of its organization, with distinct ids.
    /// </summary>
    private static void CheckMfa(B2BSnapshot snapshot, StytchMember[] live)
    {
        var intermediates = snapshot.IntermediateSessions ?? [];
        var totps = snapshot.TotpRegistrations ?? [];
        bool IsLive(string? organizationId, string? memberId) => live.Any(m => m.MemberId == memberId && m.OrganizationId == organizationId);
        if (intermediates.Any(i => (i.OrganizationId is null) != (i.MemberId is null) || (i.MemberId is not null && !IsLive(i.OrganizationId, i.MemberId)))
            || intermediates.Select(i => i.Token).Distinct(StringComparer.Ordinal).Count() != intermediates.Count
            || totps.Any(t => !IsLive(t.OrganizationId, t.MemberId))
            || totps.Select(t => t.MemberId).Distinct(StringComparer.Ordinal).Count() != totps.Count
            || totps.Select(t => t.RegistrationId).Distinct(StringComparer.Ordinal).Count() != totps.Count)
        {
            throw new ArgumentException("The B2B snapshot is inconsistent: intermediate sessions or TOTP registrations of unknown members, repeated tokens, or more than one TOTP registration for a member.", nameof(snapshot));
        }
    }
}

/// <summary>The whole B2B state of a project, to save and load.</summary>
/// <param name="Organizations">Every organization, oldest first.</param>
/// <param name="Members">Every member (deleted ones included), oldest first.</param>
/// <param name="Otps">The live code of each (organization, email).</param>
/// <param name="Sessions">Every member session.</param>
internal sealed record B2BSnapshot(
    IReadOnlyList<StytchOrganization> Organizations,
    IReadOnlyList<StytchMember> Members,
    IReadOnlyList<B2BOtpSnapshot> Otps,
    IReadOnlyList<MemberSession> Sessions)
{
    /// <summary>Every B2B magic-link token still held, used or not, with its <see cref="B2BLinkPayload"/>.</summary>
    public IReadOnlyList<(string Token, OneTimeSecret Secret)> MagicLinks { get; init; } = [];

    /// <summary>Every intermediate session held (a login still missing a step, or a discovery login).</summary>
    public IReadOnlyList<IntermediateSession> IntermediateSessions { get; init; } = [];

    /// <summary>Every member's TOTP registration, with its unused recovery codes.</summary>
    public IReadOnlyList<TotpRegistration> TotpRegistrations { get; init; } = [];
}
