namespace Stytch.Fake.Products.B2B;

/// <summary>
/// What the other B2B products drop when an organization or a member goes (its members, codes and sessions): each
/// product registers its part here, and the owner runs them all under the store's lock once its checks have passed,
/// so that a new product cleans up after itself without the owner knowing of it.
/// </summary>
/// <typeparam name="T">What goes: an organization or a member.</typeparam>
internal sealed class Cleanups<T>
{
    private readonly List<Action<T>> _actions = [];

    /// <summary>Registers what to drop; at construction, before any operation runs.</summary>
    public void Add(Action<T> action) => _actions.Add(action);

    /// <summary>Runs every registered cleanup for <paramref name="gone"/>, in the order they were added.</summary>
    public void Run(T gone)
    {
        foreach (var action in _actions)
        {
            action(gone);
        }
    }
}
