using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Products.B2B.MagicLinks;

/// <summary>
/// B2B email magic links (<c>/v1/b2b/magic_links/email/*</c>, <c>/v1/b2b/magic_links/authenticate</c>): each token is
/// a one-time secret of the project's store, keyed by itself, whose payload names the member it logs in; the link goes
/// through the outbox. login_or_signup follows the same member and JIT rules as B2B email OTP; invite makes or marks an
/// invited member; authenticate makes the member active and verified, with a new or extended member session carrying a
/// <c>magic_link</c> factor. Every operation validates first and changes state only when it succeeds, in one transaction.
/// </summary>
internal sealed class B2BMagicLinkService
{
    /// <summary>The purpose of B2B magic-link tokens in <see cref="OneTimeSecrets"/>; the subject is the token itself.</summary>
    public const string Purpose = "b2b.magic_link";

    /// <summary>The <c>stytch_token_type</c> of a B2B email magic link (stytch.com/docs/workspace-management/redirect-urls; Stytch's SDKs' B2B token types).</summary>
    public const string TokenType = "multi_tenant_magic_links";

    public const int DefaultMinutes = 60;
    public const int DefaultInviteMinutes = 10080;
    public const int DefaultSessionMinutes = 60;
    private const int MinMinutes = 5;
    private const int MaxMinutes = 10080;

    private readonly ProjectStore _store;
    private readonly OrganizationService _organizations;
    private readonly MemberService _members;
    private readonly MemberSessionService _sessions;
    private readonly LoginGate _gate;

    public B2BMagicLinkService(ProjectStore store, OrganizationService organizations, MemberService members, MemberSessionService sessions, LoginGate gate)
    {
        _store = store;
        _organizations = organizations;
        _members = members;
        _sessions = sessions;
        _gate = gate;
        organizations.Deleting.Add(organization => RemoveLinks(p => p.OrganizationId == organization.OrganizationId));
        members.Deleting.Add(member => RemoveLinks(p => p.MemberId == member.MemberId));
        // A link was sent to the old address: it no longer logs anyone in once the address is replaced.
        members.EmailReplacing.Add(member => RemoveLinks(p => p.MemberId == member.MemberId));
    }

    private bool SandboxEnabled => !_store.Settings.Live;

