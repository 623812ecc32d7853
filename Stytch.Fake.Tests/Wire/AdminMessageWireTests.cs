
namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// A back door refusing a request says what was wrong, where Stytch's own endpoints answer only Stytch's generic
/// "The submitted request is invalid.": the person reading it is the one writing the test, and has nothing else to go on.
/// </summary>
public sealed class AdminMessageWireTests : FakeWireTest
{
    private const string Project = "/_fake/v1/projects/{project_id}";

    // ---- any back-door body -------------------------------------------------------------------------

    [TestCase("not json", "The request body is not valid JSON at line 1, byte 2: ", TestName = "BackDoorBody_NotJson_Is400NamingIt")]
    [TestCase("[1]", "The request body must be a JSON object, not an array.", TestName = "BackDoorBody_Array_Is400NamingIt")]
    [TestCase("""{"minutes":1}""", "Unknown field: minutes.", TestName = "BackDoorBody_UnknownField_Is400NamingTheField")]
    [TestCase("""{"seconds":"60"}""", "seconds must be a finite number, not a string.", TestName = "BackDoorBody_FieldOfWrongType_Is400NamingFieldAndType")]
    [TestCase("""{"seconds":1,"seconds":2}""", "The request body is not valid JSON", TestName = "BackDoorBody_DuplicateKey_Is400NamingIt")]
    public async Task BackDoorBody_Malformed_Is400NamingTheProblem(string body, string message) =>
        await AssertRefusedAsync(HttpMethod.Post, Project + "/clock/advance", body, message);

    [Test]
    public async Task BackDoorBody_FieldOnACallWithoutFields_Is400NamingTheField() =>
        await AssertRefusedAsync(HttpMethod.Post, Project + "/reset", """{"hard":true}""", "Unknown field: hard.");

    // ---- clock --------------------------------------------------------------------------------------

    [TestCase("{}", "seconds is required", TestName = "ClockAdvance_NoSeconds_Is400SayingSecondsIsRequired")]
    [TestCase("""{"seconds":-1}""", "seconds must be ≥ 0 (got -1)", TestName = "ClockAdvance_NegativeSeconds_Is400SayingSecondsMustBeAtLeastZero")]
    [TestCase("""{"seconds":1e15}""", "seconds must be at most ", TestName = "ClockAdvance_PastYear9000_Is400SayingHowFarItCanGo")]
    public async Task ClockAdvance_BadSeconds_Is400NamingTheProblem(string body, string message) =>
        await AssertRefusedAsync(HttpMethod.Post, Project + "/clock/advance", body, message);

    [TestCase("{}", "now is required", TestName = "ClockSet_NoNow_Is400SayingNowIsRequired")]
    [TestCase("""{"now":"tomorrow"}""", "now 'tomorrow' is not a time", TestName = "ClockSet_NotATime_Is400QuotingIt")]
    [TestCase("""{"now":"9999-01-01T00:00:00Z"}""", "now must be from 1970-01-01 up to (not including) 9000-01-01", TestName = "ClockSet_OutOfRange_Is400GivingTheRange")]
    public async Task ClockSet_BadNow_Is400NamingTheProblem(string body, string message) =>
        await AssertRefusedAsync(HttpMethod.Post, Project + "/clock/set", body, message);

    // ---- projects -----------------------------------------------------------------------------------

    [Test]
    public async Task CreateProject_ExistingId_Is400SayingTheIdAlreadyExists() =>
        await AssertRefusedAsync(HttpMethod.Post, "/_fake/v1/projects", $$"""{"project_id":"{{Stytch.ProjectId}}"}""",
            $"A project with id '{Stytch.ProjectId}' already exists.");

    [TestCase("""{"project_id":"acme"}""", "'acme' is not a Stytch project id: expected project-test-<uuid> or project-live-<uuid>.", TestName = "CreateProject_MalformedId_Is400ShowingTheExpectedShape")]
    [TestCase("""{"secret":"a:b"}""", "A secret must be non-empty and must not contain ':'.", TestName = "CreateProject_SecretWithColon_Is400SayingWhy")]
    [TestCase("""{"seed":"x"}""", "seed must be an integer, not a string.", TestName = "CreateProject_SeedNotANumber_Is400NamingTheType")]
    [TestCase("""{"live":"yes"}""", "live must be true or false, not a string.", TestName = "CreateProject_LiveNotABoolean_Is400NamingTheType")]
    public async Task CreateProject_BadOptions_Is400NamingTheProblem(string body, string message) =>
        await AssertRefusedAsync(HttpMethod.Post, "/_fake/v1/projects", body, message);

    // ---- rate limits and faults ---------------------------------------------------------------------

    [TestCase("""{"per_email_limit":0}""", "per_email_limit must be at least 1 (got 0).", TestName = "RateLimits_ZeroLimit_Is400NamingTheField")]
    [TestCase("""{"per_endpoint_window_seconds":0}""", "per_endpoint_window_seconds must be more than 0 and at most 86400 (got 0).", TestName = "RateLimits_ZeroWindow_Is400NamingTheField")]
    public async Task RateLimits_BadValue_Is400NamingTheField(string body, string message) =>
        await AssertRefusedAsync(HttpMethod.Post, Project + "/rate_limits", body, message);

