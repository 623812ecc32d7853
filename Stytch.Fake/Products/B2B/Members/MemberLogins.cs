using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake.Products.B2B.Members;

/// <summary>
/// Whom an email login_or_signup reaches (email OTP and magic links alike), found and checked before anything changes.
/// </summary>
/// <param name="Organization">The organization.</param>
/// <param name="Email">The address, normalised.</param>
/// <param name="Existing">The organization's member with that address, or null when one will be JIT provisioned.</param>
/// <param name="Kind">Login for an active member; signup for a new, pending or invited one.</param>
internal sealed record EmailLogin(StytchOrganization Organization, string Email, StytchMember? Existing, MessageKind Kind);

internal sealed partial class MemberService
{
    /// <summary>
    /// The member <paramref name="email"/> logs in as, or the checks that let a new one in: the organization's email JIT
    /// provisioning rules. Active members get a login message; new, pending and invited members a signup message and
    /// keep their status until they authenticate. Changes nothing; under the store's lock.
    /// </summary>
    /// <exception cref="StytchException">A new member the organization's JIT provisioning rules refuse.</exception>
    public EmailLogin PlanEmailLogin(StytchOrganization organization, string email)
    {
        var existing = WithEmail(organization, email);
        if (existing is null)
        {
            _organizations.CheckJit(organization, email);
        }

        return new EmailLogin(organization, email, existing, existing?.Status == MemberStatus.Active ? MessageKind.Login : MessageKind.Signup);
    }

    /// <summary>The planned login's member: the existing one, or a new pending member (email JIT provisioning); under the store's lock.</summary>
    public StytchMember Admit(EmailLogin login, DateTimeOffset now) =>
        login.Existing ?? Add(login.Organization, login.Email, MemberStatus.Pending, now);

    /// <summary>
    /// <paramref name="existing"/> (pending or invited), or a new member with <paramref name="email"/>, now invited with the
    /// given fields; under the store's lock, after the caller's checks.
    /// </summary>
    public StytchMember Invite(StytchOrganization organization, StytchMember? existing, string email, MemberFields fields, DateTimeOffset now)
    {
        var current = existing ?? Add(organization, email, MemberStatus.Invited, now);
        var invited = MemberRules.Apply(current, fields) with { Status = MemberStatus.Invited, UpdatedAt = now };
        Table.Replace(current, invited);
        return invited;
    }
}