    /// <summary><c>POST /v1/b2b/magic_links/email/login_or_signup</c>.</summary>
    public B2BLinkSent LoginOrSignup(B2BLinkLoginOrSignupCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        var email = Validate.Email(command.EmailAddress);
        var locale = Validate.Locale(command.Locale);
        var loginMinutes = Validate.Range(command.LoginExpirationMinutes, MinMinutes, MaxMinutes, DefaultMinutes, StytchError.InvalidExpiration);
        var signupMinutes = Validate.Range(command.SignupExpirationMinutes, MinMinutes, MaxMinutes, DefaultMinutes, StytchError.InvalidExpiration);
        if (SandboxEnabled && B2BMagicLinkSandbox.IsSandboxSend(command.OrganizationId, email))
        {
            return SandboxSent(MessageKind.Login);
        }

        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(command.OrganizationId);
            var now = _store.Clock.Now;
            var login = _members.PlanEmailLogin(organization, email);
            var redirectUrl = login.Kind == MessageKind.Login
                ? _store.RedirectUrls.Resolve(RedirectUrlType.Login, command.LoginRedirectUrl, RedirectUrlFields.B2BLogin)
                : _store.RedirectUrls.Resolve(RedirectUrlType.Signup, command.SignupRedirectUrl, RedirectUrlFields.B2BSignup);
            var member = _members.Admit(login, now);
            var minutes = login.Kind == MessageKind.Login ? loginMinutes : signupMinutes;
            Send(member, login.Kind, redirectUrl, minutes, command.PkceCodeChallenge, locale, now, new B2BLinkTemplates(command.LoginTemplateId, command.SignupTemplateId, null));
            return new B2BLinkSent(member, organization, login.Existing is null, login.Kind);
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/magic_links/email/invite</c>: a new member is created invited, a pending one becomes invited, an
    /// invited one gets a new link; an active member cannot be invited.
    /// </summary>
    public B2BLinkSent Invite(B2BLinkInviteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        var email = Validate.Email(command.EmailAddress);
        var locale = Validate.Locale(command.Locale);
        var minutes = Validate.Range(command.InviteExpirationMinutes, MinMinutes, MaxMinutes, DefaultInviteMinutes, StytchError.InvalidExpiration);
        MemberRules.Check(command.Fields);
        if (SandboxEnabled && B2BMagicLinkSandbox.IsSandboxSend(command.OrganizationId, email))
        {
            return SandboxSent(MessageKind.Invite);
        }

        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(command.OrganizationId);
            var now = _store.Clock.Now;
            if (!string.IsNullOrEmpty(command.InvitedByMemberId))
            {
                // Inferred: the inviter must be a live member of the same organization.
                _members.Resolve(organization, command.InvitedByMemberId, includeDeleted: false);
            }

            var existing = _members.WithEmail(organization, email);
            if (existing?.Status == MemberStatus.Active)
            {
                // Stytch documents only that inviting an active member is an error; the type is inferred.
                throw new StytchException(StytchError.DuplicateMemberEmail);
            }

            CheckInvitesAllowed(organization, email);
            var redirectUrl = _store.RedirectUrls.Resolve(RedirectUrlType.Invite, command.InviteRedirectUrl, RedirectUrlFields.B2BInvite);
            var member = _members.Invite(organization, existing, email, command.Fields with { EmailAddress = null }, now);
            Send(member, MessageKind.Invite, redirectUrl, minutes, pkceChallenge: null, locale, now, new B2BLinkTemplates(null, null, command.InviteTemplateId));
            return new B2BLinkSent(member, organization, existing is null, MessageKind.Invite);
        });
    }

    /// <summary><c>POST /v1/b2b/magic_links/authenticate</c>: the member becomes active and verified, with a member session.</summary>
    public B2BLinkAuthenticated Authenticate(B2BLinkAuthenticateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.MagicLinksToken))
        {
            // Inferred: Stytch documents no type for a missing required field.
            throw Validate.BadRequest("magic_links_token is required.");
        }

        Validate.SessionMinutes(command.SessionDurationMinutes);
        var locale = Validate.Locale(command.Locale);
        CustomClaims.CheckKeys(command.CustomClaims);
        if (SandboxEnabled && B2BMagicLinkSandbox.ErrorFor(command.MagicLinksToken) is { } sandboxError)
        {
            throw new StytchException(sandboxError);
        }

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var intermediate = _gate.FindIntermediate(command.IntermediateSessionToken, now);
            var key = KeyOf(command.MagicLinksToken);
            var sandbox = SandboxEnabled && command.MagicLinksToken == B2BMagicLinkSandbox.SuccessToken;
            var secret = sandbox ? null : _store.Secrets.Find(key);
            if (!sandbox && secret?.Payload is not B2BLinkPayload)
            {
                throw new StytchException(StytchError.MagicLinkNotFound);
            }

            if (secret is not null && (secret.Used || now >= secret.ExpiresAt))
            {
                throw new StytchException(StytchError.UnableToAuthMagicLink);
            }

            var link = secret?.Payload as B2BLinkPayload;
            var found = _sessions.FindToExtend(command.SessionToken, command.SessionId, now);

            // Checked before the token is used (and before the sandbox member is made), so a refused call changes nothing.
            Pkce.Check(link?.PkceCodeChallenge, command.PkceCodeVerifier);
            var newClaims = CustomClaims.Merge(CustomClaims.None, command.CustomClaims);
            var extendedClaims = found is null ? newClaims : CustomClaims.Merge(found.CustomClaims, command.CustomClaims);
            var (organization, member) = link is null
                ? SandboxMember(now)
                : (_organizations.ById(link.OrganizationId), _members.RequireLive(link.MemberId));

            // The spec: a session_token or session_jwt of another member is ignored, and a new session starts.
            var existing = found?.MemberId == member.MemberId ? found : null;
            var claims = existing is null ? newClaims : extendedClaims;
            var attempt = new LoginAttempt
            {
                Organization = organization,
                Member = member,
                Factor = AuthenticationFactor.Of(FactorKind.MagicLink, new FactorEmail(member.EmailId, member.EmailAddress), null, "", now, now)!,
                Intermediate = intermediate,
                Existing = existing,
                SessionDurationMinutes = command.SessionDurationMinutes,
                DefaultSessionMinutes = DefaultSessionMinutes,
                Claims = claims,
                Locale = locale,
            };
            _gate.Check(attempt);
            if (!sandbox)
            {
                _store.Secrets.Consume(key, command.MagicLinksToken, now)
                    .ThrowUnlessConsumed(StytchError.MagicLinkNotFound, StytchError.UnableToAuthMagicLink);
            }

            member = _members.Verify(member, now);
            var login = _gate.Pass(attempt with { Member = member }, now);
            return new B2BLinkAuthenticated(member, organization, member.EmailId, login);
        });
    }

    /// <summary>Every B2B magic-link token with its payload, for a snapshot; under the store's lock.</summary>
    public IReadOnlyList<(string Token, OneTimeSecret Secret)> Export() => _store.Secrets.Of(Purpose);

    /// <summary>Puts back a snapshot's tokens into an empty store; under the store's lock.</summary>
    public void Load(IEnumerable<(string Token, OneTimeSecret Secret)> links)
    {
        foreach (var (token, secret) in links)
        {
            _store.Secrets.Load(KeyOf(token), secret);
        }
    }

    private static SecretKey KeyOf(string token) => new(Purpose, token);

    /// <summary>A sandbox send: nothing is sent; the sandbox organization and its active member answer.</summary>
    private B2BLinkSent SandboxSent(MessageKind kind) => _store.Transact(() =>
    {
        var (organization, member) = SandboxMember(_store.Clock.Now);
        return new B2BLinkSent(member, organization, MemberCreated: false, kind);
    });

    /// <summary>
    /// The sandbox organization and its active, verified <c>sandbox@stytch.com</c> member, made on first use (inferred:
    /// Stytch's test projects have them without set-up); under the store's lock.
    /// </summary>
    private (StytchOrganization Organization, StytchMember Member) SandboxMember(DateTimeOffset now)
    {
        var organization = _organizations.Table.ById(B2BMagicLinkSandbox.OrganizationId);
        if (organization is null)
        {
            organization = OrganizationRules.Draft(new OrganizationFields { OrganizationName = B2BMagicLinkSandbox.OrganizationName }, now) with
            {
                OrganizationId = B2BMagicLinkSandbox.OrganizationId,
                OrganizationSlug = OrganizationRules.SlugFor(B2BMagicLinkSandbox.OrganizationName, _organizations.Table),
            };
            _organizations.Table.Add(organization);
        }

        var member = _members.WithEmail(organization, B2BMagicLinkSandbox.Email);
        if (member is null || member.Status != MemberStatus.Active)
        {
            member = _members.Verify(member ?? _members.Add(organization, B2BMagicLinkSandbox.Email, MemberStatus.Active, now), now);
        }

        return (organization, member);
    }

    /// <summary>
    /// The organization's <c>email_invites</c> setting: <c>ALL_ALLOWED</c> lets anyone in, <c>RESTRICTED</c> only
    /// addresses of its allowed domains, <c>NOT_ALLOWED</c> nobody (stytch.com/docs/b2b/api/org-auth-settings).
    /// </summary>
    private static void CheckInvitesAllowed(StytchOrganization organization, string email)
    {
        var allowed = organization.EmailInvites switch
        {
            "ALL_ALLOWED" => true,
            "RESTRICTED" => organization.EmailAllowedDomains.Contains(OrganizationRules.DomainOf(email), StringComparer.Ordinal),
            _ => false,
        };
        if (!allowed)
        {
            throw new StytchException(StytchError.InvalidEmailForInvites);
        }
    }

    private void Send(StytchMember member, MessageKind kind, string redirectUrl, int minutes, string? pkceChallenge, string locale, DateTimeOffset now, B2BLinkTemplates templates)
    {
        var payload = new B2BLinkPayload(member.OrganizationId, member.MemberId, kind, string.IsNullOrEmpty(pkceChallenge) ? null : pkceChallenge);
        _store.SendLink(Purpose, TimeSpan.FromMinutes(minutes), new LinkEmail(member.EmailAddress, member.EmailId, kind, locale, redirectUrl, TokenType)
        {
            LoginTemplateId = templates.Login,
            SignupTemplateId = templates.Signup,
            InviteTemplateId = templates.Invite,
            OrganizationId = member.OrganizationId,
            MemberId = member.MemberId,
        }, now, payload: payload);
    }

    private void RemoveLinks(Func<B2BLinkPayload, bool> match)
    {
        foreach (var (token, secret) in _store.Secrets.Of(Purpose))
        {
            if (secret.Payload is B2BLinkPayload payload && match(payload))
            {
                _store.Secrets.Remove(KeyOf(token));
            }
        }
    }
}

/// <summary>The templates a send asked for, recorded on its message.</summary>
internal sealed record B2BLinkTemplates(string? Login, string? Signup, string? Invite);
