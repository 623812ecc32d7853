namespace Stytch.Fake.Core;

/// <summary>
/// A project's password configuration: its <see cref="PasswordPolicy"/> and the passwords a test added to the breached
/// list. A reset puts back Stytch's defaults. Only touch under the store's lock.
/// </summary>
internal sealed class PasswordSettings : IStorePart
{
    private readonly HashSet<string> _breached = new(StringComparer.Ordinal);

    /// <summary>The policy in force.</summary>
    public PasswordPolicy Policy { get; private set; } = PasswordPolicy.Default;

    /// <summary>The passwords added to the built-in breached list.</summary>
    public IReadOnlyCollection<string> AddedBreached => _breached;

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
        _breached.Add(password);
    }

    /// <summary>Whether <paramref name="password"/> is on the built-in list or was added.</summary>
    public bool IsBreached(string password) => BreachedPasswords.BuiltIn.Contains(password) || _breached.Contains(password);

    public void Clear()
    {
        Policy = PasswordPolicy.Default;
        _breached.Clear();
    }
}
