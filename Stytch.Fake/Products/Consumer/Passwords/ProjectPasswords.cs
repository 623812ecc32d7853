using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.Passwords;

namespace Stytch.Fake;

/// <summary>
/// A project's password rules and passwords, in process: <c>project.Passwords</c>. The policy and the breached list
/// apply to consumer users and B2B members alike; a project reset puts back Stytch's defaults.
/// </summary>
public sealed class ProjectPasswords
{
    private readonly ProjectStore _store;
    private readonly PasswordService _consumer;

    internal ProjectPasswords(ProjectStore store, PasswordService consumer)
    {
        _store = store;
        _consumer = consumer;
    }

    /// <summary>The strength, breach and lock rules; setting one checks its ranges first.</summary>
    /// <exception cref="StytchException">A setting is out of range (<c>invalid_password_strength_luds_length</c>, …).</exception>
    public PasswordPolicy Policy
    {
        get => _store.Transact(() => _store.PasswordSettings().Policy);
        set => _store.Transact(() => _store.PasswordSettings().SetPolicy(value));
    }

    /// <summary>Counts <paramref name="password"/> as breached, beside the fake's built-in list, until the project is reset.</summary>
    public void AddBreached(string password) => _store.Transact(() => _store.PasswordSettings().AddBreached(password));

    /// <summary>Sets a consumer user's password without a reset flow (strength rules apply).</summary>
    /// <exception cref="StytchException">No such user, or the password is weak (<c>weak_password</c>).</exception>
    public void SetForUser(string userId, string password) => _consumer.SetForUser(userId, password);

    /// <summary>Whether a user or member (by id) is locked out by repeated failed attempts now, on the project clock.</summary>
    public bool IsLocked(string userOrMemberId) => _store.Transact(() => _store.Part<PasswordLockouts>().IsLocked(userOrMemberId, _store.Clock.Now));

    /// <summary>Lifts the lock of a user or member and forgets their failed attempts, as Stytch's dashboard can.</summary>
    public void Unlock(string userOrMemberId) => _store.Transact(() => _store.Part<PasswordLockouts>().Forget(userOrMemberId));
}
