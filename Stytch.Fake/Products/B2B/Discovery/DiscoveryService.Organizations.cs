using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.B2B.Sessions;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.B2B.Discovery;

/// <summary>Discovery's way out: an intermediate session becomes a login to an organization it found, or to a new one.</summary>
internal sealed partial class DiscoveryService
{
    /// <summary>
    /// <c>POST /v1/b2b/discovery/intermediate_sessions/exchange</c>: logs the session's address in to an organization it
    /// is a member of (accepting an invite), or JIT provisions it there by its domain (as
    /// <see cref="IsJoinableByDomain"/> lists it), through the login gate: a member session, or an intermediate session
    /// with the step the organization still asks for.
    /// </summary>
    public B2BLogin Exchange(DiscoveryExchangeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireToken(command.IntermediateSessionToken);
        OrganizationRules.CheckReference(command.OrganizationId);
        Validate.SessionMinutes(command.SessionDurationMinutes);
        var locale = Validate.Locale(command.Locale);
        CustomClaims.CheckKeys(command.CustomClaims);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var intermediate = Intermediate.Find(command.IntermediateSessionToken, now);
            var organization = _organizations.Resolve(command.OrganizationId);
            var email = intermediate.EmailAddress;
            var existing = _members.WithEmail(organization, email);
            if (existing is null && !IsJoinableByDomain(organization, email))
            {
                // Inferred: the JIT rule the address fails, or, when only the verified-colleague rule fails, the domain one.
                throw new StytchException(OrganizationRules.JitRefusal(organization, email, _organizations.Table) ?? StytchError.InvalidEmailForJitProvisioning);
            }

            var attempt = new LoginAttempt
            {
                Organization = organization,
                Member = existing ?? DraftMember(organization, email, now),
                Intermediate = intermediate,
                SessionDurationMinutes = command.SessionDurationMinutes,
                Claims = CustomClaims.Merge(CustomClaims.None, command.CustomClaims),
                Locale = locale,
            };
            _gate.Check(attempt);
            var member = existing ?? _members.Add(organization, email, MemberStatus.Pending, now);
            var login = _gate.Pass(attempt with { Member = member, Intermediate = ForMember(intermediate, member) }, now);

            // Inferred: a pending or invited member becomes active once the exchange ends in a member session, as after
            // an organization login; with a step still missing it keeps its status.
            return login.MemberAuthenticated ? login with { Member = _members.Verify(member, now) } : login;
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/discovery/organizations/create</c>: a new organization with the session's address as its first,
    /// active member, who gets <c>stytch_admin</c>, logged in through the login gate (an organization made with
    /// <c>mfa_policy: REQUIRED_FOR_ALL</c> answers <c>mfa_required</c>).
    /// </summary>
    public B2BLogin CreateOrganization(DiscoveryCreateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireToken(command.IntermediateSessionToken);
        Validate.SessionMinutes(command.SessionDurationMinutes);
        CustomClaims.CheckKeys(command.CustomClaims);
        var fields = command.Fields ?? new OrganizationFields();
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var intermediate = Intermediate.Find(command.IntermediateSessionToken, now);
            var email = intermediate.EmailAddress;
            var name = string.IsNullOrEmpty(fields.OrganizationName) ? DefaultOrganizationName(email) : fields.OrganizationName;
            var draft = OrganizationRules.Draft(fields with { OrganizationName = name }, now);
            var organization = draft with { OrganizationSlug = fields.OrganizationSlug ?? OrganizationRules.SlugFor(name, _organizations.Table) };
            OrganizationRules.Check(organization, previous: null, _organizations.Table);
            var creator = RoleAssignment.AsOrganizationCreator(DraftMember(organization, email, now) with { Status = MemberStatus.Active, EmailAddressVerified = true });
            var attempt = new LoginAttempt
            {
                Organization = organization,
                Member = creator,
                Intermediate = intermediate,
                SessionDurationMinutes = command.SessionDurationMinutes,
                Claims = CustomClaims.Merge(CustomClaims.None, command.CustomClaims),
            };
            _gate.Check(attempt);

            organization = organization with { OrganizationId = _store.Ids.New("organization") };
            _organizations.Table.Add(organization);
            var added = _members.Add(organization, email, MemberStatus.Active, now);
            var member = RoleAssignment.AsOrganizationCreator(added with { EmailAddressVerified = true });
            _members.Table.Replace(added, member);
            return _gate.Pass(attempt with { Organization = organization, Member = member, Intermediate = ForMember(intermediate, member) }, now);
        });
    }

    /// <summary>
    /// The name of an organization created without one (the spec: from the email's domain; for a common email provider,
    /// such as gmail.com, or a .edu address, from the part before the @). Inferred: the domain, or that part, as is.
    /// </summary>
    public static string DefaultOrganizationName(string email)
    {
        var domain = OrganizationRules.DomainOf(email);
        return OrganizationRules.IsCommonDomain(domain) || domain.EndsWith(".edu", StringComparison.Ordinal) ? email[..email.LastIndexOf('@')] : domain;
    }

    /// <summary>
    /// The intermediate session with its email factors naming <paramref name="member"/>'s email id: a discovery login
    /// proves an address before any member has it, so its factors carry no id until the exchange.
    /// </summary>
    private static IntermediateSession ForMember(IntermediateSession session, StytchMember member) => session with
    {
        Factors = LoginGate.NamingMember(session.Factors, member),
    };

    /// <summary>The intermediate session token is required (inferred: a missing one is an unknown one).</summary>
    private static void RequireToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new StytchException(StytchError.IntermediateSessionNotFound);
        }
    }
}