    // Every member's type is checked before any range: a body wrong in both ways is answered with the type error.
    [TestCase("""{"per_email_limit":0,"per_endpoint_limit":"x"}""", "per_endpoint_limit must be an integer, not a string.", TestName = "RateLimits_OutOfRangeAndWrongType_Is400NamingTheType")]
    [TestCase("""{"per_email_window_seconds":0,"enabled":"yes"}""", "enabled must be true or false, not a string.", TestName = "RateLimits_OutOfRangeWindowAndWrongType_Is400NamingTheType")]
    public async Task RateLimits_OutOfRangeAndWrongType_Is400NamingTheType(string body, string message) =>
        await AssertRefusedAsync(HttpMethod.Post, Project + "/rate_limits", body, message);

    [TestCase("""{"endpoint":"*","latency_ms":-5}""", "latency_ms must be 0..60000 (got -5).", TestName = "AddFault_NegativeLatency_Is400NamingTheField")]
    [TestCase("""{"endpoint":"*","error_type":"too_many_requests","times":0}""", "times must be at least 1 (got 0).", TestName = "AddFault_ZeroTimes_Is400NamingTheField")]
    [TestCase("""{"endpoint":"*","status_code":700}""", "status_code must be 100..599 (got 700).", TestName = "AddFault_StatusOutOfRange_Is400NamingTheField")]
    [TestCase("""{"endpoint":"nope","error_type":"too_many_requests"}""", "Unknown endpoint 'nope'. Known: *, ", TestName = "AddFault_UnknownEndpoint_Is400ListingTheKnownOnes")]
    public async Task AddFault_BadRule_Is400NamingTheProblem(string body, string message) =>
        await AssertRefusedAsync(HttpMethod.Post, Project + "/faults", body, message);

    // Every member's type is checked before the rule is: a body wrong in both ways is answered with the type error.
    [TestCase("""{"endpoint":"*","latency_ms":-5,"email_address":5}""", "email_address must be a string, not the number 5.", TestName = "AddFault_OutOfRangeAndWrongType_Is400NamingTheType")]
    [TestCase("""{"endpoint":"nope","error_type":"too_many_requests","email_address":true}""", "email_address must be a string, not a boolean.", TestName = "AddFault_UnknownEndpointAndWrongType_Is400NamingTheType")]
    [TestCase("""{"status_code":"500"}""", "endpoint is required", TestName = "AddFault_NoEndpointAndWrongType_Is400SayingEndpointIsRequired")]
    public async Task AddFault_BadRuleAndWrongType_Is400NamingTheFirstInOrder(string body, string message) =>
        await AssertRefusedAsync(HttpMethod.Post, Project + "/faults", body, message);

    // ---- seed and snapshot --------------------------------------------------------------------------

    [TestCase("""{"organizations":{}}""", "organizations must be an array of objects.", TestName = "Seed_OrganizationsNotAnArray_Is400NamingTheField")]
    [TestCase("""{"organizations":[{"organization_colour":"red"}]}""", "Unknown field 'organization_colour' in organizations: each takes only ", TestName = "Seed_UnknownOrganizationField_Is400NamingIt")]
    [TestCase("""{"organizations":[{"members":[{"name":"x"}]}]}""", "organizations[].members[].email_address is required.", TestName = "Seed_MemberWithoutEmail_Is400NamingTheField")]
    [TestCase("""{"users":[{"email":42}]}""", "users[].email must be a string.", TestName = "Seed_UserEmailNotAString_Is400NamingTheField")]
    public async Task Seed_BadSpec_Is400NamingTheProblem(string body, string message) =>
        await AssertRefusedAsync(HttpMethod.Post, Project + "/seed", body, message);

    [Test]
    public async Task ImportSnapshot_FieldOfWrongType_Is400NamingWhereInTheSnapshot() =>
        await AssertRefusedAsync(HttpMethod.Put, Project + "/snapshot", """{"version":5,"clock":42}""",
            "The snapshot is not valid JSON of a Stytch.Fake snapshot: ", "$.clock");

    private async Task AssertRefusedAsync(HttpMethod method, string path, string body, params string[] fragments)
    {
        var clockBefore = Stytch.Clock.Now;
        var response = await Client.SendAsync(method, path.Replace("{project_id}", Stytch.ProjectId, StringComparison.Ordinal), body);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400), response.Text);
            Assert.That(response.ErrorType, Is.EqualTo("bad_request"), response.Text);
            foreach (var fragment in fragments)
            {
                Assert.That(response["error_message"], Does.Contain(fragment));
            }

            Assert.That(response["error_message"], Does.Not.Contain("(Parameter '"));
            Assert.That(response["error_message"], Is.Not.EqualTo(StytchError.BadRequest.Message));
            Assert.That(Stytch.Projects, Has.Count.EqualTo(1));
            Assert.That(Stytch.Clock.Now, Is.EqualTo(clockBefore));
            Assert.That(Stytch.Faults.All, Is.Empty);
        });
    }
}
