using Stytch.Fake.Products.B2B.Totps;

namespace Stytch.Fake.Snapshots;

/// <summary>The B2B MFA part of the snapshot mapping: TOTP registrations with their recovery codes.</summary>
internal static class SnapshotMfaMapping
{
    public static SnapshotTotpRegistration From(TotpRegistration r) => new(
        r.RegistrationId, r.OrganizationId, r.MemberId, r.Secret, r.RecoveryCodes, r.Active, r.CreatedAt, r.ExpiresAt, r.LastUsedStep);

    public static TotpRegistration To(SnapshotTotpRegistration r) => new(
        r.TotpRegistrationId, r.OrganizationId, r.MemberId, r.Secret, r.RecoveryCodes, r.Active, r.CreatedAt, r.ExpiresAt, r.LastUsedStep);
}
