using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Users;

/// <summary><c>POST /v1/users/search</c> over loopback HTTP: every filter the Node SDK names, AND/OR, limit and cursor.</summary>
public sealed class UserSearchWireTests : FakeWireTest
{
    private string _ada = "";
    private string _bob = "";
    private string _cleo = "";

    [SetUp]
    public async Task ArrangeUsersAsync()
    {
        _ada = (await Client.PostAsync("/v1/users", new { email = "ada@example.com", phone_number = "+14155550123", name = new { first_name = "Ada", last_name = "Lovelace" } }))["user_id"]!;
        Time.Advance(TimeSpan.FromMinutes(1));
        _bob = (await Client.PostAsync("/v1/users", new { email = "bob@work.example", create_user_as_pending = true }))["user_id"]!;
        Time.Advance(TimeSpan.FromMinutes(1));
        _cleo = (await Client.PostAsync("/v1/users", new { phone_number = "+442071838750", name = new { first_name = "Cleo" } }))["user_id"]!;
    }

    private async Task<string[]> IdsAsync(string body)
    {
        var response = await Client.PostRawAsync("/v1/users/search", body);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return [.. response.Json["results"]!.AsArray().Select(u => u!["user_id"]!.GetValue<string>())];
    }

    private static string Query(string op, params string[] operands) =>
        "{\"query\":{\"operator\":\"" + op + "\",\"operands\":[" + string.Join(",", operands) + "]}}";

    private static string Operand(string name, string value) => "{\"filter_name\":\"" + name + "\",\"filter_value\":" + value + "}";

    [Test]
    public async Task Search_NoQuery_ReturnsEveryUserOldestFirst()
    {
        Assert.That(await IdsAsync("{}"), Is.EqualTo(new[] { _ada, _bob, _cleo }));
    }

