using Stytch.Fake.Core;
using Stytch.Fake.Core.Passwords.Migration;
using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake.Products.Consumer.Passwords;

// POST /v1/passwords/migrate: another system's hash for a user's email, verified on the first login and then rehashed.
internal sealed partial class PasswordService
{
    /// <summary>
    /// <c>POST /v1/passwords/migrate</c>: stores the checked hash for the user with that email, created when there is none
    /// (Stytch's migration guide: "create the user first, then migrate the password hash", so an existing user is kept).
    /// A user who has a password already is refused (the spec: migrate is for an email "that doesn't have a password yet").
    /// </summary>
    /// <remarks>
    /// The spec: <c>external_id</c> is set only "if a new user is created". Inferred: name, metadata, roles and the phone
    /// number update an existing user as <c>PUT /v1/users</c> would; a new user is active; an existing user keeps their
    /// status (a pending user becomes active on the first password login, as after any password login); the email and
    /// phone are verified only when <c>set_email_verified</c> / <c>set_phone_number_verified</c> say so.
    /// </remarks>
    /// <exception cref="StytchException">
    /// <c>invalid_email</c>, the hash's <c>invalid_*</c> types, <c>invalid_phone_number</c>, <c>bad_request</c>,
    /// <c>password_already_exists</c>, <c>duplicate_phone_number</c> or <c>duplicate_user_external_id</c>; nothing changes.
    /// </exception>
    public PasswordMigrated Migrate(PasswordMigrateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var address = Validate.Email(command.Email);
        var hash = LegacyHashes.Check(command.Hash);
        var phone = string.IsNullOrEmpty(command.PhoneNumber) ? null : E164.Check(command.PhoneNumber);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var user = _users.ByEmail(address);
            if (user is not null && _store.FindPassword(user.UserId) is not null)
            {
                throw new StytchException(StytchError.PasswordAlreadyExists);
            }

            if (phone is not null && _users.ByPhone(phone) is { } owner && owner.UserId != user?.UserId)
            {
                throw new StytchException(StytchError.DuplicatePhoneNumber);
            }

            // Create and Update check all their fields before they change anything, so one of them failing leaves no trace.
            var created = user is null;
            if (user is null)
            {
                var made = _users.Create(command.Fields with { Email = address, PhoneNumber = phone }, pending: false);
                user = _users.Require(made.User.UserId);
            }
            else
            {
                _users.Update(user.UserId, command.Fields with { Email = null, PhoneNumber = null, ExternalId = null });
                if (phone is not null)
                {
                    _users.AddPhone(user, phone, now);
                }
            }

            var email = user.EmailOf(address)!;
            if (command.SetEmailVerified)
            {
                user.VerifyEmail(email.EmailId);
            }

            if (phone is not null && command.SetPhoneNumberVerified)
            {
                user.VerifyPhone(user.PhoneOf(phone)!.PhoneId);
            }

            user.PasswordId = _store.PutPassword(user.UserId, LegacyHashText.Write(hash)).PasswordId;
            user.PasswordRequiresReset = false;
            user.UpdatedAt = now;
            return new PasswordMigrated(_users.Public(user), email.EmailId, created);
        });
    }
}

/// <summary>What <c>passwords/migrate</c> is asked to do.</summary>
internal sealed record PasswordMigrateCommand
{
    /// <summary>The user's email.</summary>
    public required string? Email { get; init; }
    /// <summary>The hash with its type and parameters, unchecked.</summary>
    public required LegacyHash Hash { get; init; }
    /// <summary>A phone number (E.164) to add to the user; null or empty for none.</summary>
    public string? PhoneNumber { get; init; }
    /// <summary>Marks the email verified.</summary>
    public bool SetEmailVerified { get; init; }
    /// <summary>Marks the phone number verified.</summary>
    public bool SetPhoneNumberVerified { get; init; }
    /// <summary>Name, metadata, external id (new users only) and roles, as <c>/v1/users</c> takes them.</summary>
    public UserFields Fields { get; init; } = new();
}

/// <summary>The answer of <c>passwords/migrate</c>.</summary>
/// <param name="User">The user, with their password id.</param>
/// <param name="EmailId">The id of the migrated email.</param>
/// <param name="UserCreated">Whether the user was made by this call.</param>
internal sealed record PasswordMigrated(StytchUser User, string EmailId, bool UserCreated);
