namespace Stytch.Fake.Tests.Wire.M2M;

/// <summary><c>POST /v1/m2m/clients/search</c> over loopback HTTP.</summary>
public sealed class M2MSearchWireTests : M2MWireTest
{
    private Task<WireResult> SearchAsync(string json) => Client.PostRawAsync(ClientsPath + "/search", json);

    private static string[] Names(WireResult search) =>
        search.Json["m2m_clients"]!.AsArray().Select(c => Str(c!["client_name"])).ToArray();

    [SetUp]
    public async Task CreateClientsAsync()
    {
        await CreateClientAsync(new { scopes = new[] { "read:users" }, client_name = "alpha", client_id = "a" });
        await CreateClientAsync(new { scopes = new[] { "write:users" }, client_name = "beta", client_id = "b" });
        await CreateClientAsync(new { scopes = new[] { "read:users", "write:users" }, client_name = "gamma", client_id = "c" });
    }

    [Test]
    public async Task Search_NoQuery_ReturnsEveryClientOldestFirstWithoutSecrets()
    {
        var response = await SearchAsync("{}");

        Assert.Multiple(() =>
        {
            Assert.That(Names(response), Is.EqualTo(new[] { "alpha", "beta", "gamma" }));
            Assert.That(response.Json["results_metadata"]!["total"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(response.Json["results_metadata"]!["next_cursor"], Is.Null);
            Assert.That(response.Text, Does.Not.Contain("\"client_secret\""));
        });
    }

    [TestCase("client_id", """["a","c"]""", "alpha,gamma")]
    [TestCase("client_name", """["beta"]""", "beta")]
    [TestCase("scopes", """["write:users"]""", "beta,gamma")]
    public async Task Search_Filter_ReturnsTheMatches(string filter, string value, string expected)
    {
        var response = await SearchAsync($$$"""{"query":{"operator":"AND","operands":[{"filter_name":"{{{filter}}}","filter_value":{{{value}}}}]}}""");

        Assert.That(Names(response), Is.EqualTo(expected.Split(',')), response.Text);
    }

    [Test]
    public async Task Search_OrOfTwoFilters_ReturnsEitherMatch()
    {
        var response = await SearchAsync("""{"query":{"operator":"OR","operands":[{"filter_name":"client_id","filter_value":["a"]},{"filter_name":"client_name","filter_value":["beta"]}]}}""");

        Assert.That(Names(response), Is.EqualTo(new[] { "alpha", "beta" }));
    }

    [Test]
    public async Task Search_LimitOne_PagesWithTheCursor()
    {
        var first = await SearchAsync("""{"limit":2}""");
        var cursor = first.Json["results_metadata"]!["next_cursor"]!.GetValue<string>();

        var second = await SearchAsync($$"""{"limit":2,"cursor":"{{cursor}}"}""");

        Assert.That(Names(first).Concat(Names(second)), Is.EqualTo(new[] { "alpha", "beta", "gamma" }));
    }

    [TestCase("""{"filter_name":"client_secret","filter_value":["x"]}""", "m2m_search_filter_name_not_recognized")]
    [TestCase("""{"filter_name":"client_id","filter_value":"a"}""", "m2m_search_expected_array_of_strings")]
    [TestCase("""{"filter_name":"client_id","filter_value":[1]}""", "m2m_search_expected_array_of_strings")]
    [TestCase("""{"filter_value":["a"]}""", "m2m_search_missing_filter_name")]
    [TestCase("""{"filter_name":7,"filter_value":["a"]}""", "m2m_search_filter_name_must_be_string")]
    [TestCase("""{"filter_name":"client_id"}""", "m2m_search_missing_filter_value")]
    public async Task Search_BadOperand_AnswersItsM2MSearchError(string operand, string errorType)
    {
        var response = await SearchAsync($$$"""{"query":{"operator":"AND","operands":[{{{operand}}}]}}""");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, errorType)), response.Text);
    }

    [Test]
    public async Task Search_BadOperator_AnswersBadRequest()
    {
        var response = await SearchAsync("""{"query":{"operator":"XOR","operands":[]}}""");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
    }
}
