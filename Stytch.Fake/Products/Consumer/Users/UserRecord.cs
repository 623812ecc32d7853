namespace Stytch.Fake.Products.Consumer.Users;

/// <summary>
/// A consumer user as the engine keeps it: changed in place, under the store's lock. Its emails and phone numbers are
/// indexed by <see cref="UserTable"/>, so they change only through the table.
/// </summary>
internal sealed class UserRecord
{
    private readonly List<StytchUserEmail> _emails = [];
    private readonly List<StytchUserPhone> _phones = [];

    public UserRecord(string userId, string status, DateTimeOffset createdAt)
    {
        UserId = userId;
        Status = status;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public string UserId { get; }

    public string Status { get; set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; set; }

    public StytchUserName Name { get; set; } = StytchUserName.Empty;

    public string TrustedMetadata { get; set; } = "{}";

    public string UntrustedMetadata { get; set; } = "{}";

    /// <summary>The external id, or empty; set through <see cref="UserTable.SetExternalId"/>, which indexes it.</summary>
    public string ExternalId { get; internal set; } = "";

    /// <summary>The password's id, or empty for none (the passwords product sets it).</summary>
    public string PasswordId { get; set; } = "";

    public bool PasswordRequiresReset { get; set; }

    public IReadOnlyList<StytchUserEmail> Emails => _emails;

    public IReadOnlyList<StytchUserPhone> Phones => _phones;

    /// <summary>The first email address, or empty.</summary>
    public string Email => _emails.Count > 0 ? _emails[0].Email : "";

    /// <summary>The first email's id, or empty.</summary>
    public string EmailId => _emails.Count > 0 ? _emails[0].EmailId : "";

    /// <summary>The email with this address, or null.</summary>
    public StytchUserEmail? EmailOf(string email) => _emails.Find(e => e.Email == email);

    /// <summary>The email with this id, or null.</summary>
    public StytchUserEmail? EmailById(string emailId) => _emails.Find(e => e.EmailId == emailId);

    /// <summary>The phone with this number, or null.</summary>
    public StytchUserPhone? PhoneOf(string phoneNumber) => _phones.Find(p => p.PhoneNumber == phoneNumber);

    /// <summary>The phone with this id, or null.</summary>
    public StytchUserPhone? PhoneById(string phoneId) => _phones.Find(p => p.PhoneId == phoneId);

    /// <summary>Marks the email with this id verified (nothing when the user has no such email).</summary>
    public void VerifyEmail(string emailId) => Replace(_emails, e => e.EmailId == emailId, e => e with { Verified = true });

    /// <summary>Marks the phone with this id verified (nothing when the user has no such phone).</summary>
    public void VerifyPhone(string phoneId) => Replace(_phones, p => p.PhoneId == phoneId, p => p with { Verified = true });

    internal void AddEmail(StytchUserEmail email) => _emails.Add(email);

    internal void RemoveEmail(StytchUserEmail email) => _emails.Remove(email);

    internal void AddPhone(StytchUserPhone phone) => _phones.Add(phone);

    internal void RemovePhone(StytchUserPhone phone) => _phones.Remove(phone);

    /// <summary>The record of a snapshot's (or seed's) user, its emails and phones not yet indexed.</summary>
    public static UserRecord From(StytchUser user)
    {
        var record = new UserRecord(user.UserId, user.Status, user.CreatedAt)
        {
            UpdatedAt = user.UpdatedAt,
            Name = user.Name,
            TrustedMetadata = user.TrustedMetadata,
            UntrustedMetadata = user.UntrustedMetadata,
            ExternalId = user.ExternalId,
            PasswordId = user.PasswordId,
            PasswordRequiresReset = user.PasswordRequiresReset,
        };
        record._emails.AddRange(user.Emails);
        record._phones.AddRange(user.PhoneNumbers);
        return record;
    }

    /// <summary>The user as the public API shows it, with the roles the RBAC state gives it.</summary>
    public StytchUser ToPublic(IReadOnlyList<string> roles)
    {
        var first = _emails.Count > 0 ? _emails[0] : null;
        return new StytchUser(UserId, first?.Email ?? "", first?.EmailId ?? "", first?.Verified ?? false, Status, CreatedAt)
        {
            Emails = [.. _emails],
            PhoneNumbers = [.. _phones],
            Name = Name,
            TrustedMetadata = TrustedMetadata,
            UntrustedMetadata = UntrustedMetadata,
            ExternalId = ExternalId,
            Roles = roles,
            PasswordId = PasswordId,
            PasswordRequiresReset = PasswordRequiresReset,
            UpdatedAt = UpdatedAt,
        };
    }

    private static void Replace<T>(List<T> items, Predicate<T> match, Func<T, T> change)
    {
        var index = items.FindIndex(match);
        if (index >= 0)
        {
            items[index] = change(items[index]);
        }
    }
}
