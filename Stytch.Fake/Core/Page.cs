namespace Stytch.Fake.Core;

/// <summary>One page of a list the back doors read: its rows, how many rows there are in all, and where the next page starts (null on the last).</summary>
/// <typeparam name="T">The row.</typeparam>
internal sealed record Page<T>(IReadOnlyList<T> Items, int Total, int? NextOffset)
{
    /// <summary>The same page with each row mapped; only the page's rows are mapped.</summary>
    public Page<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, NextOffset);
}

/// <summary>Cuts a page out of a list, keeping only the page's rows, so a read costs its page's memory whatever the table holds.</summary>
internal static class Page
{
    public static Page<T> Of<T>(IEnumerable<T> all, int offset, int limit)
    {
        var items = new List<T>(Math.Min(limit, 1024));
        var total = 0;
        foreach (var row in all)
        {
            if (total >= offset && items.Count < limit)
            {
                items.Add(row);
            }

            total++;
        }

        var next = offset + items.Count;
        return new Page<T>(items, total, next < total ? next : null);
    }
}
