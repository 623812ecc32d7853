namespace Stytch.Fake.Core;

/// <summary>
/// Rows kept in the order they were added, by id and by unique keys (slug, email, external id…). A key function gives
/// null for a row that is not in that index (a deleted member, an empty external id). Not thread-safe: run it under
/// the store's lock.
/// </summary>
/// <typeparam name="T">The row, an immutable record.</typeparam>
internal sealed class IndexedTable<T>
    where T : class
{
    private readonly Func<T, string> _id;
    private readonly Func<T, string?>[] _keys;
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, string>[] _idByKey;

    /// <param name="id">The row's id.</param>
    /// <param name="keys">The unique keys, one function per index; <see cref="ByKey"/> names an index by its place here.</param>
    public IndexedTable(Func<T, string> id, params Func<T, string?>[] keys)
    {
        _id = id;
        _keys = keys;
        _idByKey = [.. keys.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal))];
    }

    /// <summary>Every row, oldest first.</summary>
    public IEnumerable<T> All => _order.Select(id => _byId[id]);

    public T? ById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The row that has <paramref name="key"/> in index <paramref name="index"/>, or null.</summary>
    public T? ByKey(int index, string key) => _idByKey[index].TryGetValue(key, out var id) ? _byId[id] : null;

    public void Add(T row)
    {
        _byId.Add(_id(row), row);
        _order.Add(_id(row));
        Index(row);
    }

    /// <summary>Puts <paramref name="updated"/> in the place of <paramref name="current"/> (the same id), re-indexed.</summary>
    public void Replace(T current, T updated)
    {
        Unindex(current);
        _byId[_id(updated)] = updated;
        Index(updated);
    }

    public void Remove(T row)
    {
        Unindex(row);
        _byId.Remove(_id(row));
        _order.Remove(_id(row));
    }

    public void Clear()
    {
        _byId.Clear();
        _order.Clear();
        foreach (var index in _idByKey)
        {
            index.Clear();
        }
    }

    private void Index(T row)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i](row) is { } key)
            {
                _idByKey[i][key] = _id(row);
            }
        }
    }

    private void Unindex(T row)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i](row) is { } key)
            {
                _idByKey[i].Remove(key);
            }
        }
    }
}
