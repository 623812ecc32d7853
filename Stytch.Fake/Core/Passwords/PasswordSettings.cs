using System.Security.Cryptography;
using System.Text;

namespace Stytch.Fake.Core;

/// <summary>
/// A project's password configuration: its <see cref="PasswordPolicy"/> and the passwords a test added to the breached
/// list, kept as SHA-256 digests so that no password a test names is held (or snapshotted) as text. A reset puts back
/// Stytch's defaults. Only touch under the store's lock.
/// </summary>
internal sealed class PasswordSettings : IStorePart
{
    private readonly HashSet<string> _breached = new(StringComparer.Ordinal);

    /// <summary>The policy in force.</summary>
    public PasswordPolicy Policy { get; private set; } = PasswordPolicy.Default;

    /// <summary>The SHA-256 digests (lowercase hexadecimal) of the passwords added to the built-in breached list.</summary>
    public IReadOnlyCollection<string> AddedBreachedDigests => _breached;

    /// <summary>Replaces the policy after checking its ranges.</summary>
    public void SetPolicy(PasswordPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Check();
        Policy = policy;
    }

    /// <summary>Counts <paramref name="password"/> as breached from now on.</summary>
    public void AddBreached(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        _breached.Add(Digest(password));
    }

    /// <summary>Puts back an added password by its digest, as a snapshot holds it.</summary>
    public void AddBreachedDigest(string digest)
    {
        if (!IsDigest(digest))
        {
            throw new ArgumentException("A breached-password digest must be 64 lowercase hexadecimal digits.", nameof(digest));
        }

        _breached.Add(digest);
    }

    /// <summary>Whether <paramref name="text"/> is a digest as <see cref="AddedBreachedDigests"/> holds them.</summary>
    public static bool IsDigest(string? text) => text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Whether <paramref name="password"/> is on the built-in list or was added.</summary>
    public bool IsBreached(string password) => BreachedPasswords.BuiltIn.Contains(password) || (_breached.Count > 0 && _breached.Contains(Digest(password)));

    private static string Digest(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    public void Clear()
    {
        Policy = PasswordPolicy.Default;
        _breached.Clear();
    }
}
