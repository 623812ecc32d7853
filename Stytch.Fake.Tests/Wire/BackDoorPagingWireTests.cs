using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// The back doors that list state answer a page at a time: <c>?limit=</c> (1 to 1,000, 100 by default) and
/// <c>?cursor=</c> from the page before, with <c>total</c> and <c>next_cursor</c> (null on the last page).
/// </summary>
public sealed class BackDoorPagingWireTests : FakeWireTest
{
    private string ProjectPath => $"/_fake/v1/projects/{Stytch.ProjectId}";

    private async Task<JsonObject> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json;
    }

    private void CreateUsers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Stytch.Users.Create($"user{i:D3}@example.com");
        }
    }

    [Test]
    public async Task Users_PagedByTen_EveryUserOnceInOrder()
    {
        CreateUsers(25);
        var seen = new List<string>();
        var pages = new List<int>();
        string? cursor = null;
        do
        {
            var page = await GetAsync($"{ProjectPath}/users?limit=10" + (cursor is null ? "" : $"&cursor={cursor}"));
            var users = page["users"]!.AsArray();
            pages.Add(users.Count);
            seen.AddRange(users.Select(u => u!["emails"]![0]!["email"]!.GetValue<string>()));
            Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(25));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.That(pages, Is.EqualTo(new[] { 10, 10, 5 }));
        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 25).Select(i => $"user{i:D3}@example.com")));
    }

    [Test]
    public async Task Users_NoLimit_AnswersTheFirstHundredAndACursor()
    {
        CreateUsers(150);

        var page = await GetAsync($"{ProjectPath}/users");

        Assert.That(page["users"]!.AsArray(), Has.Count.EqualTo(100));
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(150));
        Assert.That(page["next_cursor"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task Users_LastPage_HasANullCursor()
    {
        CreateUsers(3);

        var page = await GetAsync($"{ProjectPath}/users");

        Assert.That(page["users"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(page.ContainsKey("next_cursor"), Is.True);
        Assert.That(page["next_cursor"], Is.Null);
    }

    [TestCase("users", "limit=0")]
    [TestCase("users", "limit=1001")]
    [TestCase("users", "limit=ten")]
    [TestCase("users", "limit=-5")]
    [TestCase("organizations", "limit=0")]
    [TestCase("sessions", "limit=5000")]
    [TestCase("users", "cursor=abc")]
    [TestCase("organizations", "cursor=-1")]
    public async Task StateBackDoor_BadPage_Returns400BadRequest(string what, string query)
    {
        var response = await Client.GetAsync($"{ProjectPath}/{what}?{query}");

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
    }

    [Test]
    public async Task Projects_BadLimit_Returns400BadRequest()
    {
        var response = await Client.GetAsync("/_fake/v1/projects?limit=0");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
    }

    [Test]
    public async Task Users_CursorPastTheEnd_AnswersAnEmptyLastPage()
    {
        CreateUsers(2);

        var page = await GetAsync($"{ProjectPath}/users?cursor=50");

        Assert.That(page["users"]!.AsArray(), Is.Empty);
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(page["next_cursor"], Is.Null);
    }

    [Test]
    public async Task Organizations_Paged_EachCarriesItsOwnMembers()
    {
        for (var i = 0; i < 3; i++)
        {
            Stytch.DefaultProject.Seed.Organization(o => o.Slug($"org{i}")).WithMember($"a{i}@org{i}.example").WithMember($"b{i}@org{i}.example");
        }

        var first = await GetAsync($"{ProjectPath}/organizations?limit=2");
        var second = await GetAsync($"{ProjectPath}/organizations?limit=2&cursor={first["next_cursor"]!.GetValue<string>()}");

        var organizations = first["organizations"]!.AsArray().Concat(second["organizations"]!.AsArray()).ToArray();
        Assert.That(organizations.Select(o => o!["organization"]!["organization_slug"]!.GetValue<string>()), Is.EqualTo(new[] { "org0", "org1", "org2" }));
        Assert.That(organizations.Select(o => o!["members"]!.AsArray().Count), Is.All.EqualTo(2));
        Assert.That(organizations[2]!["members"]![0]!["email_address"]!.GetValue<string>(), Is.EqualTo("a2@org2.example"));
        Assert.That(second["next_cursor"], Is.Null);
    }

    [Test]
    public async Task Projects_PagedByOne_ListsEachProjectOnce()
    {
        var other = Stytch.CreateProject();

        var first = await GetAsync("/_fake/v1/projects?limit=1");
        var second = await GetAsync($"/_fake/v1/projects?limit=1&cursor={first["next_cursor"]!.GetValue<string>()}");

        var ids = new[] { first, second }.Select(p => p["projects"]![0]!["project_id"]!.GetValue<string>()).ToArray();
        Assert.That(ids, Is.EquivalentTo(new[] { Stytch.ProjectId, other.ProjectId }));
        Assert.That(first["total"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(second["next_cursor"], Is.Null);
    }
}
