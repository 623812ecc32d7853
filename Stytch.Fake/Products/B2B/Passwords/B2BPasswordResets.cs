using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake.Products.B2B.Passwords;

internal sealed partial class B2BPasswordService
{
    /// <summary>The purpose of B2B password reset tokens in <see cref="OneTimeSecrets"/> (<see cref="PasswordResets"/>).</summary>
    public const string ResetPurpose = "b2b.password_reset";

    /// <summary>The <c>stytch_token_type</c> of a B2B reset link (Stytch's B2B SDKs' token types; consumer links carry <c>reset_password</c>).</summary>
    public const string ResetTokenType = "multi_tenant_passwords";

    /// <summary>
    /// <c>POST /v1/b2b/passwords/email/reset/start</c>: a reset link to the organization's member with that address, on
    /// the reset_password redirect URL, through the outbox (kind <c>password_reset</c>). An unknown address is
    /// <c>member_not_found</c> (inferred: Stytch's B2B UI sends non-members a login link instead of calling this).
    /// </summary>
    public B2BPasswordMember ResetStart(B2BPasswordResetStartCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        var email = Validate.Email(command.EmailAddress);
        var locale = Validate.Locale(command.Locale);
        var minutes = PasswordResets.Minutes(command.ResetPasswordExpirationMinutes);
        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(command.OrganizationId);
            var member = _members.WithEmail(organization, email) ?? throw new StytchException(StytchError.MemberNotFound);
            if (!string.IsNullOrEmpty(command.LoginRedirectUrl))
            {
                _store.RedirectUrls.Resolve(RedirectUrlType.Login, command.LoginRedirectUrl, RedirectUrlFields.B2BLogin);
            }

            var challenge = string.IsNullOrEmpty(command.CodeChallenge) ? null : command.CodeChallenge;
            _store.SendReset(ResetPurpose, command.ResetPasswordRedirectUrl, minutes,
                url => new LinkEmail(member.EmailAddress, member.EmailId, MessageKind.PasswordReset, locale, url, ResetTokenType)
                {
                    OrganizationId = member.OrganizationId,
                    MemberId = member.MemberId,
                },
                new PasswordResetPayload(member.MemberId, member.EmailId, challenge), RequestAttributes.None, _store.Clock.Now);
            return new B2BPasswordMember(member, organization, MemberCreated: false);
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/passwords/email/reset</c>: the token works once, before it expires on the clock; the new password
    /// must pass the strength check (a refused one leaves the token usable); the member becomes active with a verified
    /// address (the link reached it), every other session of theirs is revoked (the spec), and a session with a
    /// <c>password</c> factor is started or extended, through the login gate (so MFA may be asked for instead). The gate
    /// is asked before the token is used: a refused login leaves it usable.
    /// </summary>
    public B2BLogin ResetByEmail(B2BPasswordEmailResetCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.PasswordResetToken))
        {
            throw Validate.BadRequest("password_reset_token is required.");
        }

        var password = RequirePassword(command.Password, "password");
        CheckSession(command.Session);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var intermediate = _gate.FindIntermediate(command.Session.IntermediateSessionToken, now);
            var found = _sessions.FindToExtend(command.Session.SessionToken, command.Session.SessionId, now);
            LoginAttempt? attempt = null;
            _store.ConsumeReset(ResetPurpose, command.PasswordResetToken, now, (_, payload) =>
            {
                Pkce.Check(payload.CodeChallenge, command.CodeVerifier);
                var target = _members.RequireLive(payload.SubjectId);
                _store.CheckPasswordStrength(password, target.EmailAddress, checkBreach: true).ThrowIfWeak();
                attempt = AttemptOf(target, _organizations.ById(target.OrganizationId), found, intermediate, command.Session, now);
                _gate.Check(attempt);
            });
            var member = SetPassword(_members.Verify(attempt!.Member, now), password, now);
            return Finish(attempt with { Member = member }, now, revokeOthers: true);
        });
    }

    private void RemoveResets(Func<StytchMember, bool> match)
    {
        foreach (var (_, _, payload) in _store.ResetsOf(ResetPurpose))
        {
            if (_members.Table.ById(payload.SubjectId) is { } member && match(member))
            {
                _store.ForgetResets(ResetPurpose, member.MemberId);
            }
        }
    }
}
