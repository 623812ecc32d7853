namespace Stytch.Fake.Core;

/// <summary>A user's or member's password: its id, its salted hash (never the password) and whether it must be reset.</summary>
/// <param name="PasswordId">The <c>password-test-…</c> id (a user's <c>password.password_id</c>, a member's <c>member_password_id</c>).</param>
/// <param name="Hash">The <see cref="PasswordHasher"/> string.</param>
/// <param name="RequiresReset">Whether it must be reset before it authenticates again (Stytch's <c>requires_reset</c>).</param>
internal sealed record StoredPassword(string PasswordId, string Hash, bool RequiresReset);

/// <summary>
/// The passwords of a project's users and members, keyed by user or member id (their prefixes keep them apart). Only
/// touch under the store's lock.
/// </summary>
internal sealed class PasswordTable : IStorePart
{
    private readonly Dictionary<string, StoredPassword> _passwords = new(StringComparer.Ordinal);

    /// <summary>The password of <paramref name="subjectId"/>, or null.</summary>
    public StoredPassword? Find(string subjectId) => _passwords.GetValueOrDefault(subjectId);

    /// <summary>Sets or replaces the password of <paramref name="subjectId"/>.</summary>
    public void Put(string subjectId, StoredPassword password) => _passwords[subjectId] = password;

    /// <summary>Forgets the password of <paramref name="subjectId"/>, if any.</summary>
    public void Remove(string subjectId) => _passwords.Remove(subjectId);

    /// <summary>Every password, by subject (for snapshots).</summary>
    public IReadOnlyList<(string SubjectId, StoredPassword Password)> All() => _passwords.Select(p => (p.Key, p.Value)).ToArray();

    public void Clear() => _passwords.Clear();
}
