namespace Stytch.Fake.Snapshots;

/// <summary>The consumer-user part of <see cref="SnapshotMapping"/>.</summary>
internal static class SnapshotUserMapping
{
    public static SnapshotUser From(StytchUser u) => new(
        u.UserId,
        [.. u.Emails.Select(e => new SnapshotUserEmail(e.EmailId, e.Email, e.Verified))],
        [.. u.PhoneNumbers.Select(p => new SnapshotUserPhone(p.PhoneId, p.PhoneNumber, p.Verified))],
        new SnapshotUserName(u.Name.FirstName, u.Name.MiddleName, u.Name.LastName),
        u.Status,
        SnapshotMapping.Element(u.TrustedMetadata),
        SnapshotMapping.Element(u.UntrustedMetadata),
        u.ExternalId,
        u.PasswordId,
        u.PasswordRequiresReset,
        u.CreatedAt,
        u.UpdatedAt);

    public static StytchUser To(SnapshotUser u)
    {
        var first = u.Emails.Count > 0 ? u.Emails[0] : null;
        return new StytchUser(u.UserId, first?.Email ?? "", first?.EmailId ?? "", first?.Verified ?? false, u.Status, u.CreatedAt)
        {
            Emails = [.. u.Emails.Select(e => new StytchUserEmail(e.EmailId, e.Email, e.Verified))],
            PhoneNumbers = [.. u.PhoneNumbers.Select(p => new StytchUserPhone(p.PhoneId, p.PhoneNumber, p.Verified))],
            Name = new StytchUserName(u.Name.FirstName, u.Name.MiddleName, u.Name.LastName),
            TrustedMetadata = SnapshotMapping.ObjectText(u.TrustedMetadata, "trusted_metadata"),
            UntrustedMetadata = SnapshotMapping.ObjectText(u.UntrustedMetadata, "untrusted_metadata"),
            ExternalId = u.ExternalId,
            PasswordId = u.PasswordId,
            PasswordRequiresReset = u.PasswordRequiresReset,
            UpdatedAt = u.UpdatedAt,
        };
    }
}
