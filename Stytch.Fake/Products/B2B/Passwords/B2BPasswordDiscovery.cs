using Stytch.Fake.Core;
using Stytch.Fake.Core.Passwords.Migration;
using Stytch.Fake.Products.B2B.Discovery;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Products.B2B.Passwords;

/// <summary>
/// Cross-organization passwords (<c>/v1/b2b/passwords/discovery/*</c>): a password proved for an email address before an
/// organization is named, ending in a discovery intermediate session with the organizations the address can reach.
/// </summary>
/// <remarks>
/// Stytch keeps one password per email address when cross-organization passwords are on
/// (stytch.com/docs/multi-tenant-auth/authentication/passwords/cross-org: "An email has a single password associated
/// with it"). The fake keeps passwords per member, so (inferred) the address's password is its members' passwords: a
/// discovery reset sets it on every live member with the address, and discovery authenticate accepts the password of any
/// of them.
/// </remarks>
internal sealed partial class B2BPasswordService
{
    /// <summary>The purpose of discovery reset tokens in <see cref="OneTimeSecrets"/>; the payload's subject is the email address.</summary>
    public const string DiscoveryResetPurpose = "b2b.discovery.password_reset";

    /// <summary>
    /// <c>POST /v1/b2b/passwords/discovery/authenticate</c>: the password of one of the address's members, verified under
    /// that member's lock (a wrong one counts on the oldest member with a password); answers a discovery intermediate
    /// session whose <c>password</c> factor names no email id until it is exchanged.
    /// </summary>
    public DiscoveryAuthenticated DiscoveryAuthenticate(string? emailAddress, string? password)
    {
        var email = Validate.Email(emailAddress);
        var checkedPassword = RequirePassword(password, "password");
        return _store.Transact(() =>
        {
            var withPassword = MembersWithEmail(email).Where(m => _store.FindPassword(m.MemberId) is not null).ToArray();
            if (withPassword.Length == 0)
            {
                throw new StytchException(StytchError.UnauthorizedCredentials);
            }

            var target = withPassword.FirstOrDefault(m => Matches(m.MemberId, checkedPassword)) ?? withPassword[0];
            var verdict = _store.VerifyPassword(target.MemberId, checkedPassword);
            if (verdict != PasswordVerdict.Match)
            {
                throw new StytchException(verdict == PasswordVerdict.MustReset ? StytchError.MemberResetPassword : StytchError.UnauthorizedCredentials);
            }

            var now = _store.Clock.Now;
            return _discovery.Begin(email, DiscoveryFactor(email, now), now);
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/passwords/discovery/email/reset/start</c>: a reset link for an address that has a member in some
    /// organization (else <c>member_not_found</c>, inferred as for the organization's reset start), on the reset_password
    /// redirect URL, marked <c>stytch_token_type=discovery</c> and <c>stytch_redirect_type=reset_password</c> (as Stytch's
    /// B2B UI reads a discovery reset link).
    /// </summary>
    public void DiscoveryResetStart(B2BDiscoveryResetStartCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var email = Validate.Email(command.EmailAddress);
        var locale = Validate.Locale(command.Locale);
        var minutes = PasswordResets.Minutes(command.ResetPasswordExpirationMinutes);
        _store.Transact(() =>
        {
            if (!MembersWithEmail(email).Any())
            {
                throw new StytchException(StytchError.MemberNotFound);
            }

            if (!string.IsNullOrEmpty(command.DiscoveryRedirectUrl))
            {
                _store.RedirectUrls.Resolve(RedirectUrlType.Discovery, command.DiscoveryRedirectUrl, RedirectUrlFields.B2BDiscovery);
            }

            var challenge = string.IsNullOrEmpty(command.PkceCodeChallenge) ? null : command.PkceCodeChallenge;
            _store.SendReset(DiscoveryResetPurpose, command.ResetPasswordRedirectUrl, minutes,
                url => new LinkEmail(email, "", MessageKind.PasswordReset, locale, WithRedirectType(url), DiscoveryService.TokenType),
                new PasswordResetPayload(email, "", challenge), RequestAttributes.None, _store.Clock.Now);
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/passwords/discovery/email/reset</c>: the token works once, before it expires; the new password must
    /// pass the strength check (a refused one leaves the token usable) and becomes the password of every live member
    /// with the address, whose address is now verified (the link reached it) and whose other sessions are revoked
    /// (inferred, as for the organization's reset); answers a discovery intermediate session.
    /// </summary>
    public DiscoveryAuthenticated DiscoveryResetByEmail(string? token, string? password, string? pkceCodeVerifier)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw Validate.BadRequest("password_reset_token is required.");
        }

        var checkedPassword = RequirePassword(password, "password");
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var reset = _store.ConsumeReset(DiscoveryResetPurpose, token, now, (_, payload) =>
            {
                Pkce.Check(payload.CodeChallenge, pkceCodeVerifier);
                if (!MembersWithEmail(payload.SubjectId).Any())
                {
                    throw new StytchException(StytchError.MemberNotFound);
                }

                _store.CheckPasswordStrength(checkedPassword, payload.SubjectId, checkBreach: true).ThrowIfWeak();
            });
            foreach (var member in MembersWithEmail(reset.SubjectId).ToArray())
            {
                var verified = member with { EmailAddressVerified = true, UpdatedAt = now };
                _members.Table.Replace(member, verified);
                SetPassword(verified, checkedPassword, now);
                RevokeOtherSessions(member.MemberId, keepSessionId: null, now);
            }

            return _discovery.Begin(reset.SubjectId, DiscoveryFactor(reset.SubjectId, now), now);
        });
    }

    /// <summary>The live members with <paramref name="email"/>, oldest organization first; under the store's lock.</summary>
    private IEnumerable<StytchMember> MembersWithEmail(string email) =>
        _organizations.Table.All
            .Select(o => _members.WithEmail(o, email))
            .OfType<StytchMember>()
            .Where(m => m.Status != MemberStatus.Deleted);

    /// <summary>Whether <paramref name="password"/> is the member's, looked at without counting a failure or rehashing.</summary>
    private bool Matches(string memberId, string password)
    {
        if (_store.FindPassword(memberId) is not { } stored)
        {
            return false;
        }

        var migrated = LegacyHashText.Read(stored.Hash);
        return migrated is null ? PasswordHasher.Verify(password, stored.Hash) : LegacyHashes.Verify(migrated, password);
    }

    /// <summary>A <c>password</c> factor for the address; its email id is filled in when the session is exchanged.</summary>
    private static AuthenticationFactor DiscoveryFactor(string email, DateTimeOffset now) =>
        AuthenticationFactor.Of(FactorKind.Password, new FactorEmail("", email), null, "", now, now)!;

    /// <summary>The reset URL with <c>stytch_redirect_type=reset_password</c> in its query (before any fragment).</summary>
    private static string WithRedirectType(string url)
    {
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var head = fragment < 0 ? url : url[..fragment];
        var separator = head.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{head}{separator}stytch_redirect_type=reset_password{(fragment < 0 ? "" : url[fragment..])}";
    }
}
