using Stytch.Fake.Core.Passwords.Migration;

namespace Stytch.Fake.Core;

/// <summary>
/// A project's password state, both audiences, keyed by user or member id: the policy, the digests of the passwords a
/// test added to the breached list, every stored hash (the project's own or a migrated one; never a password), the
/// runs of failures and locks, and the reset tokens still held.
/// </summary>
internal sealed record PasswordsSnapshot(
    PasswordPolicy Policy,
    IReadOnlyList<string> AddedBreachedDigests,
    IReadOnlyList<(string SubjectId, StoredPassword Password)> Passwords,
    IReadOnlyList<(string SubjectId, LockoutState State)> Lockouts,
    IReadOnlyList<PasswordResetSnapshot> Resets)
{
    /// <summary>No passwords, Stytch's default policy.</summary>
    public static PasswordsSnapshot Empty { get; } = new(PasswordPolicy.Default, [], [], [], []);
}

/// <summary>A reset token under its audience's purpose, used or not.</summary>
internal sealed record PasswordResetSnapshot(string Purpose, string Token, PasswordResetPayload Payload, DateTimeOffset ExpiresAt, bool Used, RequestAttributes Attributes);

/// <summary>Export, check and load of <see cref="PasswordsSnapshot"/>; call under the store's lock (check needs none).</summary>
internal static class PasswordSnapshots
{
    /// <summary>The password state, with the reset tokens of <paramref name="purposes"/>, in a stable order.</summary>
    public static PasswordsSnapshot ExportPasswords(this ProjectStore store, IEnumerable<string> purposes)
    {
        ArgumentNullException.ThrowIfNull(store);
        var settings = store.PasswordSettings();
        return new PasswordsSnapshot(
            settings.Policy,
            [.. settings.AddedBreachedDigests.Order(StringComparer.Ordinal)],
            [.. store.Part<PasswordTable>().All().OrderBy(p => p.SubjectId, StringComparer.Ordinal)],
            [.. store.Part<PasswordLockouts>().All().OrderBy(p => p.SubjectId, StringComparer.Ordinal)],
            [.. purposes.SelectMany(purpose => store.ResetsOf(purpose)
                .OrderBy(r => r.Token, StringComparer.Ordinal)
                .Select(r => new PasswordResetSnapshot(purpose, r.Token, r.Payload, r.Secret.ExpiresAt, r.Secret.Used, r.Secret.Attributes)))]);
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="snapshot"/> cannot be held: a policy out of its ranges,
    /// a hash neither the project's nor a migrated one, duplicate subjects, password ids or tokens, a negative failure
    /// count, a reset purpose not in <paramref name="purposes"/>, or a password, lock or reset of a subject
    /// <paramref name="subjectExists"/> does not know.
    /// </summary>
    public static void Check(PasswordsSnapshot snapshot, Func<string, bool> subjectExists, IReadOnlyCollection<string> purposes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(subjectExists);
        try
        {
            snapshot.Policy.Check();
        }
        catch (StytchException e)
        {
            throw new ArgumentException("The password policy is out of range: " + e.Error.Message, nameof(snapshot));
        }

        var passwords = snapshot.Passwords;
        if (snapshot.AddedBreachedDigests.Any(d => !PasswordSettings.IsDigest(d))
            || passwords.Any(p => !PasswordHasher.IsWellFormed(p.Password.Hash) && !LegacyHashText.IsWellFormed(p.Password.Hash))
            || passwords.Any(p => !Validate.IsId(p.Password.PasswordId, "password"))
            || passwords.Select(p => p.SubjectId).Distinct(StringComparer.Ordinal).Count() != passwords.Count
            || passwords.Select(p => p.Password.PasswordId).Distinct(StringComparer.Ordinal).Count() != passwords.Count
            || snapshot.Lockouts.Select(l => l.SubjectId).Distinct(StringComparer.Ordinal).Count() != snapshot.Lockouts.Count
            || snapshot.Lockouts.Any(l => l.State.Failures < 0)
            || snapshot.Resets.Any(r => !purposes.Contains(r.Purpose) || string.IsNullOrEmpty(r.Token))
            || snapshot.Resets.Select(r => (r.Purpose, r.Token)).Distinct().Count() != snapshot.Resets.Count
            || passwords.Select(p => p.SubjectId).Concat(snapshot.Lockouts.Select(l => l.SubjectId)).Concat(snapshot.Resets.Select(r => r.Payload.SubjectId))
                .Any(s => !subjectExists(s)))
        {
            throw new ArgumentException(
                "The password state is inconsistent: a malformed hash, id or breached-password digest, duplicate subjects, password ids or reset tokens, a negative failure count, an unknown reset purpose, or passwords, locks and resets of users or members the snapshot does not hold.",
                nameof(snapshot));
        }
    }

    /// <summary>Puts back a checked <paramref name="snapshot"/> into an emptied store.</summary>
    public static void LoadPasswords(this ProjectStore store, PasswordsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshot);
        var settings = store.PasswordSettings();
        settings.SetPolicy(snapshot.Policy);
        foreach (var digest in snapshot.AddedBreachedDigests)
        {
            settings.AddBreachedDigest(digest);
        }

        var table = store.Part<PasswordTable>();
        foreach (var (subjectId, password) in snapshot.Passwords)
        {
            table.Put(subjectId, password);
        }

        var lockouts = store.Part<PasswordLockouts>();
        foreach (var (subjectId, state) in snapshot.Lockouts)
        {
            lockouts.Load(subjectId, state);
        }

        foreach (var reset in snapshot.Resets)
        {
            store.Secrets.Load(
                new SecretKey(reset.Purpose, reset.Token),
                new OneTimeSecret(reset.Token, reset.ExpiresAt, reset.Used, reset.Attributes) { Payload = reset.Payload });
        }
    }
}
