using Stytch.Fake.Core;
using Stytch.Fake.Core.Passwords.Migration;
using Stytch.Fake.Products.B2B.Discovery;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Products.B2B.Passwords;

/// <summary>
/// B2B passwords (<c>/v1/b2b/passwords/*</c>) over the project's password core: a member's password is kept, hashed,
/// under its member id, so each organization's member has their own. Authenticate verifies under the user locks and
/// answers a member session with a <c>password</c> factor; the resets set a new password after the project's strength
/// check; migrate stores another system's hash, verified on the first login and then rehashed. Every login ends in the
/// <see cref="LoginGate"/>, so an organization that wants MFA (or another primary factor) answers an intermediate session.
/// Every operation validates first and changes state only when it succeeds (a wrong password's one change is its count
/// towards a lock).
/// </summary>
internal sealed partial class B2BPasswordService
{
    public const int DefaultSessionMinutes = 60;

    private readonly ProjectStore _store;
    private readonly OrganizationService _organizations;
    private readonly MemberService _members;
    private readonly MemberSessionService _sessions;
    private readonly LoginGate _gate;
    private readonly DiscoveryService _discovery;

    public B2BPasswordService(ProjectStore store, OrganizationService organizations, MemberService members, MemberSessionService sessions, LoginGate gate, DiscoveryService discovery)
    {
        _discovery = discovery;
        _store = store;
        _organizations = organizations;
        _members = members;
        _sessions = sessions;
        _gate = gate;
        members.Deleting.Add(member =>
        {
            _store.ForgetPassword(member.MemberId);
            _store.ForgetResets(ResetPurpose, member.MemberId);
        });
        organizations.Deleting.Add(organization => RemoveResets(m => m.OrganizationId == organization.OrganizationId));
        // A reset link was sent to the old address: it no longer resets anything once the address is replaced.
        members.EmailReplacing.Add(member => _store.ForgetResets(ResetPurpose, member.MemberId));
    }

    /// <summary><c>POST /v1/b2b/passwords/strength_check</c>: the breached list applies when an email is given, as for consumers.</summary>
    public PasswordStrengthReport StrengthCheck(string? password, string? emailAddress)
    {
        var checkedPassword = RequirePassword(password, "password");
        var email = emailAddress is null ? null : Validate.Email(emailAddress);
        return _store.Transact(() => _store.CheckPasswordStrength(checkedPassword, email, checkBreach: email is not null));
    }

