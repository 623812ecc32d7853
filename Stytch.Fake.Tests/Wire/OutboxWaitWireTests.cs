using System.Net;
using System.Text.Json.Nodes;
using Stytch.Fake.Products.Admin.Wire;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// The long poll <c>GET /_fake/v1/projects/{id}/outbox/wait</c>. The positive cases wait with a generous timeout and
/// end as soon as the message is sent; only the 408 case uses a short one.
/// </summary>
public sealed class OutboxWaitWireTests : FakeWireTest
{
    private const int Generous = 60_000;

    private string WaitPath => $"/_fake/v1/projects/{Stytch.ProjectId}/outbox/wait";

    private Core.ProjectStore Store => Stytch.DefaultProject.Store;

    private Task<WireResult> WaitAsync(string query) => Client.GetAsync(WaitPath + query);

    /// <summary>Until <paramref name="count"/> waits are registered, so that what a test sends next is newer than them.</summary>
    private async Task WaitersAsync(int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(Generous / 1000));
        while (Store.Outbox.WaiterCount != count)
        {
            await Task.Delay(5, deadline.Token);
        }
    }

    [Test]
    public async Task OutboxWait_MessageSentAfterTheCall_Answers200WithIt()
    {
        var waiting = WaitAsync($"?email_address=ada@example.com&timeout_ms={Generous}");
        await WaitersAsync(1);

        await LoginOrCreateAsync("ada@example.com");
        var response = await waiting;

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(new[] { "message" }));
        Assert.That(response.Json["message"]!["code"]!.GetValue<string>(), Is.EqualTo(Stytch.Outbox.LatestFor("ada@example.com").Code));
    }

    [Test]
    public async Task OutboxWait_MessageAlreadySent_IsNotAnsweredAndTimesOutWith408()
    {
        await LoginOrCreateAsync("ada@example.com");

        var response = await WaitAsync("?email_address=ada@example.com&timeout_ms=100");

        Assert.That(response.Status, Is.EqualTo(408), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("outbox_wait_timeout"));
    }

    [Test]
    public async Task OutboxWait_Timeout_Answers408WithTheErrorEnvelope()
    {
        var response = await WaitAsync("?email_address=ada@example.com&timeout_ms=50");

        Assert.Multiple(() =>
        {
            Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("status_code", "request_id", "error_type", "error_message", "error_url")));
            Assert.That(response.Json["status_code"]!.GetValue<int>(), Is.EqualTo(408));
            Assert.That(response["error_message"], Does.Contain("'ada@example.com'").And.Contain("50 ms"));
            Assert.That(Store.Outbox.WaiterCount, Is.Zero);
        });
    }

    [Test]
    public async Task OutboxWait_AMessageToSomeoneElse_DoesNotAnswerTheWait()
    {
        var waiting = WaitAsync($"?email_address=ada@example.com&timeout_ms={Generous}");
        await WaitersAsync(1);

        await LoginOrCreateAsync("bob@example.com");
        await LoginOrCreateAsync("ada@example.com");
        var response = await waiting;

        Assert.That(response.Json["message"]!["email_address"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
    }

    [Test]
    public async Task OutboxWait_WithAKind_PassesOverOtherKinds()
    {
        var waiting = WaitAsync($"?email_address=ada@example.com&kind=login&timeout_ms={Generous}");
        await WaitersAsync(1);

        await LoginOrCreateAsync("ada@example.com");   // a new user: a signup code
        await LoginOrCreateAsync("ada@example.com");   // now a login code
        var response = await waiting;

        Assert.That(response.Json["message"]!["kind"]!.GetValue<string>(), Is.EqualTo("login"));
    }

    [Test]
    public async Task OutboxWait_ByPhoneNumber_AnswersWithTheSms()
    {
        var waiting = WaitAsync($"?phone_number=%2B15555550100&timeout_ms={Generous}");
        await WaitersAsync(1);

        Store.Outbox.Add(OutboxWireTests.SmsMessage("+15555550100"));
        var response = await waiting;

        Assert.That(response.Json["message"]!["phone_number"]!.GetValue<string>(), Is.EqualTo("+15555550100"));
    }

    [Test]
    public async Task OutboxWait_ALinkMessage_CarriesTheTokenAndLink()
    {
        var waiting = WaitAsync($"?email_address=ada@example.com&timeout_ms={Generous}");
        await WaitersAsync(1);

        var sent = OutboxWireTests.LinkMessage("ada@example.com");
        Store.Outbox.Add(sent);
        var message = (await waiting).Json["message"]!;

        Assert.That((message["token"]!.GetValue<string>(), message["link"]!.GetValue<string>()), Is.EqualTo((sent.Token, sent.Link)));
    }

    [TestCase("")]
    [TestCase("?kind=login")]
    [TestCase("?email_address=ada@example.com&phone_number=%2B15555550100")]
    [TestCase("?email_address=ada@example.com&kind=magic")]
    [TestCase("?email_address=ada@example.com&timeout_ms=0")]
    [TestCase("?email_address=ada@example.com&timeout_ms=-5")]
    [TestCase("?email_address=ada@example.com&timeout_ms=1.5")]
    [TestCase("?email_address=ada@example.com&timeout_ms=soon")]
    [TestCase("?email_address=ada@example.com&timeout_ms=")]
    public async Task OutboxWait_BadQuery_Answers400AtOnce(string query)
    {
        var response = await WaitAsync(query);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(Store.Outbox.WaiterCount, Is.Zero);
    }

    [TestCase("99999999999999999999", OutboxEndpoints.MaxWaitMs)]
    [TestCase("120001", OutboxEndpoints.MaxWaitMs)]
    [TestCase("250", 250)]
    public void OutboxWait_TimeoutMs_IsCappedAtTheMaximum(string value, int used) =>
        Assert.That(OutboxEndpoints.TimeoutOf(value), Is.EqualTo(used));

    [Test]
    public void OutboxWait_NoTimeoutMs_WaitsTheDefault() =>
        Assert.That(OutboxEndpoints.TimeoutOf(null), Is.EqualTo(OutboxEndpoints.DefaultWaitMs));

    [Test]
    public async Task OutboxWait_UnknownProject_Answers404ProjectNotFound()
    {
        var response = await Client.GetAsync("/_fake/v1/projects/project-test-00000000-0000-4000-8000-000000000000/outbox/wait?email_address=ada@example.com");

        Assert.That(response.Status, Is.EqualTo(404), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("project_not_found"));
    }

    [Test]
    public async Task OutboxWait_ClientGoesAway_ReleasesItsWaiter()
    {
        using var gone = new CancellationTokenSource();
        var url = new Uri(Stytch.Url, WaitPath.TrimStart('/') + $"?email_address=ada@example.com&timeout_ms={Generous}");
        var waiting = Client.Http.GetAsync(url, gone.Token);
        await WaitersAsync(1);

        await gone.CancelAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        await WaitersAsync(0);
        Assert.That(Store.Outbox.WaiterCount, Is.Zero);
    }

    [Test]
    public async Task OutboxWait_ManyWaitsAtOnce_AreEachAnsweredByTheirOwnMessage()
    {
        const int Count = 64;
        var waits = Enumerable.Range(0, Count)
            .Select(i => WaitAsync($"?email_address=user{i}@example.com&timeout_ms={Generous}"))
            .ToArray();
        await WaitersAsync(Count);

        for (var i = 0; i < Count; i++)
        {
            Store.Outbox.Add(OutboxWireTests.LinkMessage($"user{i}@example.com"));
        }

        var answers = await Task.WhenAll(waits);

        Assert.That(answers.Select(a => a.Json["message"]!["email_address"]!.GetValue<string>()),
            Is.EqualTo(Enumerable.Range(0, Count).Select(i => $"user{i}@example.com")));
        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo((int)HttpStatusCode.OK));
    }
}