    [Test]
    public async Task Search_Page_HasResultsMetadataWithTotalAndNullCursorOnTheLastPage()
    {
        var response = await Client.PostRawAsync("/v1/users/search", "{}");

        Assert.That(response.Json["results_metadata"]!["total"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(response.Json["results_metadata"]!["next_cursor"], Is.Null);
    }

    [TestCase("status", "\"pending\"", "bob")]
    [TestCase("email_address", """["ADA@example.com"]""", "ada")]
    [TestCase("email_address_fuzzy", "\"work\"", "bob")]
    [TestCase("phone_number", """["+442071838750"]""", "cleo")]
    [TestCase("phone_number_fuzzy", "\"4155\"", "ada")]
    [TestCase("full_name_fuzzy", "\"ada lov\"", "ada")]
    [TestCase("email_verified", "false", "ada,bob")]
    [TestCase("phone_verified", "false", "ada,cleo")]
    [TestCase("password_exists", "false", "ada,bob,cleo")]
    [TestCase("totp_verified", "true", "")]
    [TestCase("crypto_wallet_id", """["crypto-wallet-test-00000000-0000-4000-8000-000000000000"]""", "")]
    [TestCase("oauth_provider", """["google"]""", "")]
    public async Task Search_Filter_MatchesThoseUsers(string filter, string value, string expected)
    {
        var names = new Dictionary<string, string> { ["ada"] = _ada, ["bob"] = _bob, ["cleo"] = _cleo };

        var ids = await IdsAsync(Query("AND", Operand(filter, value)));

        Assert.That(ids, Is.EqualTo(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => names[n])));
    }

    [Test]
    public async Task Search_UserIdsEmailIdsAndPhoneIds_MatchTheirUsers()
    {
        var ada = Stytch.Users.Get(_ada);

        Assert.That(await IdsAsync(Query("AND", Operand("user_id", $"[\"{_bob}\"]"))), Is.EqualTo(new[] { _bob }));
        Assert.That(await IdsAsync(Query("AND", Operand("email_id", $"[\"{ada.EmailId}\"]"))), Is.EqualTo(new[] { _ada }));
        Assert.That(await IdsAsync(Query("AND", Operand("phone_id", $"[\"{ada.PhoneNumbers[0].PhoneId}\"]"))), Is.EqualTo(new[] { _ada }));
    }

    [Test]
    public async Task Search_CreatedAtFilters_CompareWithTheCreationTime()
    {
        Assert.That(await IdsAsync(Query("AND", Operand("created_at_greater_than", "\"2030-01-02T03:04:30Z\""))), Is.EqualTo(new[] { _bob, _cleo }));
        Assert.That(await IdsAsync(Query("AND", Operand("created_at_less_than", "\"2030-01-02T03:05:30Z\""))), Is.EqualTo(new[] { _ada, _bob }));
        Assert.That(await IdsAsync(Query("AND", Operand("created_at_between", """{"greater_than":"2030-01-02T03:04:30Z","less_than":"2030-01-02T03:05:30Z"}"""))), Is.EqualTo(new[] { _bob }));
    }

    [Test]
    public async Task Search_And_NeedsEveryFilter()
    {
        var ids = await IdsAsync(Query("AND", Operand("status", "\"active\""), Operand("full_name_fuzzy", "\"Cle\"")));

        Assert.That(ids, Is.EqualTo(new[] { _cleo }));
    }

    [Test]
    public async Task Search_Or_NeedsAnyFilter()
    {
        var ids = await IdsAsync(Query("OR", Operand("status", "\"pending\""), Operand("full_name_fuzzy", "\"Cle\"")));

        Assert.That(ids, Is.EqualTo(new[] { _bob, _cleo }));
    }

    [Test]
    public async Task Search_LimitAndCursor_PageThroughEveryUserOnce()
    {
        var first = await Client.PostRawAsync("/v1/users/search", """{"limit":2}""");
        var cursor = first.Json["results_metadata"]!["next_cursor"]!.GetValue<string>();
        var second = await Client.PostRawAsync("/v1/users/search", $$"""{"limit":2,"cursor":"{{cursor}}"}""");

        var ids = first.Json["results"]!.AsArray().Concat(second.Json["results"]!.AsArray()).Select(u => u!["user_id"]!.GetValue<string>());
        Assert.That(ids, Is.EqualTo(new[] { _ada, _bob, _cleo }));
        Assert.That(second.Json["results_metadata"]!["next_cursor"], Is.Null);
        Assert.That(first.Json["results_metadata"]!["total"]!.GetValue<int>(), Is.EqualTo(3));
    }

    [TestCase("""{"limit":1001}""")]
    [TestCase("""{"limit":-1}""")]
    [TestCase("""{"cursor":"bm90IGEgY3Vyc29y"}""")]
    [TestCase("""{"query":{"operator":"XOR","operands":[]}}""")]
    [TestCase("""{"query":{"operator":"AND","operands":[{"filter_name":"shoe_size","filter_value":"9"}]}}""")]
    [TestCase("""{"query":{"operator":"AND","operands":[{"filter_name":"status","filter_value":"deleted"}]}}""")]
    [TestCase("""{"query":{"operator":"AND","operands":[{"filter_name":"email_address_fuzzy","filter_value":"ad"}]}}""")]
    [TestCase("""{"query":{"operator":"AND","operands":[{"filter_name":"created_at_greater_than","filter_value":"soon"}]}}""")]
    [TestCase("""{"query":{"operator":"AND","operands":[{"filter_name":"created_at_between","filter_value":{"greater_than":"2030-01-01T00:00:00Z"}}]}}""")]
    [TestCase("""{"query":{"operator":"AND","operands":[{"filter_name":"email_verified","filter_value":"yes"}]}}""")]
    public async Task Search_BadQuery_Returns400BadRequest(string body)
    {
        var response = await Client.PostRawAsync("/v1/users/search", body);

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
    }

    [Test]
    public async Task Search_Post_IsNotTakenForAUserId()
    {
        var response = await Client.PostAsync("/v1/users/search", new { limit = 10 });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["results"], Is.InstanceOf<JsonArray>());
    }
}