    /// <summary>
    /// <c>POST /v1/b2b/passwords/authenticate</c>: the password is a primary factor added to the intermediate session, if
    /// one was sent; the gate's verdict (organization, member, allowed methods) comes before the password is verified, so
    /// a refused login counts no failure and rehashes nothing.
    /// </summary>
    public B2BLogin Authenticate(B2BPasswordAuthenticateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        var email = Validate.Email(command.EmailAddress);
        var password = RequirePassword(command.Password, "password");
        CheckSession(command.Session);
        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(command.OrganizationId);
            var now = _store.Clock.Now;
            var intermediate = _gate.FindIntermediate(command.Session.IntermediateSessionToken, now);
            var found = _sessions.FindToExtend(command.Session.SessionToken, command.Session.SessionId, now);
            var member = _members.WithEmail(organization, email) ?? throw new StytchException(StytchError.UnauthorizedCredentials);
            var attempt = AttemptOf(member, organization, found, intermediate, command.Session, now);
            _gate.Check(attempt);
            member = VerifiedMember(organization, email, password);
            return _gate.Pass(attempt with { Member = member }, now);
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/passwords/existing_password/reset</c>: the existing password is verified like a login (and counts
    /// towards a lock when wrong), the new one must pass the strength check; every session of the member is revoked and a
    /// new one starts, or, when the organization wants MFA, an intermediate session (a valid session of the member skips
    /// MFA, as the spec says; it is kept and extended).
    /// </summary>
    public B2BLogin ResetExisting(B2BExistingPasswordResetCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        var email = Validate.Email(command.EmailAddress);
        var existing = RequirePassword(command.ExistingPassword, "existing_password");
        var replacement = RequirePassword(command.NewPassword, "new_password");
        CheckSession(command.Session);
        if (string.Equals(existing, replacement, StringComparison.Ordinal))
        {
            throw new StytchException(StytchError.CannotResetPasswordWithExistingPassword);
        }

        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(command.OrganizationId);
            var now = _store.Clock.Now;
            var found = _sessions.FindToExtend(command.Session.SessionToken, command.Session.SessionId, now);
            _store.CheckPasswordStrength(replacement, email, checkBreach: true).ThrowIfWeak();
            var member = _members.WithEmail(organization, email) ?? throw new StytchException(StytchError.UnauthorizedCredentials);
            var attempt = AttemptOf(member, organization, found, intermediate: null, command.Session, now);
            _gate.Check(attempt);
            // A password that must be reset (marked, or found breached) may be replaced by proving it (inferred).
            member = VerifiedMember(organization, email, existing, allowMustReset: true);
            member = SetPassword(member, replacement, now);
            return Finish(attempt with { Member = member }, now, revokeOthers: true);
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/passwords/session/reset</c>: the member session (token or JWT) proves the member, if one of its
    /// factors was authenticated in the last 5 minutes; every other session of the member is revoked.
    /// </summary>
    public B2BLogin ResetBySession(B2BSessionPasswordResetCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        var password = RequirePassword(command.Password, "password");
        CheckSession(command.Session);
        if (string.IsNullOrEmpty(command.Session.SessionToken) && string.IsNullOrEmpty(command.Session.SessionId))
        {
            throw new StytchException(StytchError.NoSessionArguments);
        }

        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(command.OrganizationId);
            var now = _store.Clock.Now;
            var session = _store.MemberSessions.Find(command.Session.SessionToken, command.Session.SessionId, now);
            if (session.OrganizationId != organization.OrganizationId)
            {
                // Inferred: a session of another organization is not one of this organization's.
                throw new StytchException(StytchError.SessionNotFound);
            }

            // The spec: "The endpoint will error if the session does not contain an authentication factor that has been issued within the last 5 minutes."
            PasswordResets.CheckRecentFactor(session.AuthenticationFactors, now);

            var member = _members.ById(session.MemberId);
            _store.CheckPasswordStrength(password, member.EmailAddress, checkBreach: true).ThrowIfWeak();
            member = SetPassword(member, password, now);
            RevokeOtherSessions(member.MemberId, session.MemberSessionId, now);
            var claims = CustomClaims.Merge(session.CustomClaims, command.Session.CustomClaims);
            var renewed = _store.MemberSessions.Renew(session, now, command.Session.SessionDurationMinutes, claims);
            // The member session itself is the proof, so the login gate has nothing to ask: it passes any session it extends.
            return new B2BLogin(member, organization, renewed, "", null, null);
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/passwords/migrate</c>: stores the hash for the organization's member with that address, made
    /// active and verified (the spec: "This endpoint marks the Member's email address as verified"), created when new. A
    /// member who already has a password is refused (the spec: for an email "that doesn't have a password yet").
    /// </summary>
    public B2BPasswordMember Migrate(B2BPasswordMigrateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        var email = Validate.Email(command.EmailAddress);
        var hash = LegacyHashes.Check(command.Hash);
        MemberRules.Check(command.Fields);
        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(command.OrganizationId);
            var now = _store.Clock.Now;
            var existing = _members.WithEmail(organization, email);
            if (existing is not null && _store.FindPassword(existing.MemberId) is not null)
            {
                throw new StytchException(StytchError.PasswordAlreadyExists);
            }

            // The spec: the external id is set on a new member only ("if a member already exists, this field will be ignored").
            var fields = command.Fields with { EmailAddress = null, ExternalId = existing is null ? command.Fields.ExternalId : null };
            if (existing is null)
            {
                MemberRules.CheckExternalIdFree(_members.Table, organization.OrganizationId, fields.ExternalId, current: null);
            }

            var member = existing ?? _members.Add(organization, email, MemberStatus.Active, now);
            var updated = MemberRules.Apply(member, fields) with { UpdatedAt = now };
            _members.Table.Replace(member, updated);
            member = _members.Verify(updated, now);
            var stored = _store.PutPassword(member.MemberId, LegacyHashText.Write(hash));
            return new B2BPasswordMember(WithPasswordId(member, stored.PasswordId), organization, existing is null);
        });
    }

    /// <summary>The organization's member with <paramref name="email"/> whose password is <paramref name="password"/>; under the store's lock.</summary>
    /// <exception cref="StytchException">
    /// <c>unauthorized_credentials</c> for an unknown address, a member without a password or a wrong password (one
    /// answer for the three, inferred: Stytch's SDK examples show a wrong password as "Unauthorized credentials");
    /// <c>member_reset_password</c> when it is right but must be reset; <c>user_lock_limit_reached</c> while locked.
    /// </exception>
    private StytchMember VerifiedMember(StytchOrganization organization, string email, string password, bool allowMustReset = false)
    {
        var member = _members.WithEmail(organization, email) ?? throw new StytchException(StytchError.UnauthorizedCredentials);
        return _store.VerifyPassword(member.MemberId, password) switch
        {
            PasswordVerdict.Match => member,
            PasswordVerdict.MustReset when allowMustReset => member,
            PasswordVerdict.MustReset => throw new StytchException(StytchError.MemberResetPassword),
            _ => throw new StytchException(StytchError.UnauthorizedCredentials),
        };
    }

    /// <summary>Sets a checked password and records its id on the member; under the store's lock.</summary>
    private StytchMember SetPassword(StytchMember member, string password, DateTimeOffset now)
    {
        var stored = _store.SetPassword(member.MemberId, password, member.EmailAddress);
        return WithPasswordId(member, stored.PasswordId, now);
    }

    private StytchMember WithPasswordId(StytchMember member, string passwordId, DateTimeOffset? now = null)
    {
        if (member.MemberPasswordId == passwordId)
        {
            return member;
        }

        var updated = member with { MemberPasswordId = passwordId, UpdatedAt = now ?? member.UpdatedAt };
        _members.Table.Replace(member, updated);
        return updated;
    }

    /// <summary>
    /// What a password login shows the gate: a <c>password</c> factor for the member's address, the intermediate session
    /// sent, and the found member session to extend when it is the member's (the spec: another member's is ignored).
    /// </summary>
    private static LoginAttempt AttemptOf(StytchMember member, StytchOrganization organization, MemberSession? found, IntermediateSession? intermediate, B2BPasswordSessionOptions options, DateTimeOffset now)
    {
        var existing = found?.MemberId == member.MemberId ? found : null;
        return new LoginAttempt
        {
            Organization = organization,
            Member = member,
            Factor = AuthenticationFactor.Of(FactorKind.Password, new FactorEmail(member.EmailId, member.EmailAddress), null, "", now, now),
            Intermediate = intermediate,
            Existing = existing,
            SessionDurationMinutes = options.SessionDurationMinutes,
            DefaultSessionMinutes = DefaultSessionMinutes,
            Claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, options.CustomClaims),
            Locale = Validate.Locale(options.Locale),
        };
    }

    /// <summary>
    /// Ends a reset in the gate; the member's other sessions are revoked first (the spec: a reset "will revoke all active
    /// sessions for the member_id"), the one being extended excepted.
    /// </summary>
    private B2BLogin Finish(LoginAttempt attempt, DateTimeOffset now, bool revokeOthers)
    {
        if (revokeOthers)
        {
            RevokeOtherSessions(attempt.Member.MemberId, attempt.Existing?.MemberSessionId, now);
        }

        return _gate.Pass(attempt, now);
    }

    private void RevokeOtherSessions(string memberId, string? keepSessionId, DateTimeOffset now)
    {
        foreach (var session in _store.MemberSessions.Live(now, memberId))
        {
            if (session.MemberSessionId != keepSessionId)
            {
                _store.MemberSessions.Remove(session);
            }
        }
    }

    private static void CheckSession(B2BPasswordSessionOptions session)
    {
        Validate.SessionMinutes(session.SessionDurationMinutes);
        Validate.Locale(session.Locale);
        CustomClaims.CheckKeys(session.CustomClaims);
    }

    /// <summary>A password field, which must be present and not empty (inferred: Stytch documents no type for a missing one).</summary>
    private static string RequirePassword(string? password, string field) =>
        string.IsNullOrEmpty(password) ? throw Validate.BadRequest($"{field} is required.") : password;
}
