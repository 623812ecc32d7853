namespace Stytch.Fake;

// A user as the engine holds it. Its metadata are kept as JSON object text, verbatim: the engine never parses JSON,
// the HTTP layer checks and renders it. Roles live with the project's RBAC state and are copied in when a user is read.

/// <summary>A consumer user as the engine holds it.</summary>
/// <param name="UserId">The <c>user-test-…</c> id.</param>
/// <param name="Email">The user's first email address (lower case), or empty for a user with none.</param>
/// <param name="EmailId">The <c>email-test-…</c> id of that address, or empty.</param>
/// <param name="EmailVerified">True once a code or link sent to that address was authenticated.</param>
/// <param name="Status"><c>active</c> or <c>pending</c>.</param>
/// <param name="CreatedAt">When the user was created, on the project clock.</param>
public sealed record StytchUser(
    string UserId,
    string Email,
    string EmailId,
    bool EmailVerified,
    string Status,
    DateTimeOffset CreatedAt)
{
    /// <summary>Every email address of the user, oldest first (Stytch's <c>emails</c>).</summary>
    public IReadOnlyList<StytchUserEmail> Emails { get; init; } =
        Email.Length == 0 ? [] : [new StytchUserEmail(EmailId, Email, EmailVerified)];

    /// <summary>Every phone number of the user, oldest first (Stytch's <c>phone_numbers</c>).</summary>
    public IReadOnlyList<StytchUserPhone> PhoneNumbers { get; init; } = [];

    /// <summary>The user's name; each part may be empty.</summary>
    public StytchUserName Name { get; init; } = StytchUserName.Empty;

    /// <summary>The trusted metadata as JSON object text.</summary>
    public string TrustedMetadata { get; init; } = "{}";

    /// <summary>The untrusted metadata as JSON object text.</summary>
    public string UntrustedMetadata { get; init; } = "{}";

    /// <summary>The project-unique external id, or empty; usable wherever Stytch takes a <c>user_id</c>.</summary>
    public string ExternalId { get; init; } = "";

    /// <summary>The roles explicitly assigned to the user (every user also has <c>stytch_user</c>).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The <c>password-test-…</c> id of the user's password, or empty when the user has none.</summary>
    public string PasswordId { get; init; } = "";

    /// <summary>Whether the user must reset the password before it authenticates again.</summary>
    public bool PasswordRequiresReset { get; init; }

    /// <summary>When the user was last changed, on the project clock.</summary>
    public DateTimeOffset UpdatedAt { get; init; } = CreatedAt;

    /// <summary>When the user's lock (too many wrong passwords in a row) started, or null when the user is not locked.</summary>
    public DateTimeOffset? LockCreatedAt { get; init; }

    /// <summary>When the user's lock ends, on the project clock, or null when the user is not locked.</summary>
    public DateTimeOffset? LockExpiresAt { get; init; }

    /// <summary>Whether the user was locked when read (Stytch's <c>is_locked</c>).</summary>
    public bool IsLocked => LockExpiresAt is not null;

    /// <summary>Value equality, the lists compared item by item.</summary>
    /// <param name="other">The user to compare with.</param>
    public bool Equals(StytchUser? other) =>
        other is not null
        && (UserId, Email, EmailId, EmailVerified, Status, CreatedAt, Name, TrustedMetadata, UntrustedMetadata, ExternalId, PasswordId, PasswordRequiresReset, UpdatedAt)
            == (other.UserId, other.Email, other.EmailId, other.EmailVerified, other.Status, other.CreatedAt, other.Name, other.TrustedMetadata, other.UntrustedMetadata, other.ExternalId, other.PasswordId, other.PasswordRequiresReset, other.UpdatedAt)
        && Emails.SequenceEqual(other.Emails) && PhoneNumbers.SequenceEqual(other.PhoneNumbers) && Roles.SequenceEqual(other.Roles);

    /// <summary>A hash of the user's id and status (enough for equal users to hash alike).</summary>
    public override int GetHashCode() => HashCode.Combine(UserId, Status, UpdatedAt);
}

/// <summary>One email address of a user.</summary>
/// <param name="EmailId">The <c>email-test-…</c> id: the <c>method_id</c> of email OTP.</param>
/// <param name="Email">The address, lower case.</param>
/// <param name="Verified">True once a code or link sent to it was authenticated.</param>
public sealed record StytchUserEmail(string EmailId, string Email, bool Verified);

/// <summary>One phone number of a user.</summary>
/// <param name="PhoneId">The <c>phone-number-test-…</c> id: the <c>method_id</c> of phone OTP.</param>
/// <param name="PhoneNumber">The number, E.164.</param>
/// <param name="Verified">True once a code sent to it was authenticated.</param>
public sealed record StytchUserPhone(string PhoneId, string PhoneNumber, bool Verified);

/// <summary>A user's name, as Stytch's <c>name</c> object; an absent part is empty.</summary>
/// <param name="FirstName">The first name.</param>
/// <param name="MiddleName">The middle name.</param>
/// <param name="LastName">The last name.</param>
public sealed record StytchUserName(string FirstName, string MiddleName, string LastName)
{
    /// <summary>No name at all.</summary>
    public static StytchUserName Empty { get; } = new("", "", "");
}
