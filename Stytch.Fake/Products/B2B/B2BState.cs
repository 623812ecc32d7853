using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B;

/// <summary>
/// The B2B state machine of one Stytch project: organizations, their members, the members' one-time passcodes
/// and member sessions, kept in the project's <see cref="ProjectStore"/> beside the consumer state. Every operation
/// validates first and changes state only when it succeeds, in one transaction of the store.
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

    /// <summary>The purpose of B2B email OTP codes in <see cref="OneTimeSecrets"/>; the subject is <see cref="Key"/>(organization, email).</summary>
    public const string OtpPurpose = "b2b.email_otp";

    private readonly B2BTables _tables;

    public B2BState(ProjectStore store)
    {
        Store = store;
        _tables = store.Part<B2BTables>();
    }

    public ProjectStore Store { get; }
    public StytchClock Clock => Store.Clock;
    public Outbox Outbox => Store.Outbox;
    public IdFactory Ids => Store.Ids;

    private SessionStore<MemberSession> Sessions => Store.MemberSessions;

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

        return Store.Transact(() =>
        {
            var slug = fields.OrganizationSlug ?? FreeSlugFor(draft.OrganizationName);
            var organization = draft with { OrganizationId = Ids.New("organization"), OrganizationSlug = slug };
            CheckOrganization(organization, previous: null);
            AddOrganization(organization);
            return organization;
        });
    }

    /// <summary><c>GET /v1/b2b/organizations/{organization_id}</c>: by id, slug or external id.</summary>
    public StytchOrganization GetOrganization(string? reference)
    {
        return Store.Transact(() =>
        {
            return ResolveOrganization(reference);
        });
    }

    /// <summary>Every organization, oldest first.</summary>
    public IReadOnlyList<StytchOrganization> ListOrganizations()
    {
        return Store.Transact(() =>
        {
            return _tables.OrgOrder.Select(id => _tables.Orgs[id]).ToArray();
        });
    }

    /// <summary><c>PUT /v1/b2b/organizations/{organization_id}</c>: only the given fields change.</summary>
    public StytchOrganization UpdateOrganization(string? reference, OrganizationFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Store.Transact(() =>
        {
            var current = ResolveOrganization(reference);
            if (fields.OrganizationName is { Length: 0 })
            {
                throw new StytchException(StytchError.InvalidOrganizationName);
            }

            var updated = Merge(current, fields) with { UpdatedAt = Clock.Now };
            CheckOrganization(updated, current);
            RemoveOrganizationIndexes(current);
            _tables.Orgs[updated.OrganizationId] = updated;
            IndexOrganization(updated);
            return updated;
        });
    }

    /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}</c>: the organization and all its members, codes and sessions go.</summary>
    public string DeleteOrganization(string? reference)
    {
        return Store.Transact(() =>
        {
            var organization = ResolveOrganization(reference);
            foreach (var member in _tables.Members.Values.Where(m => m.OrganizationId == organization.OrganizationId).ToArray())
            {
                UnindexMember(member);
                Sessions.RemoveOwnedBy(member.MemberId);
                _tables.Members.Remove(member.MemberId);
                _tables.MemberOrder.Remove(member.MemberId);
            }

            Store.Secrets.RemoveWhere(k => k.Purpose == OtpPurpose && k.Subject.StartsWith(organization.OrganizationId + "\n", StringComparison.Ordinal));

            RemoveOrganizationIndexes(organization);
            _tables.Orgs.Remove(organization.OrganizationId);
            _tables.OrgOrder.Remove(organization.OrganizationId);
            return organization.OrganizationId;
        });
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
        return Store.Transact(() =>
        {
            var organization = ResolveOrganization(organizationReference);
            if (_tables.MemberIdByEmail.ContainsKey(Key(organization.OrganizationId, email)))
            {
                throw new StytchException(StytchError.DuplicateMemberEmail);
            }

            if (!string.IsNullOrEmpty(fields.ExternalId) && _tables.MemberIdByExternalId.ContainsKey(Key(organization.OrganizationId, fields.ExternalId)))
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
        });
    }

    /// <summary><c>GET /v1/b2b/organizations/{organization_id}/member</c>: by member id (or external id), else by email.</summary>
    public (StytchMember Member, StytchOrganization Organization) GetMember(string? organizationReference, string? memberId, string? emailAddress)
    {
        if (string.IsNullOrEmpty(memberId) && string.IsNullOrEmpty(emailAddress))
        {
            throw new StytchException(StytchError.InvalidMemberGetFields);
        }

        var email = string.IsNullOrEmpty(memberId) ? Validate.Email(emailAddress) : null;
        return Store.Transact(() =>
        {
            var organization = ResolveOrganization(organizationReference);
            var member = email is null
                ? ResolveMember(organization, memberId, includeDeleted: true)
                : FindByEmail(organization.OrganizationId, email) ?? throw new StytchException(StytchError.MemberNotFound);
            return (member, organization);
        });
    }

    /// <summary>Every member (deleted ones too), oldest first.</summary>
    public IReadOnlyList<StytchMember> ListMembers()
    {
        return Store.Transact(() =>
        {
            return _tables.MemberOrder.Select(id => _tables.Members[id]).ToArray();
        });
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

        return Store.Transact(() =>
        {
            var organization = ResolveOrganization(organizationReference);
            var current = ResolveMember(organization, memberReference, includeDeleted: false);
            var orgId = organization.OrganizationId;
            var emailChanges = newEmail is not null && newEmail != current.EmailAddress;
            if (emailChanges && _tables.MemberIdByEmail.ContainsKey(Key(orgId, newEmail!)))
            {
                throw new StytchException(StytchError.DuplicateMemberEmail);
            }

            if (!string.IsNullOrEmpty(fields.ExternalId) && fields.ExternalId != current.ExternalId
                && _tables.MemberIdByExternalId.ContainsKey(Key(orgId, fields.ExternalId)))
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
                Store.Secrets.Remove(OtpKey(orgId, current.EmailAddress));
            }

            UnindexMember(current);
            _tables.Members[updated.MemberId] = updated;
            IndexMember(updated);
            return (updated, organization);
        });
    }

    /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}</c>: a soft delete (see the class remarks).</summary>
    public string DeleteMember(string? organizationReference, string? memberReference)
    {
        return Store.Transact(() =>
        {
            var organization = ResolveOrganization(organizationReference);
            var member = ResolveMember(organization, memberReference, includeDeleted: false);
            UnindexMember(member);
            Store.Secrets.Remove(OtpKey(organization.OrganizationId, member.EmailAddress));
            Sessions.RemoveOwnedBy(member.MemberId);
            _tables.Members[member.MemberId] = member with { Status = "deleted", UpdatedAt = Clock.Now };
            return member.MemberId;
        });
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

        return Store.Transact(() =>
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
            var code = Store.Secrets.Issue(OtpKey(organization.OrganizationId, email), Ids.NewCode(), now, TimeSpan.FromMinutes(minutes));
            Outbox.Add(new OutboxMessage
            {
                MessageId = Ids.New("message"),
                EmailAddress = email,
                Code = code.Value,
                MethodId = member.EmailId,
                Kind = kind,
                Locale = locale,
                LoginTemplateId = NullIfEmpty(options.LoginTemplateId),
                SignupTemplateId = NullIfEmpty(options.SignupTemplateId),
                SentAt = now,
                ExpiresAt = code.ExpiresAt,
                OrganizationId = organization.OrganizationId,
                MemberId = member.MemberId,
            });
            return new B2BOtpSent(member, organization, created, kind);
        });
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

        return Store.Transact(() =>
        {
            var now = Clock.Now;
            var organization = ResolveOrganization(command.OrganizationId);
            if (!string.IsNullOrEmpty(command.IntermediateSessionToken))
            {
                throw new StytchException(StytchError.IntermediateSessionNotFound);
            }

            var existing = Sessions.FindToExtend(command.SessionToken, command.SessionId, now);
            var member = FindByEmail(organization.OrganizationId, email) ?? throw new StytchException(StytchError.MemberNotFound);

            // A session of someone else cannot be extended by this member's code; checked before the code is
            // used, so a refused call leaves the code usable.
            if (existing is not null && existing.MemberId != member.MemberId)
            {
                throw new StytchException(StytchError.SessionNotFound);
            }

            var claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, command.CustomClaims);
            Store.Secrets.Consume(OtpKey(organization.OrganizationId, email), command.Code!, now)
                .ThrowUnlessConsumed(StytchError.OtpCodeNotFound, StytchError.UnableToAuthOtpCode);
            member = member with { Status = "active", EmailAddressVerified = true, UpdatedAt = now };
            _tables.Members[member.MemberId] = member;

            var factor = AuthenticationFactor.EmailOtp(member.EmailId, member.EmailAddress, now);
            var session = existing is null
                ? StartSession(member, organization, factor, command.SessionDurationMinutes ?? DefaultSessionMinutes, now, claims)
                : Sessions.Renew(existing, now, command.SessionDurationMinutes, claims, factor, s => Refreshed(s, member, organization));
            return new B2BOtpAuthenticated(member, organization, member.EmailId, session);
        });
    }

    // ---- sessions ---------------------------------------------------------------------------------

    /// <summary>Starts a member session without a code, for tests that only need a logged-in member.</summary>
    public (MemberSession Session, StytchMember Member, StytchOrganization Organization) MintSession(string? organizationReference, string? memberReference, int durationMinutes)
    {
        Validate.SessionMinutes(durationMinutes);
        return Store.Transact(() =>
        {
            var organization = ResolveOrganization(organizationReference);
            var member = ResolveMember(organization, memberReference, includeDeleted: false);
            var now = Clock.Now;
            var factor = AuthenticationFactor.EmailOtp(member.EmailId, member.EmailAddress, now);
            return (StartSession(member, organization, factor, durationMinutes, now, CustomClaims.None), member, organization);
        });
    }

    /// <summary><c>POST /v1/b2b/sessions/authenticate</c> by token or by session id (from a verified JWT).</summary>
    public MemberSessionAuthenticated AuthenticateSession(string? sessionToken, string? sessionId, int? durationMinutes, AuthorizationCheck? check, IReadOnlyDictionary<string, object?>? customClaims = null)
    {
        Validate.SessionMinutes(durationMinutes);
        CustomClaims.CheckKeys(customClaims);
        return Store.Transact(() =>
        {
            var now = Clock.Now;
            var session = Sessions.Find(sessionToken, sessionId, now);
            var member = _tables.Members[session.MemberId];
            var organization = _tables.Orgs[session.OrganizationId];
            var verdict = check is null ? null : Authorize(check, organization, RolesOf(member, organization));
            var claims = CustomClaims.Merge(session.CustomClaims, customClaims);
            var updated = Sessions.Renew(session, now, durationMinutes, claims, adjust: s => Refreshed(s, member, organization));
            return new MemberSessionAuthenticated(updated, member, organization, verdict);
        });
    }

    /// <summary><c>POST /v1/b2b/sessions/revoke</c> of one session, by token or by id.</summary>
    public void RevokeSession(string? sessionToken, string? sessionId)
    {
        Store.Transact(() => Sessions.Remove(Sessions.Find(sessionToken, sessionId, Clock.Now)));
    }

    /// <summary><c>POST /v1/b2b/sessions/revoke</c> with <c>member_id</c>: every session of the member.</summary>
    public void RevokeMemberSessions(string? memberId)
    {
        Store.Transact(() =>
        {
            if (memberId is null || !_tables.Members.TryGetValue(memberId, out var member) || member.Status == "deleted")
            {
                throw new StytchException(StytchError.MemberNotFound);
            }

            Sessions.RemoveOwnedBy(memberId);
        });
    }

    /// <summary>A member's live sessions, oldest first.</summary>
    public IReadOnlyList<MemberSession> SessionsOf(string memberId)
    {
        return Store.Transact(() => Sessions.Live(Clock.Now, memberId));
    }

    /// <summary>Every member's live sessions, oldest first.</summary>
    public IReadOnlyList<MemberSession> ListLiveSessions()
    {
        return Store.Transact(() => Sessions.Live(Clock.Now));
    }

    // ---- whole state ------------------------------------------------------------------------------

    /// <summary>Forgets every organization, member, code, session and message of the project (its consumer state too).</summary>
    public void Reset() => Store.Reset();

    /// <summary>Copies the whole B2B state out.</summary>
    public B2BSnapshot Export()
    {
        return Store.Transact(() =>
        {
            return new B2BSnapshot(
                _tables.OrgOrder.Select(id => _tables.Orgs[id]).ToArray(),
                _tables.MemberOrder.Select(id => _tables.Members[id]).ToArray(),
                Store.Secrets.Of(OtpPurpose).Select(p =>
                {
                    var parts = p.Subject.Split('\n');
                    return new B2BOtpSnapshot(parts[0], parts[1], p.Secret.Value, p.Secret.ExpiresAt, p.Secret.Used);
                }).ToArray(),
                Sessions.All());
        });
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

    /// <summary>Replaces the project's whole state with <paramref name="snapshot"/>, after <see cref="Check"/>, in one transaction.</summary>
    public void Import(B2BSnapshot snapshot)
    {
        Check(snapshot);
        Store.Replace(() => Load(snapshot));
    }

    /// <summary>Adds <paramref name="snapshot"/> to an empty store; the caller has run <see cref="Check"/> and holds the transaction.</summary>
    public void Load(B2BSnapshot snapshot)
    {
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
            Store.Secrets.Load(OtpKey(otp.OrganizationId, otp.EmailAddress), new OneTimeSecret(otp.Code, otp.ExpiresAt, otp.Used, RequestAttributes.None));
        }

        foreach (var session in snapshot.Sessions ?? [])
        {
            Sessions.Load(session);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static string Key(string organizationId, string value) => organizationId + "\n" + value;

    private static SecretKey OtpKey(string organizationId, string email) => new(OtpPurpose, Key(organizationId, email));

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
        if (_tables.Orgs.TryGetValue(reference!, out var byId))
        {
            return byId;
        }

        var id = _tables.OrgIdBySlug.GetValueOrDefault(reference!) ?? _tables.OrgIdByExternalId.GetValueOrDefault(reference!);
        return id is not null ? _tables.Orgs[id] : throw new StytchException(StytchError.OrganizationNotFound);
    }

    private StytchMember ResolveMember(StytchOrganization organization, string? reference, bool includeDeleted)
    {
        if (string.IsNullOrEmpty(reference))
        {
            throw new StytchException(StytchError.MemberNotFound);
        }

        var member = _tables.Members.GetValueOrDefault(reference);
        if (member is null && _tables.MemberIdByExternalId.TryGetValue(Key(organization.OrganizationId, reference), out var id))
        {
            member = _tables.Members[id];
        }

        return member is not null && member.OrganizationId == organization.OrganizationId && (includeDeleted || member.Status != "deleted")
            ? member
            : throw new StytchException(StytchError.MemberNotFound);
    }

    private StytchMember? FindByEmail(string organizationId, string email) =>
        _tables.MemberIdByEmail.TryGetValue(Key(organizationId, email), out var id) ? _tables.Members[id] : null;

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
            && _tables.Orgs.Values.Any(o => o.OrganizationId != organization.OrganizationId && o.ClaimedEmailDomains.Contains(domain, StringComparer.Ordinal)))
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

        if (_tables.OrgIdBySlug.TryGetValue(o.OrganizationSlug, out var slugOwner) && slugOwner != previous?.OrganizationId)
        {
            throw new StytchException(StytchError.OrganizationSlugAlreadyUsed);
        }

        if (o.OrganizationExternalId.Length > 0 && _tables.OrgIdByExternalId.TryGetValue(o.OrganizationExternalId, out var externalOwner)
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
        for (var i = 2; _tables.OrgIdBySlug.ContainsKey(slug); i++)
        {
            slug = baseSlug + "-" + i.ToString(CultureInfo.InvariantCulture);
        }

        return slug;
    }

    private void AddOrganization(StytchOrganization organization)
    {
        _tables.Orgs.Add(organization.OrganizationId, organization);
        _tables.OrgOrder.Add(organization.OrganizationId);
        IndexOrganization(organization);
    }

    private void IndexOrganization(StytchOrganization organization)
    {
        _tables.OrgIdBySlug[organization.OrganizationSlug] = organization.OrganizationId;
        if (organization.OrganizationExternalId.Length > 0)
        {
            _tables.OrgIdByExternalId[organization.OrganizationExternalId] = organization.OrganizationId;
        }
    }

    private void RemoveOrganizationIndexes(StytchOrganization organization)
    {
        _tables.OrgIdBySlug.Remove(organization.OrganizationSlug);
        if (organization.OrganizationExternalId.Length > 0)
        {
            _tables.OrgIdByExternalId.Remove(organization.OrganizationExternalId);
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
        _tables.Members.Add(member.MemberId, member);
        _tables.MemberOrder.Add(member.MemberId);
        IndexMember(member);
    }

    private void IndexMember(StytchMember member)
    {
        if (member.Status == "deleted")
        {
            return;
        }

        _tables.MemberIdByEmail[Key(member.OrganizationId, member.EmailAddress)] = member.MemberId;
        if (member.ExternalId.Length > 0)
        {
            _tables.MemberIdByExternalId[Key(member.OrganizationId, member.ExternalId)] = member.MemberId;
        }
    }

    private void UnindexMember(StytchMember member)
    {
        if (member.Status == "deleted")
        {
            return;
        }

        _tables.MemberIdByEmail.Remove(Key(member.OrganizationId, member.EmailAddress));
        if (member.ExternalId.Length > 0)
        {
            _tables.MemberIdByExternalId.Remove(Key(member.OrganizationId, member.ExternalId));
        }
    }

    private MemberSession StartSession(StytchMember member, StytchOrganization organization, AuthenticationFactor factor, int minutes, DateTimeOffset now, IReadOnlyDictionary<string, object?> claims) =>
        Sessions.Start((id, token) => new MemberSession(
            id, member.MemberId, organization.OrganizationId, organization.OrganizationSlug, token,
            now, now, now.AddMinutes(minutes), [factor], RolesOf(member, organization).Select(r => r.RoleId).ToArray())
        {
            CustomClaims = claims,
        });

    /// <summary>A member session as of its member's and organization's current slug and roles.</summary>
    private static MemberSession Refreshed(MemberSession session, StytchMember member, StytchOrganization organization) => session with
    {
        OrganizationSlug = organization.OrganizationSlug,
        Roles = RolesOf(member, organization).Select(r => r.RoleId).ToArray(),
    };

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
}
