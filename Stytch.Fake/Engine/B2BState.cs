using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Stytch.Fake.Engine;

/// <summary>
/// The B2B state machine of one Stytch project: organizations, their members, the members' one-time passcodes
/// and member sessions. It shares the project's clock, outbox and id factory with <see cref="ProjectState"/>.
/// Every operation validates first and changes state only when it succeeds, under one lock.
/// </summary>
/// <remarks>
/// Deleting a member is a soft delete, as on Stytch (which can reactivate deleted members and whose member
/// search skips them): the member keeps its id with status <c>deleted</c> and is still returned by id, but its
/// email and external id are free again, its codes and sessions are gone, and email lookups, login_or_signup and
/// updates no longer see it. Deleting an organization removes it with all its members, codes and sessions.
/// </remarks>
internal sealed partial class B2BState
{
    public const int DefaultOtpMinutes = 10;
    public const int DefaultSessionMinutes = 60;
    public const string MemberRole = "stytch_member";
    public const string AdminRole = "stytch_admin";

    private static readonly string[] SsoJitValues = ["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] EmailJitValues = ["RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] InviteValues = ["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] AuthMethodsValues = ["ALL_ALLOWED", "RESTRICTED"];
    private static readonly string[] MfaPolicyValues = ["OPTIONAL", "REQUIRED_FOR_ALL"];
    private static readonly string[] OauthTenantJitValues = ["RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] ConnectedAppValues = ["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"];
    private static readonly string[] AuthMethodNames =
        ["sso", "magic_link", "email_otp", "password", "google_oauth", "microsoft_oauth", "slack_oauth", "github_oauth", "hubspot_oauth"];
    private static readonly string[] MfaMethodNames = ["sms_otp", "totp"];
    private static readonly string[] MemberStatuses = ["pending", "invited", "active", "deleted"];

    // Stytch refuses common email providers as allowed domains; this is the well-known part of its list.
    private static readonly HashSet<string> CommonDomains = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "msn.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "protonmail.com", "proton.me", "gmx.com", "gmx.net",
        "mail.com", "yandex.com", "zoho.com", "qq.com", "163.com",
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, StytchOrganization> _orgs = new(StringComparer.Ordinal);
    private readonly List<string> _orgOrder = [];
    private readonly Dictionary<string, string> _orgIdBySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _orgIdByExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StytchMember> _members = new(StringComparer.Ordinal);
    private readonly List<string> _memberOrder = [];
    // Keys are "organization_id\nvalue"; only members that are not deleted are indexed.
    private readonly Dictionary<string, string> _memberIdByEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _memberIdByExternalId = new(StringComparer.Ordinal);
    // Only the newest code per (organization, email) is kept: a new send replaces the old one.
    private readonly Dictionary<string, OtpRecord> _otps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MemberSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sessionIdByToken = new(StringComparer.Ordinal);

    public B2BState(StytchClock clock, Outbox outbox, IdFactory ids)
    {
        Clock = clock;
        Outbox = outbox;
        Ids = ids;
    }

    public StytchClock Clock { get; }
    public Outbox Outbox { get; }
    public IdFactory Ids { get; }

    // Patterns end in \z, not $, which would also match before a final "\n".
    [GeneratedRegex(@"^[A-Za-z0-9._~-]{2,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._|-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}\z", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();

    // ---- organizations ----------------------------------------------------------------------------

    /// <summary><c>POST /v1/b2b/organizations</c>.</summary>
    public StytchOrganization CreateOrganization(OrganizationFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (string.IsNullOrEmpty(fields.OrganizationName))
        {
            throw new StytchException(StytchError.OrganizationNameMissing);
        }

        var anyAuthSetting = fields.SsoJitProvisioning is not null || fields.EmailJitProvisioning is not null
            || fields.EmailInvites is not null || fields.EmailAllowedDomains is not null || fields.AuthMethods is not null
            || fields.AllowedAuthMethods is not null || fields.OauthTenantJitProvisioning is not null
            || fields.AllowedOauthTenants is not null || fields.SsoJitProvisioningAllowedConnections is not null;
        var now = Clock.Now;
        var draft = Merge(new StytchOrganization
        {
            OrganizationId = "",
            OrganizationName = "",
            OrganizationSlug = "",
            // Stytch: ALL_ALLOWED when no auth setting is sent, so the organization has a way to add members.
            EmailInvites = anyAuthSetting ? "NOT_ALLOWED" : "ALL_ALLOWED",
            CreatedAt = now,
            UpdatedAt = now,
        }, fields);

        lock (_gate)
        {
            var slug = fields.OrganizationSlug ?? FreeSlugFor(draft.OrganizationName);
            var organization = draft with { OrganizationId = Ids.New("organization"), OrganizationSlug = slug };
            CheckOrganization(organization, previous: null);
            AddOrganization(organization);
            return organization;
        }
    }

    /// <summary><c>GET /v1/b2b/organizations/{organization_id}</c>: by id, slug or external id.</summary>
    public StytchOrganization GetOrganization(string? reference)
    {
        lock (_gate)
        {
            return ResolveOrganization(reference);
        }
    }

    /// <summary>Every organization, oldest first.</summary>
    public IReadOnlyList<StytchOrganization> ListOrganizations()
    {
        lock (_gate)
        {
            return _orgOrder.Select(id => _orgs[id]).ToArray();
        }
    }

    /// <summary><c>PUT /v1/b2b/organizations/{organization_id}</c>: only the given fields change.</summary>
    public StytchOrganization UpdateOrganization(string? reference, OrganizationFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        lock (_gate)
        {
            var current = ResolveOrganization(reference);
            if (fields.OrganizationName is { Length: 0 })
            {
                throw new StytchException(StytchError.InvalidOrganizationName);
            }

            var updated = Merge(current, fields) with { UpdatedAt = Clock.Now };
            CheckOrganization(updated, current);
            RemoveOrganizationIndexes(current);
            _orgs[updated.OrganizationId] = updated;
            IndexOrganization(updated);
            return updated;
        }
    }

    /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}</c>: the organization and all its members, codes and sessions go.</summary>
    public string DeleteOrganization(string? reference)
    {
        lock (_gate)
        {
            var organization = ResolveOrganization(reference);
            foreach (var member in _members.Values.Where(m => m.OrganizationId == organization.OrganizationId).ToArray())
            {
                UnindexMember(member);
                RemoveMemberSessions(member.MemberId);
                _members.Remove(member.MemberId);
                _memberOrder.Remove(member.MemberId);
            }

            foreach (var key in _otps.Keys.Where(k => k.StartsWith(organization.OrganizationId + "\n", StringComparison.Ordinal)).ToArray())
            {
                _otps.Remove(key);
            }

            RemoveOrganizationIndexes(organization);
            _orgs.Remove(organization.OrganizationId);
            _orgOrder.Remove(organization.OrganizationId);
            return organization.OrganizationId;
        }
    }

    // ---- members ----------------------------------------------------------------------------------

    /// <summary><c>POST /v1/b2b/organizations/{organization_id}/members</c>, and seeding (which may also create invited members).</summary>
    public (StytchMember Member, StytchOrganization Organization) CreateMember(string? organizationReference, MemberFields fields, string status = "active")
    {
        ArgumentNullException.ThrowIfNull(fields);
        var email = Validate.Email(fields.EmailAddress);
        if (status is not ("active" or "pending" or "invited"))
        {
            throw new StytchException(StytchError.InvalidRequestValue);
        }

        CheckMemberFields(fields);
        lock (_gate)
        {
            var organization = ResolveOrganization(organizationReference);
            if (_memberIdByEmail.ContainsKey(Key(organization.OrganizationId, email)))
            {
                throw new StytchException(StytchError.DuplicateMemberEmail);
            }

            if (!string.IsNullOrEmpty(fields.ExternalId) && _memberIdByExternalId.ContainsKey(Key(organization.OrganizationId, fields.ExternalId)))
            {
                throw new StytchException(StytchError.DuplicateMemberExternalId);
            }

            var now = Clock.Now;
            var member = ApplyMemberFields(new StytchMember
            {
                OrganizationId = organization.OrganizationId,
                MemberId = Ids.New("member"),
                EmailAddress = email,
                EmailId = Ids.New("email"),
                Status = status,
                CreatedAt = now,
                UpdatedAt = now,
            }, fields with { EmailAddress = null });
            AddMember(member);
            return (member, organization);
        }
    }

    /// <summary><c>GET /v1/b2b/organizations/{organization_id}/member</c>: by member id (or external id), else by email.</summary>
    public (StytchMember Member, StytchOrganization Organization) GetMember(string? organizationReference, string? memberId, string? emailAddress)
    {
        if (string.IsNullOrEmpty(memberId) && string.IsNullOrEmpty(emailAddress))
        {
            throw new StytchException(StytchError.InvalidMemberGetFields);
        }

        var email = string.IsNullOrEmpty(memberId) ? Validate.Email(emailAddress) : null;
        lock (_gate)
        {
            var organization = ResolveOrganization(organizationReference);
            var member = email is null
                ? ResolveMember(organization, memberId, includeDeleted: true)
                : FindByEmail(organization.OrganizationId, email) ?? throw new StytchException(StytchError.MemberNotFound);
            return (member, organization);
        }
    }

    /// <summary>Every member (deleted ones too), oldest first.</summary>
    public IReadOnlyList<StytchMember> ListMembers()
    {
        lock (_gate)
        {
            return _memberOrder.Select(id => _members[id]).ToArray();
        }
    }

    /// <summary><c>PUT /v1/b2b/organizations/{organization_id}/members/{member_id}</c>: only the given fields change.</summary>
    public (StytchMember Member, StytchOrganization Organization) UpdateMember(string? organizationReference, string? memberReference, MemberFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var newEmail = fields.EmailAddress is null ? null : Validate.Email(fields.EmailAddress);
        CheckMemberFields(fields);
        if (fields.DefaultMfaMethod is { } method && Array.IndexOf(MfaMethodNames, method) < 0)
        {
            throw new StytchException(StytchError.InvalidMfaDefaultMethod);
        }

        lock (_gate)
        {
            var organization = ResolveOrganization(organizationReference);
            var current = ResolveMember(organization, memberReference, includeDeleted: false);
            var orgId = organization.OrganizationId;
            var emailChanges = newEmail is not null && newEmail != current.EmailAddress;
            if (emailChanges && _memberIdByEmail.ContainsKey(Key(orgId, newEmail!)))
            {
                throw new StytchException(StytchError.DuplicateMemberEmail);
            }

            if (!string.IsNullOrEmpty(fields.ExternalId) && fields.ExternalId != current.ExternalId
                && _memberIdByExternalId.ContainsKey(Key(orgId, fields.ExternalId)))
            {
                throw new StytchException(StytchError.DuplicateMemberExternalId);
            }

            var updated = ApplyMemberFields(current, fields with { EmailAddress = null }) with { UpdatedAt = Clock.Now };
            if (emailChanges)
            {
                updated = updated with
                {
                    EmailAddress = newEmail!,
                    EmailId = Ids.New("email"),
                    EmailAddressVerified = false,
                    RetiredEmailAddresses = fields.UnlinkEmail == true
                        ? current.RetiredEmailAddresses
                        : [.. current.RetiredEmailAddresses, new RetiredEmail(current.EmailId, current.EmailAddress)],
                };
                _otps.Remove(Key(orgId, current.EmailAddress));
            }

            UnindexMember(current);
            _members[updated.MemberId] = updated;
            IndexMember(updated);
            return (updated, organization);
        }
    }

    /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}</c>: a soft delete (see the class remarks).</summary>
    public string DeleteMember(string? organizationReference, string? memberReference)
    {
        lock (_gate)
        {
            var organization = ResolveOrganization(organizationReference);
            var member = ResolveMember(organization, memberReference, includeDeleted: false);
            UnindexMember(member);
            _otps.Remove(Key(organization.OrganizationId, member.EmailAddress));
            RemoveMemberSessions(member.MemberId);
            _members[member.MemberId] = member with { Status = "deleted", UpdatedAt = Clock.Now };
            return member.MemberId;
        }
    }

    /// <summary>The member's effective roles: <c>stytch_member</c>, explicit roles, and roles its email domain grants.</summary>
    public static IReadOnlyList<MemberRole> RolesOf(StytchMember member, StytchOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(organization);
        var roles = new List<(string RoleId, List<RoleSource> Sources)> { (MemberRole, [new RoleSource("direct_assignment", null)]) };
        void Add(string roleId, RoleSource source)
        {
            var existing = roles.FindIndex(r => r.RoleId == roleId);
            if (existing < 0)
            {
                roles.Add((roleId, [source]));
            }
            else if (!roles[existing].Sources.Contains(source))
            {
                roles[existing].Sources.Add(source);
            }
        }

        foreach (var role in member.Roles)
        {
            Add(role, new RoleSource("direct_assignment", null));
        }

        var domain = DomainOf(member.EmailAddress);
        foreach (var assignment in organization.RbacEmailImplicitRoleAssignments.Where(a => a.Domain == domain))
        {
            Add(assignment.RoleId, new RoleSource("email_assignment", assignment.Domain));
        }

        return roles.Select(r => new MemberRole(r.RoleId, r.Sources.ToArray())).ToArray();
    }

    // ---- email OTP --------------------------------------------------------------------------------

    /// <summary><c>POST /v1/b2b/otps/email/login_or_signup</c>.</summary>
    public B2BOtpSent LoginOrSignup(string? organizationReference, string? emailAddress, LoginOrSignupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckReference(organizationReference);
        var email = Validate.Email(emailAddress);
        var locale = Validate.Locale(options.Locale);
        var loginMinutes = Validate.Range(options.LoginExpirationMinutes, 2, 15, DefaultOtpMinutes, StytchError.InvalidExpirationOtp);
        var signupMinutes = Validate.Range(options.SignupExpirationMinutes, 2, 15, DefaultOtpMinutes, StytchError.InvalidExpirationOtp);

        lock (_gate)
        {
            var organization = ResolveOrganization(organizationReference);
            var now = Clock.Now;
            var member = FindByEmail(organization.OrganizationId, email);
            var created = false;
            if (member is null)
            {
                CheckJit(organization, email);
                member = new StytchMember
                {
                    OrganizationId = organization.OrganizationId,
                    MemberId = Ids.New("member"),
                    EmailAddress = email,
                    EmailId = Ids.New("email"),
                    Status = "pending",
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                AddMember(member);
                created = true;
            }

            // Active members get a login code; new, pending and invited members a signup code and stay pending
            // (invited ones keep "invited") until they authenticate.
            var kind = member.Status == "active" ? OtpKind.Login : OtpKind.Signup;
            var minutes = kind == OtpKind.Login ? loginMinutes : signupMinutes;
            var code = Ids.NewCode();
            var expires = now.AddMinutes(minutes);
            _otps[Key(organization.OrganizationId, email)] = new OtpRecord(code, expires, Used: false);
            Outbox.Add(new OutboxMessage(
                Ids.New("message"), email, code, member.EmailId, kind, UserId: null, locale,
                NullIfEmpty(options.LoginTemplateId), NullIfEmpty(options.SignupTemplateId), now, expires,
                organization.OrganizationId, member.MemberId));
            return new B2BOtpSent(member, organization, created, kind);
        }
    }

    /// <summary><c>POST /v1/b2b/otps/email/authenticate</c>: the member becomes active and verified, with a member session.</summary>
    public B2BOtpAuthenticated Authenticate(B2BOtpAuthenticateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        CheckReference(command.OrganizationId);
        var email = Validate.Email(command.EmailAddress);
        Validate.Code(command.Code);
        Validate.SessionMinutes(command.SessionDurationMinutes);
        Validate.Locale(command.Locale);
        CustomClaims.CheckKeys(command.CustomClaims);

        lock (_gate)
        {
            var now = Clock.Now;
            var organization = ResolveOrganization(command.OrganizationId);
            if (!string.IsNullOrEmpty(command.IntermediateSessionToken))
            {
                throw new StytchException(StytchError.IntermediateSessionNotFound);
            }

            var existing = string.IsNullOrEmpty(command.SessionToken) && string.IsNullOrEmpty(command.SessionId)
                ? null
                : FindSession(command.SessionToken, command.SessionId, now);
            var member = FindByEmail(organization.OrganizationId, email) ?? throw new StytchException(StytchError.MemberNotFound);

            // A session of someone else cannot be extended by this member's code; checked before the code is
            // used, so a refused call leaves the code usable.
            if (existing is not null && existing.MemberId != member.MemberId)
            {
                throw new StytchException(StytchError.SessionNotFound);
            }

            var claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, command.CustomClaims);
            var key = Key(organization.OrganizationId, email);
            if (!_otps.TryGetValue(key, out var otp) || otp.Code != command.Code)
            {
                throw new StytchException(StytchError.OtpCodeNotFound);
            }

            if (otp.Used || now >= otp.ExpiresAt)
            {
                throw new StytchException(StytchError.UnableToAuthOtpCode);
            }

            // Kept, marked used, so that a retry of the same code reads as "already used" (401).
            _otps[key] = otp with { Used = true };
            member = member with { Status = "active", EmailAddressVerified = true, UpdatedAt = now };
            _members[member.MemberId] = member;

            var factor = new AuthenticationFactor("otp", "email", member.EmailId, member.EmailAddress, now, now);
            var session = existing is null
                ? StartSession(member, organization, factor, command.SessionDurationMinutes ?? DefaultSessionMinutes, now, claims)
                : ExtendSession(existing, member, organization, factor, command.SessionDurationMinutes, now, claims);
            return new B2BOtpAuthenticated(member, organization, member.EmailId, session);
        }
    }

    // ---- sessions ---------------------------------------------------------------------------------

    /// <summary>Starts a member session without a code, for tests that only need a logged-in member.</summary>
    public (MemberSession Session, StytchMember Member, StytchOrganization Organization) MintSession(string? organizationReference, string? memberReference, int durationMinutes)
    {
        Validate.SessionMinutes(durationMinutes);
        lock (_gate)
        {
            var organization = ResolveOrganization(organizationReference);
            var member = ResolveMember(organization, memberReference, includeDeleted: false);
            var now = Clock.Now;
            var factor = new AuthenticationFactor("otp", "email", member.EmailId, member.EmailAddress, now, now);
            return (StartSession(member, organization, factor, durationMinutes, now, CustomClaims.None), member, organization);
        }
    }

    /// <summary><c>POST /v1/b2b/sessions/authenticate</c> by token or by session id (from a verified JWT).</summary>
    public MemberSessionAuthenticated AuthenticateSession(string? sessionToken, string? sessionId, int? durationMinutes, AuthorizationCheck? check, IReadOnlyDictionary<string, object?>? customClaims = null)
    {
        Validate.SessionMinutes(durationMinutes);
        CustomClaims.CheckKeys(customClaims);
        lock (_gate)
        {
            var now = Clock.Now;
            var session = FindSession(sessionToken, sessionId, now);
            var member = _members[session.MemberId];
            var organization = _orgs[session.OrganizationId];
            var roles = RolesOf(member, organization);
            var verdict = check is null ? null : Authorize(check, organization, roles);
            var updated = session with
            {
                LastAccessedAt = now,
                ExpiresAt = durationMinutes is { } m ? now.AddMinutes(m) : session.ExpiresAt,
                OrganizationSlug = organization.OrganizationSlug,
                Roles = roles.Select(r => r.RoleId).ToArray(),
                CustomClaims = CustomClaims.Merge(session.CustomClaims, customClaims),
            };
            _sessions[updated.MemberSessionId] = updated;
            return new MemberSessionAuthenticated(updated, member, organization, verdict);
        }
    }

    /// <summary><c>POST /v1/b2b/sessions/revoke</c> of one session, by token or by id.</summary>
    public void RevokeSession(string? sessionToken, string? sessionId)
    {
        lock (_gate)
        {
            RemoveSession(FindSession(sessionToken, sessionId, Clock.Now));
        }
    }

    /// <summary><c>POST /v1/b2b/sessions/revoke</c> with <c>member_id</c>: every session of the member.</summary>
    public void RevokeMemberSessions(string? memberId)
    {
        lock (_gate)
        {
            if (memberId is null || !_members.TryGetValue(memberId, out var member) || member.Status == "deleted")
            {
                throw new StytchException(StytchError.MemberNotFound);
            }

            RemoveMemberSessions(memberId);
        }
    }

    /// <summary>A member's live sessions, oldest first.</summary>
    public IReadOnlyList<MemberSession> SessionsOf(string memberId)
    {
        lock (_gate)
        {
            var now = Clock.Now;
            return _sessions.Values.Where(s => s.MemberId == memberId && s.ExpiresAt > now).OrderBy(s => s.StartedAt).ToArray();
        }
    }

    /// <summary>Every member's live sessions, oldest first.</summary>
    public IReadOnlyList<MemberSession> ListLiveSessions()
    {
        lock (_gate)
        {
            var now = Clock.Now;
            return _sessions.Values.Where(s => s.ExpiresAt > now).OrderBy(s => s.StartedAt).ToArray();
        }
    }

    // ---- whole state ------------------------------------------------------------------------------

    /// <summary>Forgets every organization, member, code and session (the outbox belongs to the project).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _orgs.Clear();
            _orgOrder.Clear();
            _orgIdBySlug.Clear();
            _orgIdByExternalId.Clear();
            _members.Clear();
            _memberOrder.Clear();
            _memberIdByEmail.Clear();
            _memberIdByExternalId.Clear();
            _otps.Clear();
            _sessions.Clear();
            _sessionIdByToken.Clear();
        }
    }

