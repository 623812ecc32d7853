using Stytch.Fake.Core;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.Consumer.Users;

// Making and changing users over /v1/users: every check before the first change, all in one transaction.
internal sealed partial class UserService
{
    /// <summary>
    /// <c>POST /v1/users</c>: a user with an email and/or a phone number ("An <c>email</c> or a <c>phone_number</c> is
    /// required", the operation's description), active or pending.
    /// </summary>
    /// <exception cref="StytchException"><c>invalid_email</c>, <c>invalid_phone_number</c>, <c>bad_request</c>, <c>duplicate_email</c>, <c>duplicate_phone_number</c> or <c>duplicate_user_external_id</c>.</exception>
    public UserCreated Create(UserFields fields, bool pending)
    {
        var email = string.IsNullOrEmpty(fields.Email) ? null : Validate.Email(fields.Email);
        var phone = string.IsNullOrEmpty(fields.PhoneNumber) ? null : E164.Check(fields.PhoneNumber);
        if (email is null && phone is null)
        {
            throw Validate.BadRequest("An email or a phone_number is required.");
        }

        CheckFields(fields);
        return _store.Transact(() =>
        {
            if (email is not null && _users.ByEmail(email) is not null)
            {
                throw new StytchException(StytchError.DuplicateEmail);
            }

            if (phone is not null && _users.ByPhone(phone) is not null)
            {
                throw new StytchException(StytchError.DuplicatePhoneNumber);
            }

            CheckExternalIdFree(fields.ExternalId, null);
            var trusted = fields.TrustedMetadata?.Invoke("{}") ?? "{}";
            var untrusted = fields.UntrustedMetadata?.Invoke("{}") ?? "{}";

            var now = _store.Clock.Now;
            var user = email is not null ? Add(email, pending, now) : AddWithPhone(phone!, pending, now);
            var phoneId = phone is null ? "" : email is null ? user.Phones[0].PhoneId : AddPhone(user, phone, now).PhoneId;
            user.UpdatedAt = now;
            Apply(user, fields, trusted, untrusted);
            return new UserCreated(Public(user), email is null ? "" : user.EmailId, phoneId);
        });
    }

    /// <summary><c>PUT /v1/users/{user_id}</c> (the id or the external id): name, metadata (as merged by the caller), external id and roles.</summary>
    /// <exception cref="StytchException"><c>invalid_user_id</c>, <c>user_not_found</c>, <c>bad_request</c> or <c>duplicate_user_external_id</c>.</exception>
    public StytchUser Update(string? userId, UserFields fields)
    {
        CheckUserId(userId);
        CheckFields(fields);
        return _store.Transact(() =>
        {
            var user = Resolve(userId!);
            CheckExternalIdFree(fields.ExternalId, user);
            var trusted = fields.TrustedMetadata?.Invoke(user.TrustedMetadata) ?? user.TrustedMetadata;
            var untrusted = fields.UntrustedMetadata?.Invoke(user.UntrustedMetadata) ?? user.UntrustedMetadata;

            Apply(user, fields, trusted, untrusted);
            user.UpdatedAt = _store.Clock.Now;
            return Public(user);
        });
    }

    /// <summary><c>DELETE /v1/users/emails/{email_id}</c>: the address leaves its user, with its codes.</summary>
    /// <exception cref="StytchException"><c>invalid_email_id</c> or <c>email_not_found</c>.</exception>
    public StytchUser DeleteEmail(string? emailId)
    {
        if (!Validate.IsId(emailId, "email"))
        {
            throw new StytchException(StytchError.InvalidEmailId);
        }

        return _store.Transact(() =>
        {
            var user = _users.ByEmailId(emailId!) ?? throw new StytchException(StytchError.EmailNotFound);
            _users.RemoveEmail(user, user.EmailById(emailId!)!);
            _store.Secrets.RemoveWhere(k => k.Subject == emailId);
            user.UpdatedAt = _store.Clock.Now;
            return Public(user);
        });
    }

    /// <summary><c>DELETE /v1/users/phone_numbers/{phone_id}</c>: the number leaves its user, with its codes.</summary>
    /// <exception cref="StytchException"><c>phone_number_not_found</c>.</exception>
    public StytchUser DeletePhone(string? phoneId) =>
        _store.Transact(() =>
        {
            var user = (phoneId is null ? null : _users.ByPhoneId(phoneId)) ?? throw new StytchException(StytchError.PhoneNumberNotFound);
            RemovePhone(user, user.PhoneById(phoneId!)!, _store.Clock.Now);
            return Public(user);
        });

    /// <summary><c>DELETE /v1/users/{user_id}/external_id</c>: the user keeps its id and loses its external id.</summary>
    /// <exception cref="StytchException"><c>invalid_user_id</c> or <c>user_not_found</c>.</exception>
    public StytchUser DeleteExternalId(string? userId)
    {
        CheckUserId(userId);
        return _store.Transact(() =>
        {
            var user = Resolve(userId!);
            _users.SetExternalId(user, "");
            user.UpdatedAt = _store.Clock.Now;
            return Public(user);
        });
    }

    /// <summary>Takes <paramref name="phone"/> off <paramref name="user"/>, with its codes (no checks); under the store's lock.</summary>
    public void RemovePhone(UserRecord user, StytchUserPhone phone, DateTimeOffset now)
    {
        _users.RemovePhone(user, phone);
        _store.Secrets.RemoveWhere(k => k.Subject == phone.PhoneId);
        user.UpdatedAt = now;
    }

    private static void CheckFields(UserFields fields)
    {
        if (fields.ExternalId is { Length: > 0 } externalId && !IsUserIdShaped(externalId))
        {
            throw Validate.BadRequest($"external_id must be 1 to 128 letters, digits, '.', '_', '|' or '-', not '{Validate.Clip(externalId)}'.");
        }

        if (fields.Roles?.Any(string.IsNullOrWhiteSpace) == true)
        {
            throw Validate.BadRequest("roles must be role ids: an empty or blank one is not.");
        }
    }

    // External ids are unique in the project; an external id that is another user's id would make user_id ambiguous
    // (inferred: Stytch's ids have a prefix no external id is likely to copy).
    private void CheckExternalIdFree(string? externalId, UserRecord? current)
    {
        if (!string.IsNullOrEmpty(externalId) && externalId != current?.ExternalId
            && (_users.ByExternalId(externalId) is not null || _users.ById(externalId) is not null))
        {
            throw new StytchException(StytchError.DuplicateUserExternalId);
        }
    }

    private void Apply(UserRecord user, UserFields fields, string trusted, string untrusted)
    {
        if (fields.Name is { } name)
        {
            user.Name = new StytchUserName(
                name.FirstName ?? user.Name.FirstName, name.MiddleName ?? user.Name.MiddleName, name.LastName ?? user.Name.LastName);
        }

        user.TrustedMetadata = trusted;
        user.UntrustedMetadata = untrusted;
        if (!string.IsNullOrEmpty(fields.ExternalId))
        {
            _users.SetExternalId(user, fields.ExternalId);
        }

        if (fields.Roles is { } roles)
        {
            Roles.Set(user.UserId, [.. roles.Distinct(StringComparer.Ordinal)]);
        }
    }
}
