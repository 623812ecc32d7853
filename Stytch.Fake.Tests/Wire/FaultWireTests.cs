using System.Diagnostics;

namespace Stytch.Fake.Tests.Wire;

public sealed class FaultWireTests : FakeWireTest
{
    private string FaultsPath => $"/_fake/v1/projects/{Stytch.ProjectId}/faults";

    [TestCase("429_too_many_requests.json", "too_many_requests")]
    [TestCase("500_internal_server_error.json", "internal_server_error")]
    [TestCase("400_invalid_email.json", "invalid_email")]
    [TestCase("401_unauthorized_credentials.json", "unauthorized_credentials")]
    public async Task Next_CannedError_AnswersTheFixtureBodyOnce(string fixture, string errorType)
    {
        Stytch.Faults.Next("otps.email.login_or_create").Fail(StytchError.Find(errorType)!);

        var faulted = await LoginOrCreateAsync("ada@example.com");
        var after = await LoginOrCreateAsync("ada@example.com");

        var expected = WireShapes.Fixture("errors/" + fixture);
        var actual = faulted.Json;
        Assert.Multiple(() =>
        {
            Assert.That(WireShapes.Keys(actual), Is.EqualTo(WireShapes.Keys(expected)));
            foreach (var key in new[] { "status_code", "error_type", "error_message", "error_url" })
            {
                Assert.That(actual[key]!.ToJsonString(), Is.EqualTo(expected[key]!.ToJsonString()), key);
            }

            Assert.That(faulted.Status, Is.EqualTo((int)expected["status_code"]!));
            Assert.That(after.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Next_FaultedCall_ChangesNoState()
    {
        Stytch.Faults.Next("otps.email.login_or_create").Fail(StytchError.TooManyRequests);

        await LoginOrCreateAsync("ada@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
            Assert.That(Stytch.Outbox.All, Is.Empty);
        });
    }

    [Test]
    public async Task ForEmail_OtherEmail_IsNotFaulted()
    {
        Stytch.Faults.Always("otps.email.login_or_create").ForEmail("ada@example.com").Fail(StytchError.TooManyRequests);

        var ada = await LoginOrCreateAsync("ada@example.com");
        var bob = await LoginOrCreateAsync("bob@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(ada.ErrorType, Is.EqualTo("too_many_requests"));
            Assert.That(bob.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Next_EndpointConstant_FaultsThatEndpointOnly()
    {
        Stytch.Faults.Next(StytchEndpoints.Consumer.OtpEmailLoginOrCreate, times: 2).Fail(StytchError.TooManyRequests);

        var faulted = await LoginOrCreateAsync("ada@example.com");
        var other = await Client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(faulted.ErrorType, Is.EqualTo("too_many_requests"));
            Assert.That(other.ErrorType, Is.EqualTo("email_not_found"));
        });
    }

    [Test]
    public async Task Always_AnyConstant_FaultsConsumerAndB2BCalls()
    {
        Stytch.Faults.Always(StytchEndpoints.Any).Fail(StytchError.ServerUnavailable);

        var consumer = await LoginOrCreateAsync("ada@example.com");
        var b2b = await Client.PostAsync("/v1/b2b/organizations", new { organization_name = "Acme" });

        Assert.Multiple(() =>
        {
            Assert.That(consumer.ErrorType, Is.EqualTo("server_unavailable"));
            Assert.That(b2b.ErrorType, Is.EqualTo("server_unavailable"));
        });
    }

    [Test]
    public async Task Always_AnyEndpoint_FaultsEveryStytchCallUntilCleared()
    {
        Stytch.Faults.Always("*").Fail(StytchError.ServerUnavailable);

        var first = await LoginOrCreateAsync("ada@example.com");
        var second = await Client.GetAsync("/v1/users/user-test-00000000-0000-4000-8000-000000000000");
        Stytch.Faults.Clear();
        var third = await LoginOrCreateAsync("ada@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(503));
            Assert.That(second.ErrorType, Is.EqualTo("server_unavailable"));
            Assert.That(third.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Respond_RawStatusAndBody_IsAnsweredAsGiven()
    {
        Stytch.Faults.Next("otps.authenticate").Respond(502, "<html>bad gateway</html>");

        var response = await AuthenticateAsync("email-test-00000000-0000-4000-8000-000000000000", "123456");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(502));
            Assert.That(response.Text, Is.EqualTo("<html>bad gateway</html>"));
        });
    }

    [Test]
    public void DropConnection_Call_FailsAtTheClient()
    {
        Stytch.Faults.Next("otps.email.login_or_create").DropConnection();

        Assert.That(async () => await LoginOrCreateAsync("ada@example.com"), Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Delay_Call_AnswersNormallyAfterTheLatency()
    {
        Stytch.Faults.Next("otps.email.login_or_create").Delay(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        var response = await LoginOrCreateAsync("ada@example.com");
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)));
        });
    }

    [Test]
    public async Task Sometimes_SameSeed_FailsTheSameCalls()
    {
        static async Task<string> PatternAsync()
        {
            // Same seed, same project id: each run gets its own server.
            await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { Project = new StytchProjectOptions { Seed = 42 } });
            fake.Faults.Sometimes("otps.email.login_or_create", 0.5).Fail(StytchError.TooManyRequests);
            using var client = new WireClient(fake);
            var pattern = "";
            for (var i = 0; i < 20; i++)
            {
                var r = await client.PostAsync("/v1/otps/email/login_or_create", new { email = $"u{i}@example.com" });
                pattern += r.Status == 429 ? "x" : ".";
            }

            return pattern;
        }

        var first = await PatternAsync();
        var second = await PatternAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Does.Contain("x").And.Contain("."));
        });
    }

    [Test]
    public void Next_UnknownEndpoint_IsRefusedWithTheKnownNames()
    {
        Assert.That(() => Stytch.Faults.Next("otps.email.login_or_creat"),
            Throws.ArgumentException.With.Message.Contains("otps.email.login_or_create"));
    }

    [Test]
    public async Task PostFaults_CannedError_AppliesToTheNextCallOnly()
    {
        var added = await Client.PostAsync(FaultsPath, new { endpoint = "otps.email.send", error_type = "internal_server_error", times = 1 });
        await LoginOrCreateAsync("ada@example.com");

        var faulted = await Client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });
        var normal = await Client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(added.Status, Is.EqualTo(201), added.Text);
            Assert.That(added["fault_id"], Does.StartWith("fault-test-"));
            Assert.That(faulted.Status, Is.EqualTo(500));
            Assert.That(faulted.ErrorType, Is.EqualTo("internal_server_error"));
            Assert.That(normal.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task GetFaults_AfterAdding_ListsTheRule()
    {
        await Client.PostAsync(FaultsPath, new { endpoint = "*", email_address = "ada@example.com", status_code = 503, body = "down" });

        var list = await Client.GetAsync(FaultsPath);

        var rule = list.Json["faults"]!.AsArray().Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(rule["endpoint"]!.GetValue<string>(), Is.EqualTo("*"));
            Assert.That(rule["email_address"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
            Assert.That(rule["action"]!.GetValue<string>(), Is.EqualTo("raw"));
            Assert.That(rule["status_code"]!.GetValue<int>(), Is.EqualTo(503));
            Assert.That(rule["times"], Is.Null);
        });
    }

    [Test]
    public async Task DeleteFaults_All_ClearsEveryRule()
    {
        await Client.PostAsync(FaultsPath, new { endpoint = "*", error_type = "too_many_requests" });

        var cleared = await Client.DeleteAsync(FaultsPath);
        var call = await LoginOrCreateAsync("ada@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(cleared.Status, Is.EqualTo(200));
            Assert.That(Stytch.Faults.All, Is.Empty);
            Assert.That(call.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task DeleteFault_ById_RemovesOnlyThatRule()
    {
        var first = Stytch.Faults.Always("otps.email.send").Fail(StytchError.TooManyRequests);
        var second = Stytch.Faults.Always("otps.authenticate").Fail(StytchError.TooManyRequests);

        var removed = await Client.DeleteAsync($"{FaultsPath}/{first.Id}");
        var missing = await Client.DeleteAsync($"{FaultsPath}/{first.Id}");

        Assert.Multiple(() =>
        {
            Assert.That(removed.Status, Is.EqualTo(200));
            Assert.That(missing.ErrorType, Is.EqualTo("fault_not_found"));
            Assert.That(Stytch.Faults.All.Select(r => r.Id), Is.EqualTo(new[] { second.Id }));
        });
    }

    [TestCase("""{"endpoint":"nope","error_type":"too_many_requests"}""", "Unknown endpoint")]
    [TestCase("""{"endpoint":"*","error_type":"no_such_error"}""", "Unknown error_type")]
    [TestCase("""{"endpoint":"*"}""", "Say what happens")]
    [TestCase("""{"endpoint":"*","error_type":"too_many_requests","status_code":500}""", "at most one")]
    [TestCase("""{"endpoint":"*","error_type":"too_many_requests","probability":2}""", "probability")]
    [TestCase("""{"error_type":"too_many_requests"}""", "endpoint is required")]
    [TestCase("""not json""", "The request body is not valid JSON at line 1, byte 2: ")]
    [TestCase("""{"endpoint":"*","error_type":"too_many_requests","nope":1}""", "Unknown field: nope")]
    public async Task PostFaults_BadRule_Is400WithAClearMessage(string body, string message)
    {
        var response = await Client.PostRawAsync(FaultsPath, body);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400));
            Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
            Assert.That(response["error_message"], Does.Contain(message));
            Assert.That(Stytch.Faults.All, Is.Empty);
        });
    }

    [Test]
    public async Task Reset_Project_ClearsFaultRules()
    {
        Stytch.Faults.Always("*").Fail(StytchError.TooManyRequests);

        Stytch.Reset();
        var call = await LoginOrCreateAsync("ada@example.com");

        Assert.That(call.Status, Is.EqualTo(200));
    }
}
