using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer.PhoneOtp;

/// <summary>
/// The numbers a send added to an existing user, each with the time it goes unless a code for it was authenticated by
/// then (Stytch: "If the user successfully authenticates within 5 minutes, the new phone number will be marked as
/// verified and remain permanently on the existing Stytch User. Otherwise, it will be removed from the User object").
/// Only touched under the store's lock.
/// </summary>
internal sealed class AddedPhones : IStorePart
{
    /// <summary>How long an added number waits for its code.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, DateTimeOffset> _dropAt = new(StringComparer.Ordinal);

    /// <summary>When the number with this phone id goes unless verified, or null when it is no added number.</summary>
    public DateTimeOffset? DropAt(string phoneId) => _dropAt.TryGetValue(phoneId, out var at) ? at : null;

    /// <summary>Marks the number with this phone id to go at <paramref name="at"/> unless verified.</summary>
    public void Add(string phoneId, DateTimeOffset at) => _dropAt[phoneId] = at;

    /// <summary>Keeps the number with this phone id: it was verified, or it went.</summary>
    public void Remove(string phoneId) => _dropAt.Remove(phoneId);

    /// <summary>The phone ids whose time has come at <paramref name="now"/>.</summary>
    public IReadOnlyList<string> Due(DateTimeOffset now) =>
        _dropAt.Count == 0 ? [] : [.. _dropAt.Where(p => p.Value <= now).Select(p => p.Key)];

    public void Clear() => _dropAt.Clear();
}
