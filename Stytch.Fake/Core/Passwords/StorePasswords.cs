using Stytch.Fake.Core.Passwords.Migration;

namespace Stytch.Fake.Core;

/// <summary>What <see cref="StorePasswords.VerifyPassword"/> found; the product maps it to its own answer or error.</summary>
internal enum PasswordVerdict
{
    /// <summary>The password is right; the run of failures is over.</summary>
    Match,
    /// <summary>The password is wrong; the failure was counted (it may have started a lock).</summary>
    Mismatch,
    /// <summary>The subject has no password.</summary>
    NoPassword,
    /// <summary>The password is right but must be reset first (marked for reset, or found breached); now marked.</summary>
    MustReset,
}

/// <summary>
/// The password core every audience uses, over one project's store: strength checks by the project's policy, setting a
/// password (checked, then hashed), and verifying one under the user locks. Call inside <see cref="ProjectStore.Transact{T}"/>.
/// </summary>
internal static class StorePasswords
{
    /// <summary>The project's password configuration.</summary>
    public static PasswordSettings PasswordSettings(this ProjectStore store) => store.Part<PasswordSettings>();

    /// <summary>Checks <paramref name="password"/> by the project's policy; <paramref name="checkBreach"/> applies the breached list.</summary>
    public static PasswordStrengthReport CheckPasswordStrength(this ProjectStore store, string password, string? email, bool checkBreach)
    {
        ArgumentNullException.ThrowIfNull(store);
        var settings = store.PasswordSettings();
        return PasswordStrength.Check(password, email, settings.Policy, checkBreach, settings.IsBreached);
    }

    /// <summary>
    /// Sets the password of <paramref name="subjectId"/> after checking it (breaches included): throws <c>weak_password</c>
    /// before any change. A subject that had a password keeps its password id (inferred); a new one gets a new id.
    /// </summary>
    public static StoredPassword SetPassword(this ProjectStore store, string subjectId, string password, string? email)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        store.CheckPasswordStrength(password, email, checkBreach: true).ThrowIfWeak();
        return store.PutPassword(subjectId, PasswordHasher.Hash(password, store.Ids));
    }

    /// <summary>Stores an already made hash for <paramref name="subjectId"/> (migrations), keeping its password id if it had one.</summary>
    public static StoredPassword PutPassword(this ProjectStore store, string subjectId, string hash)
    {
        ArgumentNullException.ThrowIfNull(store);
        var table = store.Part<PasswordTable>();
        var id = table.Find(subjectId)?.PasswordId ?? store.Ids.New("password");
        var stored = new StoredPassword(id, hash, RequiresReset: false);
        table.Put(subjectId, stored);
        store.Part<PasswordLockouts>().Forget(subjectId);
        return stored;
    }

    /// <summary>
    /// Verifies <paramref name="password"/> for <paramref name="subjectId"/>. Throws <c>user_lock_limit_reached</c> while
    /// the subject is locked, before looking at the password. A wrong password is counted towards a lock: the one state
    /// change a failed attempt makes, as Stytch's user locks require.
    /// </summary>
    public static PasswordVerdict VerifyPassword(this ProjectStore store, string subjectId, string password)
    {
        ArgumentNullException.ThrowIfNull(store);
        var now = store.Clock.GetUtcNow();
        var lockouts = store.Part<PasswordLockouts>();
        lockouts.ThrowIfLocked(subjectId, now);
        var table = store.Part<PasswordTable>();
        if (table.Find(subjectId) is not { } stored)
        {
            return PasswordVerdict.NoPassword;
        }

        var settings = store.PasswordSettings();
        var migrated = LegacyHashText.Read(stored.Hash);
        if (!(migrated is null ? PasswordHasher.Verify(password, stored.Hash) : LegacyHashes.Verify(migrated, password)))
        {
            lockouts.RecordFailure(subjectId, now, settings.Policy);
            return PasswordVerdict.Mismatch;
        }

        if (migrated is not null)
        {
            // A migrated hash (another system's) is replaced by the project's own on its first good login.
            stored = stored with { Hash = PasswordHasher.Hash(password, store.Ids) };
            table.Put(subjectId, stored);
        }

        lockouts.RecordSuccess(subjectId);
        if (stored.RequiresReset || (settings.Policy.BreachDetectionOnAuthenticate && settings.IsBreached(password)))
        {
            table.Put(subjectId, stored with { RequiresReset = true });
            return PasswordVerdict.MustReset;
        }

        return PasswordVerdict.Match;
    }

    /// <summary>The password of <paramref name="subjectId"/>, or null.</summary>
    public static StoredPassword? FindPassword(this ProjectStore store, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Part<PasswordTable>().Find(subjectId);
    }

    /// <summary>Forgets the password and lock state of <paramref name="subjectId"/> (a deleted user or member).</summary>
    public static void ForgetPassword(this ProjectStore store, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Part<PasswordTable>().Remove(subjectId);
        store.Part<PasswordLockouts>().Forget(subjectId);
    }
}
