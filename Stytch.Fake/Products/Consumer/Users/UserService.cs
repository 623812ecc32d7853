using Stytch.Fake.Core;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.Consumer.Users;

/// <summary>
/// The consumer users of a project (<c>/v1/users</c>, and the back doors that seed them), kept in the project's
/// <see cref="ProjectStore"/>. The other consumer products find and create users through it, inside their own
/// transactions.
/// </summary>
internal sealed partial class UserService
{
    private readonly ProjectStore _store;
    private readonly UserTable _users;

    public UserService(ProjectStore store)
    {
        _store = store;
        _users = store.Part<UserTable>();
    }

    private bool SandboxEnabled => !_store.Settings.Live;

    private UserRoleTable Roles => _store.Part<UserRoleTable>();

    public int Count => _store.Transact(() => _users.Count);

    /// <summary><c>GET /v1/users/{user_id}</c>; the id may be the user's external id, as the spec allows.</summary>
    public StytchUser Get(string? userId)
    {
        CheckUserId(userId);
        return _store.Transact(() =>
        {
            EnsureSandboxUser(userId!);
            return Public(Resolve(userId!));
        });
    }

    /// <summary>Every user, oldest first.</summary>
    public IReadOnlyList<StytchUser> List() => _store.Transact(() => _users.All.Select(Public).ToArray());

    /// <summary>One page of the users, oldest first (the users back door).</summary>
    public Page<StytchUser> Page(int offset, int limit) => _store.Transact(() => Core.Page.Of(_users.All, offset, limit).Select(Public));

    /// <summary><c>DELETE /v1/users/{user_id}</c> (the id or the external id): the user, their codes, roles and sessions go.</summary>
    public string Delete(string? userId)
    {
        CheckUserId(userId);
        return _store.Transact(() =>
        {
            var user = Resolve(userId!);
            var methods = user.Emails.Select(e => e.EmailId).Concat(user.Phones.Select(p => p.PhoneId)).ToHashSet(StringComparer.Ordinal);
            _users.Remove(user);
            _store.Secrets.RemoveWhere(k => methods.Contains(k.Subject));
            _store.Sessions.RemoveOwnedBy(user.UserId);
            Roles.Set(user.UserId, []);
            _store.ForgetPassword(user.UserId);
            _store.ForgetResets(Passwords.PasswordService.ResetPurpose, user.UserId);
            return user.UserId;
        });
    }

    /// <summary>Creates a user directly, as a test's seed data; an existing email is refused.</summary>
    public StytchUser Create(string? email, bool pending)
    {
        var normalized = Validate.Email(email);
        return _store.Transact(() =>
        {
            if (_users.ByEmail(normalized) is not null)
            {
                throw new StytchException(StytchError.DuplicateEmail);
            }

            return Public(Add(normalized, pending, _store.Clock.Now));
        });
    }

    /// <summary>The user with this id; under the store's lock.</summary>
    /// <exception cref="StytchException"><c>user_not_found</c>.</exception>
    public UserRecord Require(string userId) => _users.ById(userId) ?? throw new StytchException(StytchError.UserNotFound);

    /// <summary>The user with this id or, failing that, this external id; under the store's lock.</summary>
    /// <exception cref="StytchException"><c>user_not_found</c>.</exception>
    public UserRecord Resolve(string userIdOrExternalId) =>
        _users.ById(userIdOrExternalId) ?? _users.ByExternalId(userIdOrExternalId) ?? throw new StytchException(StytchError.UserNotFound);

    /// <summary>The user with this id, or null; under the store's lock.</summary>
    public UserRecord? ById(string userId) => _users.ById(userId);

    /// <summary>The user with this (normalised) email, or null; under the store's lock.</summary>
    public UserRecord? ByEmail(string email) => _users.ByEmail(email);

    /// <summary>The user with this E.164 phone number, or null; under the store's lock.</summary>
    public UserRecord? ByPhone(string phoneNumber) => _users.ByPhone(phoneNumber);

    /// <summary>The user whose phone has this <c>phone-number-…</c> id, or null; under the store's lock.</summary>
    public UserRecord? ByPhoneId(string phoneId) => _users.ByPhoneId(phoneId);

    /// <summary>The user with this external id, or null; under the store's lock.</summary>
    public UserRecord? ByExternalId(string externalId) => _users.ByExternalId(externalId);

