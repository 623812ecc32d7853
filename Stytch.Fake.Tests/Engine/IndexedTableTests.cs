using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine;

/// <summary>The table under the organizations and members: insertion order, unique keys, rows left out of an index.</summary>
public sealed class IndexedTableTests
{
    private sealed record Row(string Id, string Name, bool Hidden = false);

    private static IndexedTable<Row> NewTable() => new(r => r.Id, r => r.Hidden ? null : r.Name);

    [Test]
    public void Replace_ChangedKey_FindsTheRowByTheNewKeyOnlyAndKeepsItsPlace()
    {
        var table = NewTable();
        var a = new Row("1", "ada");
        table.Add(a);
        table.Add(new Row("2", "bob"));

        table.Replace(a, a with { Name = "amy" });

        Assert.That(table.ByKey(0, "ada"), Is.Null);
        Assert.That(table.ByKey(0, "amy")?.Id, Is.EqualTo("1"));
        Assert.That(table.All.Select(r => r.Name), Is.EqualTo(new[] { "amy", "bob" }));
    }

    [Test]
    public void Replace_KeyFunctionGivesNull_LeavesTheRowOutOfTheIndexButFindableById()
    {
        var table = NewTable();
        var a = new Row("1", "ada");
        table.Add(a);

        table.Replace(a, a with { Hidden = true });
        table.Add(new Row("2", "ada"));

        Assert.That(table.ByKey(0, "ada")?.Id, Is.EqualTo("2"));
        Assert.That(table.ById("1")?.Hidden, Is.True);
    }

    [Test]
    public void Remove_Row_IsGoneByIdKeyAndFromTheOrder()
    {
        var table = NewTable();
        var a = new Row("1", "ada");
        table.Add(a);

        table.Remove(a);

        Assert.That(table.ById("1"), Is.Null);
        Assert.That(table.ByKey(0, "ada"), Is.Null);
        Assert.That(table.All, Is.Empty);
    }
}
