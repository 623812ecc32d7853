using System.Collections;

namespace Stytch.Fake.Core;

/// <summary>A read-only set of strings made on first use, once, by the given function.</summary>
internal sealed class DeferredSet(Func<IReadOnlySet<string>> make) : IReadOnlySet<string>
{
    private readonly Lazy<IReadOnlySet<string>> _set = new(make);

    public int Count => _set.Value.Count;

    public bool Contains(string item) => _set.Value.Contains(item);

    public bool IsProperSubsetOf(IEnumerable<string> other) => _set.Value.IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => _set.Value.IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<string> other) => _set.Value.IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => _set.Value.IsSupersetOf(other);

    public bool Overlaps(IEnumerable<string> other) => _set.Value.Overlaps(other);

    public bool SetEquals(IEnumerable<string> other) => _set.Value.SetEquals(other);

    public IEnumerator<string> GetEnumerator() => _set.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