    /// <summary>Copies the whole B2B state out.</summary>
    public B2BSnapshot Export()
    {
        lock (_gate)
        {
            return new B2BSnapshot(
                _orgOrder.Select(id => _orgs[id]).ToArray(),
                _memberOrder.Select(id => _members[id]).ToArray(),
                _otps.Select(p =>
                {
                    var parts = p.Key.Split('\n');
                    return new B2BOtpSnapshot(parts[0], parts[1], p.Value.Code, p.Value.ExpiresAt, p.Value.Used);
                }).ToArray(),
                _sessions.Values.OrderBy(s => s.StartedAt).ToArray());
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="snapshot"/> is inconsistent; changes nothing.</summary>
    public static void Check(B2BSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var orgs = snapshot.Organizations ?? [];
        var members = snapshot.Members ?? [];
        var orgIds = orgs.Select(o => o.OrganizationId).ToHashSet(StringComparer.Ordinal);
        var live = members.Where(m => m.Status != "deleted").ToArray();
        var liveIds = live.Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        if (orgIds.Count != orgs.Count
            || orgs.Select(o => o.OrganizationSlug).Distinct(StringComparer.Ordinal).Count() != orgs.Count
            || members.Select(m => m.MemberId).Distinct(StringComparer.Ordinal).Count() != members.Count
            || members.Any(m => !orgIds.Contains(m.OrganizationId) || Array.IndexOf(MemberStatuses, m.Status) < 0)
            || live.Select(m => Key(m.OrganizationId, m.EmailAddress)).Distinct(StringComparer.Ordinal).Count() != live.Length
            || (snapshot.Otps ?? []).Any(o => !orgIds.Contains(o.OrganizationId))
            || (snapshot.Sessions ?? []).Any(s => !liveIds.Contains(s.MemberId) || !orgIds.Contains(s.OrganizationId))
            || (snapshot.Sessions ?? []).Select(s => s.MemberSessionId).Distinct(StringComparer.Ordinal).Count() != (snapshot.Sessions ?? []).Count
            || (snapshot.Sessions ?? []).Any(s => !CustomClaims.IsAcceptable(s.CustomClaims)))
        {
            throw new ArgumentException("The B2B snapshot is inconsistent: duplicate ids, slugs or emails, members, codes and sessions of unknown organizations, or custom claims a session cannot hold.", nameof(snapshot));
        }
    }

    /// <summary>Replaces the whole B2B state with <paramref name="snapshot"/>, after <see cref="Check"/>.</summary>
    public void Import(B2BSnapshot snapshot)
    {
        Check(snapshot);
        lock (_gate)
        {
            Reset();
            foreach (var organization in snapshot.Organizations ?? [])
            {
                AddOrganization(organization);
            }

            foreach (var member in snapshot.Members ?? [])
            {
                AddMember(member);
            }

            foreach (var otp in snapshot.Otps ?? [])
            {
                _otps[Key(otp.OrganizationId, otp.EmailAddress)] = new OtpRecord(otp.Code, otp.ExpiresAt, otp.Used);
            }

            foreach (var session in snapshot.Sessions ?? [])
            {
                _sessions[session.MemberSessionId] = session;
                _sessionIdByToken[session.SessionToken] = session.MemberSessionId;
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static string Key(string organizationId, string value) => organizationId + "\n" + value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string DomainOf(string email) => email[(email.LastIndexOf('@') + 1)..];

    private static void CheckReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            throw new StytchException(StytchError.InvalidOrganizationId);
        }
    }

    private StytchOrganization ResolveOrganization(string? reference)
    {
        CheckReference(reference);
        if (_orgs.TryGetValue(reference!, out var byId))
        {
            return byId;
        }

        var id = _orgIdBySlug.GetValueOrDefault(reference!) ?? _orgIdByExternalId.GetValueOrDefault(reference!);
        return id is not null ? _orgs[id] : throw new StytchException(StytchError.OrganizationNotFound);
    }

    private StytchMember ResolveMember(StytchOrganization organization, string? reference, bool includeDeleted)
    {
        if (string.IsNullOrEmpty(reference))
        {
            throw new StytchException(StytchError.MemberNotFound);
        }

        var member = _members.GetValueOrDefault(reference);
        if (member is null && _memberIdByExternalId.TryGetValue(Key(organization.OrganizationId, reference), out var id))
        {
            member = _members[id];
        }

        return member is not null && member.OrganizationId == organization.OrganizationId && (includeDeleted || member.Status != "deleted")
            ? member
            : throw new StytchException(StytchError.MemberNotFound);
    }

    private StytchMember? FindByEmail(string organizationId, string email) =>
        _memberIdByEmail.TryGetValue(Key(organizationId, email), out var id) ? _members[id] : null;

    private void CheckJit(StytchOrganization organization, string email)
    {
        if (organization.EmailJitProvisioning != "RESTRICTED")
        {
            throw new StytchException(StytchError.EmailJitProvisioningNotAllowed);
        }

        var domain = DomainOf(email);
        if (!organization.EmailAllowedDomains.Contains(domain, StringComparer.Ordinal))
        {
            throw new StytchException(StytchError.InvalidEmailForJitProvisioning);
        }

        if (!organization.ClaimedEmailDomains.Contains(domain, StringComparer.Ordinal)
            && _orgs.Values.Any(o => o.OrganizationId != organization.OrganizationId && o.ClaimedEmailDomains.Contains(domain, StringComparer.Ordinal)))
        {
            throw new StytchException(StytchError.ActionNotAllowedEmailDomainIsClaimed);
        }
    }

    private static StytchOrganization Merge(StytchOrganization o, OrganizationFields f) => o with
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

    /// <summary>Every rule an organization must satisfy; <paramref name="previous"/> is null on create.</summary>
    private void CheckOrganization(StytchOrganization o, StytchOrganization? previous)
    {
        if (o.OrganizationName.Length is 0 or > 128)
        {
            throw new StytchException(StytchError.InvalidOrganizationName);
        }

        if (!SlugPattern().IsMatch(o.OrganizationSlug) || !o.OrganizationSlug.Any(char.IsAsciiLetterOrDigit))
        {
            throw new StytchException(StytchError.InvalidOrganizationSlug);
        }

        if (o.OrganizationExternalId.Length > 0 && !ExternalIdPattern().IsMatch(o.OrganizationExternalId))
        {
            throw new StytchException(StytchError.InvalidOrganizationExternalId);
        }

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

        if (_orgIdBySlug.TryGetValue(o.OrganizationSlug, out var slugOwner) && slugOwner != previous?.OrganizationId)
        {
            throw new StytchException(StytchError.OrganizationSlugAlreadyUsed);
        }

        if (o.OrganizationExternalId.Length > 0 && _orgIdByExternalId.TryGetValue(o.OrganizationExternalId, out var externalOwner)
            && externalOwner != previous?.OrganizationId)
        {
            throw new StytchException(StytchError.OrganizationExternalIdAlreadyUsed);
        }
    }

    private static void CheckEnum(string value, string[] allowed)
    {
        if (Array.IndexOf(allowed, value) < 0)
        {
            throw new StytchException(StytchError.InvalidRequestValue);
        }
    }

    /// <summary>A slug made from <paramref name="name"/> that no organization has yet (create without a slug).</summary>
    private string FreeSlugFor(string name)
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

        var slug = baseSlug;
        for (var i = 2; _orgIdBySlug.ContainsKey(slug); i++)
        {
            slug = baseSlug + "-" + i.ToString(CultureInfo.InvariantCulture);
        }

        return slug;
    }

    private void AddOrganization(StytchOrganization organization)
    {
        _orgs.Add(organization.OrganizationId, organization);
        _orgOrder.Add(organization.OrganizationId);
        IndexOrganization(organization);
    }

    private void IndexOrganization(StytchOrganization organization)
    {
        _orgIdBySlug[organization.OrganizationSlug] = organization.OrganizationId;
        if (organization.OrganizationExternalId.Length > 0)
        {
            _orgIdByExternalId[organization.OrganizationExternalId] = organization.OrganizationId;
        }
    }

    private void RemoveOrganizationIndexes(StytchOrganization organization)
    {
        _orgIdBySlug.Remove(organization.OrganizationSlug);
        if (organization.OrganizationExternalId.Length > 0)
        {
            _orgIdByExternalId.Remove(organization.OrganizationExternalId);
        }
    }

    private static void CheckMemberFields(MemberFields fields)
    {
        if (fields.MfaPhoneNumber is { Length: > 0 } phone && !E164Pattern().IsMatch(phone))
        {
            throw new StytchException(StytchError.InvalidPhoneNumber);
        }

        if (fields.ExternalId is { Length: > 0 } externalId && !ExternalIdPattern().IsMatch(externalId))
        {
            throw Validate.BadRequest($"external_id must be 1 to 128 letters, digits, '.', '_', '|' or '-', not '{Validate.Clip(externalId)}'.");
        }

        if (fields.Roles?.Any(string.IsNullOrWhiteSpace) == true)
        {
            throw Validate.BadRequest("roles must be role ids: an empty or blank one is not.");
        }
    }

    private static StytchMember ApplyMemberFields(StytchMember m, MemberFields f) => m with
    {
        Name = f.Name ?? m.Name,
        TrustedMetadata = f.TrustedMetadata ?? m.TrustedMetadata,
        UntrustedMetadata = f.UntrustedMetadata ?? m.UntrustedMetadata,
        IsBreakglass = f.IsBreakglass ?? m.IsBreakglass,
        MfaPhoneNumber = f.MfaPhoneNumber ?? m.MfaPhoneNumber,
        MfaEnrolled = f.MfaEnrolled ?? m.MfaEnrolled,
        Roles = f.Roles?.Distinct(StringComparer.Ordinal).ToArray() ?? m.Roles,
        ExternalId = f.ExternalId ?? m.ExternalId,
        DefaultMfaMethod = f.DefaultMfaMethod ?? m.DefaultMfaMethod,
    };

    private void AddMember(StytchMember member)
    {
        _members.Add(member.MemberId, member);
        _memberOrder.Add(member.MemberId);
        IndexMember(member);
    }

    private void IndexMember(StytchMember member)
    {
        if (member.Status == "deleted")
        {
            return;
        }

        _memberIdByEmail[Key(member.OrganizationId, member.EmailAddress)] = member.MemberId;
        if (member.ExternalId.Length > 0)
        {
            _memberIdByExternalId[Key(member.OrganizationId, member.ExternalId)] = member.MemberId;
        }
    }

    private void UnindexMember(StytchMember member)
    {
        if (member.Status == "deleted")
        {
            return;
        }

        _memberIdByEmail.Remove(Key(member.OrganizationId, member.EmailAddress));
        if (member.ExternalId.Length > 0)
        {
            _memberIdByExternalId.Remove(Key(member.OrganizationId, member.ExternalId));
        }
    }

    private MemberSession FindSession(string? token, string? sessionId, DateTimeOffset now)
    {
        var id = sessionId;
        if (!string.IsNullOrEmpty(token))
        {
            if (!Validate.IsSessionToken(token))
            {
                throw new StytchException(StytchError.InvalidSessionToken);
            }

            id = _sessionIdByToken.GetValueOrDefault(token);
        }
        else if (!string.IsNullOrEmpty(sessionId) && !Validate.IsId(sessionId, "member-session") && !Validate.IsId(sessionId, "session"))
        {
            // A consumer session id (from a consumer JWT) is well formed, just not a member session: 404 below.
            throw new StytchException(StytchError.InvalidSessionId);
        }

        if (id is null || !_sessions.TryGetValue(id, out var session))
        {
            throw new StytchException(StytchError.SessionNotFound);
        }

        if (session.ExpiresAt <= now)
        {
            RemoveSession(session);
            throw new StytchException(StytchError.SessionNotFound);
        }

        return session;
    }

    private MemberSession StartSession(StytchMember member, StytchOrganization organization, AuthenticationFactor factor, int minutes, DateTimeOffset now, IReadOnlyDictionary<string, object?> claims)
    {
        var session = new MemberSession(
            Ids.New("member-session"), member.MemberId, organization.OrganizationId, organization.OrganizationSlug, Ids.NewToken(),
            now, now, now.AddMinutes(minutes), [factor], RolesOf(member, organization).Select(r => r.RoleId).ToArray())
        {
            CustomClaims = claims,
        };
        _sessions.Add(session.MemberSessionId, session);
        _sessionIdByToken.Add(session.SessionToken, session.MemberSessionId);
        return session;
    }

    private MemberSession ExtendSession(MemberSession session, StytchMember member, StytchOrganization organization, AuthenticationFactor factor, int? minutes, DateTimeOffset now, IReadOnlyDictionary<string, object?> claims)
    {
        var previous = session.AuthenticationFactors.FirstOrDefault(f => f.Type == factor.Type && f.DeliveryMethod == factor.DeliveryMethod && f.EmailId == factor.EmailId);
        var factors = session.AuthenticationFactors.Where(f => f != previous).ToList();
        factors.Add(previous is null ? factor : factor with { CreatedAt = previous.CreatedAt });
        var updated = session with
        {
            LastAccessedAt = now,
            ExpiresAt = minutes is { } m ? now.AddMinutes(m) : session.ExpiresAt,
            AuthenticationFactors = factors,
            OrganizationSlug = organization.OrganizationSlug,
            Roles = RolesOf(member, organization).Select(r => r.RoleId).ToArray(),
            CustomClaims = claims,
        };
        _sessions[updated.MemberSessionId] = updated;
        return updated;
    }

    private void RemoveSession(MemberSession session)
    {
        _sessions.Remove(session.MemberSessionId);
        _sessionIdByToken.Remove(session.SessionToken);
    }

    private void RemoveMemberSessions(string memberId)
    {
        foreach (var session in _sessions.Values.Where(s => s.MemberId == memberId).ToArray())
        {
            RemoveSession(session);
        }
    }

    /// <summary>
    /// Stytch's default RBAC policy, which is all a fresh project has: <c>stytch_admin</c> may do anything on the
    /// <c>stytch.*</c> resources, <c>stytch_member</c> anything on <c>stytch.self</c>; nothing else is granted.
    /// </summary>
    private static AuthorizationVerdict Authorize(AuthorizationCheck check, StytchOrganization organization, IReadOnlyList<MemberRole> roles)
    {
        if (check.OrganizationId != organization.OrganizationId && check.OrganizationId != organization.OrganizationSlug
            && (organization.OrganizationExternalId.Length == 0 || check.OrganizationId != organization.OrganizationExternalId))
        {
            throw new StytchException(StytchError.SessionAuthorizationTenancyError);
        }

        var granting = roles.Select(r => r.RoleId)
            .Where(role => (role == AdminRole && check.ResourceId.StartsWith("stytch.", StringComparison.Ordinal))
                || (role == MemberRole && check.ResourceId == "stytch.self"))
            .ToArray();
        return granting.Length > 0
            ? new AuthorizationVerdict(true, granting)
            : throw new StytchException(StytchError.SessionAuthorizationError);
    }

    private sealed record OtpRecord(string Code, DateTimeOffset ExpiresAt, bool Used);
}
