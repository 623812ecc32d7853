using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B.Mfa;

/// <summary>
/// The SMS codes of B2B MFA: one live code per member, a one-time secret of the project's store keyed by organization
/// and member, sent through the outbox on channel <c>sms</c> with kind <c>mfa</c>. Shared by the login gate (which sends
/// one after a primary factor) and <c>/v1/b2b/otps/sms/*</c>.
/// </summary>
internal static class MfaSmsCodes
{
    /// <summary>The purpose of B2B MFA SMS codes in <see cref="OneTimeSecrets"/>; the subject is organization and member.</summary>
    public const string Purpose = "b2b.sms_otp";

    /// <summary>
    /// How long a code lives: two minutes (the spec, <c>/v1/b2b/otps/sms/send</c>: "OTP codes expire after two
    /// minutes"); a newer code replaces it.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>The secret key of <paramref name="memberId"/>'s code.</summary>
    public static SecretKey KeyOf(string organizationId, string memberId) => new(Purpose, organizationId + "\n" + memberId);

    /// <summary>Sends a new code to <paramref name="phoneNumber"/> for <paramref name="member"/>; under the store's lock.</summary>
    public static void Send(ProjectStore store, StytchMember member, string phoneNumber, string locale, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(member);
        store.SendCode(KeyOf(member.OrganizationId, member.MemberId), Lifetime, new CodeText(DeliveryChannel.Sms, phoneNumber, member.MemberId, MessageKind.Mfa, locale)
        {
            OrganizationId = member.OrganizationId,
            MemberId = member.MemberId,
        }, now);
    }

    /// <summary>Drops every code of the organization's members (the organization goes); under the store's lock.</summary>
    public static void RemoveAllOf(ProjectStore store, string organizationId)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Secrets.RemoveWhere(k => k.Purpose == Purpose && k.Subject.StartsWith(organizationId + "\n", StringComparison.Ordinal));
    }
}