    /// <summary>The user whose email has this id, or null; the sandbox user is made on first use. Under the store's lock.</summary>
    public UserRecord? ByEmailId(string emailId)
    {
        if (emailId == Sandbox.EmailId)
        {
            EnsureSandboxUser(Sandbox.UserId);
        }

        return _users.ByEmailId(emailId);
    }

    /// <summary>Adds a new user with one email the caller checked is free; under the store's lock.</summary>
    public UserRecord Add(string email, bool pending, DateTimeOffset now)
    {
        // The user id before the email id: a seeded project draws them in this order.
        var user = New(pending, now);
        _users.Add(user);
        _users.AddEmail(user, new StytchUserEmail(_store.Ids.New("email"), email, false));
        return user;
    }

    /// <summary>Adds a new user with one E.164 phone number the caller checked is free; under the store's lock.</summary>
    public UserRecord AddWithPhone(string phoneNumber, bool pending, DateTimeOffset now)
    {
        var user = New(pending, now);
        _users.Add(user);
        _users.AddPhone(user, new StytchUserPhone(_store.Ids.New("phone-number"), phoneNumber, false));
        return user;
    }

    /// <summary>
    /// Gives <paramref name="user"/> the E.164 <paramref name="phoneNumber"/> (checked by the caller), or answers the
    /// one it has already; under the store's lock.
    /// </summary>
    /// <exception cref="StytchException"><c>duplicate_phone_number</c> when another user has it.</exception>
    public StytchUserPhone AddPhone(UserRecord user, string phoneNumber, DateTimeOffset now)
    {
        if (user.PhoneOf(phoneNumber) is { } own)
        {
            return own;
        }

        if (_users.ByPhone(phoneNumber) is not null)
        {
            throw new StytchException(StytchError.DuplicatePhoneNumber);
        }

        var phone = new StytchUserPhone(_store.Ids.New("phone-number"), phoneNumber, false);
        _users.AddPhone(user, phone);
        user.UpdatedAt = now;
        return phone;
    }

    /// <summary>
    /// Gives <paramref name="user"/> the normalised <paramref name="email"/>, or answers the one it has already; under
    /// the store's lock.
    /// </summary>
    /// <exception cref="StytchException"><c>duplicate_email</c> when another user has it.</exception>
    public StytchUserEmail AddEmail(UserRecord user, string email, DateTimeOffset now)
    {
        if (user.EmailOf(email) is { } own)
        {
            return own;
        }

        if (_users.ByEmail(email) is not null)
        {
            throw new StytchException(StytchError.DuplicateEmail);
        }

        var added = new StytchUserEmail(_store.Ids.New("email"), email, false);
        _users.AddEmail(user, added);
        user.UpdatedAt = now;
        return added;
    }

    /// <summary>The user as the public API shows it, with its roles and any password lock in force; under the store's lock.</summary>
    public StytchUser Public(UserRecord user)
    {
        var locked = _store.Part<PasswordLockouts>().LockOf(user.UserId, _store.Clock.Now);
        return user.ToPublic(Roles.Of(user.UserId)) with { LockCreatedAt = locked?.LockedAt, LockExpiresAt = locked?.LockedUntil };
    }

    /// <summary>Every user, oldest first, for a snapshot; under the store's lock.</summary>
    public IReadOnlyList<StytchUser> Export() => _users.All.Select(Public).ToArray();

    /// <summary>Puts back a snapshot's users into an empty store; under the store's lock.</summary>
    public void Load(IEnumerable<StytchUser> users)
    {
        foreach (var user in users)
        {
            _users.Add(UserRecord.From(user));
        }
    }

    public static void CheckUserId(string? userId)
    {
        if (!IsUserIdShaped(userId))
        {
            throw new StytchException(StytchError.InvalidUserId);
        }
    }

    /// <summary>Whether <paramref name="id"/> has the shape of a user id or an external id: 1 to 128 letters, digits, '-', '_', '.' or '|'.</summary>
    public static bool IsUserIdShaped(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '|');

    private UserRecord New(bool pending, DateTimeOffset now) => new(_store.Ids.New("user"), pending ? "pending" : "active", now);

    // The sandbox user always exists on a test project, as on Stytch's test environment.
    private void EnsureSandboxUser(string userId)
    {
        if (SandboxEnabled && userId == Sandbox.UserId && _users.ById(Sandbox.UserId) is null)
        {
            var user = new UserRecord(Sandbox.UserId, "active", _store.Clock.Now);
            _users.Add(user);
            _users.AddEmail(user, new StytchUserEmail(Sandbox.EmailId, Sandbox.Email, true));
        }
    }
}
