using Stytch.Fake.Core;

namespace Stytch.Fake.Products.B2B.Totps;

/// <summary>
/// A member's TOTP registration: its shared secret (base32, as authenticator apps take it), its unused recovery codes,
/// and whether a code of it was authenticated yet (then it is the member's active registration).
/// </summary>
/// <param name="RegistrationId">The <c>totp_registration_id</c>.</param>
/// <param name="OrganizationId">The member's organization.</param>
/// <param name="MemberId">The member.</param>
/// <param name="Secret">The shared secret, base32 without padding.</param>
/// <param name="RecoveryCodes">The recovery codes not used yet.</param>
/// <param name="Active">True once a code was authenticated.</param>
/// <param name="CreatedAt">When it was created, on the project clock.</param>
/// <param name="ExpiresAt">When a registration not yet active stops working.</param>
/// <param name="LastUsedStep">The RFC 6238 time step of the last code authenticated, so a code works once; -1 for none.</param>
internal sealed record TotpRegistration(
    string RegistrationId,
    string OrganizationId,
    string MemberId,
    string Secret,
    IReadOnlyList<string> RecoveryCodes,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    long LastUsedStep);

/// <summary>The project's TOTP registrations, one per member (<c>store.Part&lt;TotpTable&gt;()</c>); under the store's lock.</summary>
internal sealed class TotpTable : IStorePart
{
    private readonly Dictionary<string, TotpRegistration> _byMember = new(StringComparer.Ordinal);

    /// <summary>Every registration.</summary>
    public IReadOnlyCollection<TotpRegistration> All => _byMember.Values;

    /// <summary>The member's registration, active or pending, or null.</summary>
    public TotpRegistration? Of(string memberId) => _byMember.GetValueOrDefault(memberId);

    /// <summary>Adds or replaces the member's registration.</summary>
    public TotpRegistration Put(TotpRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        _byMember[registration.MemberId] = registration;
        return registration;
    }

    /// <summary>Drops the member's registration.</summary>
    public void Remove(string memberId) => _byMember.Remove(memberId);

    /// <inheritdoc/>
    public void Clear() => _byMember.Clear();
}
