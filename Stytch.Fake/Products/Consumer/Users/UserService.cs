using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer.Users;

/// <summary>
/// The consumer users of a project (<c>/v1/users</c>, and the back doors that seed them), kept in the project's
/// <see cref="ProjectStore"/>. The other consumer products find and create users through it, inside their own
/// transactions.
/// </summary>
internal sealed class UserService
{
    private readonly ProjectStore _store;
    private readonly UserTable _users;

    public UserService(ProjectStore store)
    {
        _store = store;
        _users = store.Part<UserTable>();
    }

    private bool SandboxEnabled => !_store.Settings.Live;

    public int Count => _store.Transact(() => _users.Count);

    /// <summary><c>GET /v1/users/{user_id}</c>.</summary>
    public StytchUser Get(string? userId)
    {
        CheckUserId(userId);
        return _store.Transact(() =>
        {
            EnsureSandboxUser(userId!);
            return Require(userId!).ToPublic();
        });
    }

    /// <summary>Every user, oldest first.</summary>
    public IReadOnlyList<StytchUser> List() => _store.Transact(() => _users.All.Select(u => u.ToPublic()).ToArray());

    /// <summary><c>DELETE /v1/users/{user_id}</c>: the user, their codes and their sessions go.</summary>
    public string Delete(string? userId)
    {
        CheckUserId(userId);
        return _store.Transact(() =>
        {
            var user = Require(userId!);
            _users.Remove(user);
            _store.Secrets.RemoveWhere(k => k.Subject == user.EmailId);
            _store.Sessions.RemoveOwnedBy(user.UserId);
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

            return Add(normalized, pending, _store.Clock.Now).ToPublic();
        });
    }

    /// <summary>The user with this id; under the store's lock.</summary>
    /// <exception cref="StytchException"><c>user_not_found</c>.</exception>
    public UserRecord Require(string userId) => _users.ById(userId) ?? throw new StytchException(StytchError.UserNotFound);

    /// <summary>The user with this id, or null; under the store's lock.</summary>
    public UserRecord? ById(string userId) => _users.ById(userId);

    /// <summary>The user with this (normalised) email, or null; under the store's lock.</summary>
    public UserRecord? ByEmail(string email) => _users.ByEmail(email);

    /// <summary>The user whose email has this id, or null; the sandbox user is made on first use. Under the store's lock.</summary>
    public UserRecord? ByEmailId(string emailId)
    {
        if (emailId == Sandbox.EmailId)
        {
            EnsureSandboxUser(Sandbox.UserId);
        }

        return _users.ByEmailId(emailId);
    }

    /// <summary>Adds a new user; under the store's lock.</summary>
    public UserRecord Add(string email, bool pending, DateTimeOffset now)
    {
        // The user id before the email id: a seeded project draws them in this order.
        var userId = _store.Ids.New("user");
        var user = new UserRecord(userId, email, _store.Ids.New("email"), pending ? "pending" : "active", now);
        _users.Add(user);
        return user;
    }

    /// <summary>Every user, oldest first, for a snapshot; under the store's lock.</summary>
    public IReadOnlyList<StytchUser> Export() => _users.All.Select(u => u.ToPublic()).ToArray();

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
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 128 || userId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '|')))
        {
            throw new StytchException(StytchError.InvalidUserId);
        }
    }

    // The sandbox user always exists on a test project, as on Stytch's test environment.
    private void EnsureSandboxUser(string userId)
    {
        if (SandboxEnabled && userId == Sandbox.UserId && _users.ById(Sandbox.UserId) is null)
        {
            _users.Add(new UserRecord(Sandbox.UserId, Sandbox.Email, Sandbox.EmailId, "active", _store.Clock.Now) { EmailVerified = true });
        }
    }
}
