// The README's composable fixture, compiled and run as it stands. ReadmeTests checks the two stay identical.
#pragma warning disable CA1050 // The README shows the class without a namespace, as a user would paste it.
// README:fixture:begin
using System.Net;
using System.Net.Http.Json;
using NUnit.Framework;
using Stytch.Fake;
using Stytch.Fake.NUnit;

[Parallelizable(ParallelScope.Children)]
public class RateLimitedLoginTests
{
    private readonly StytchFakeFixture _stytch = new() { ProjectPerTest = true };

    [OneTimeSetUp] public Task StartStytchAsync() => _stytch.StartAsync();
    [SetUp] public void BeforeTest() => _stytch.BeforeTest();
    [TearDown] public void AfterTest() => _stytch.AfterTest();   // reports a failed test's outbox and requests
    [OneTimeTearDown] public async Task StopStytchAsync() => await _stytch.DisposeAsync();

    [Test]
    public async Task LoginOrCreate_StytchRateLimits_Answers429()
    {
        _stytch.Project.Faults.Next(StytchEndpoints.Consumer.OtpEmailLoginOrCreate).Fail(StytchError.TooManyRequests);
        using var http = _stytch.CreateClient();
        var sent = await http.PostAsJsonAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" });
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
// README:fixture:end
