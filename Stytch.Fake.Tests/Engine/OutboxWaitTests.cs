namespace Stytch.Fake.Tests.Engine;

/// <summary>
/// <see cref="Outbox.WaitForAsync(string, TimeSpan)"/>: a wait ends when a message newer than the call arrives, never
/// by polling. Positive cases use a generous timeout and end at the send; only the timeout case uses a short one.
/// </summary>
public sealed class OutboxWaitTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static OutboxMessage Message(string email, MessageKind kind = MessageKind.Login) => new()
    {
        MessageId = "message-test-" + Guid.NewGuid(),
        EmailAddress = email,
        Code = "123456",
        MethodId = "email-test-00000000-0000-4000-8000-000000000001",
        Kind = kind,
        SentAt = Now,
        ExpiresAt = Now.AddMinutes(10),
    };

    [Test]
    public async Task WaitForAsync_AMessageAddedAfterTheCall_CompletesWithIt()
    {
        var outbox = new Outbox();
        var waiting = outbox.WaitForAsync("ada@example.com", Generous);

        var sent = Message("ada@example.com");
        outbox.Add(sent);

        Assert.That(await waiting, Is.SameAs(sent));
    }

    [Test]
    public async Task WaitForAsync_AMessageAlreadyThere_IsNotWhatItWaitsFor()
    {
        var outbox = new Outbox();
        outbox.Add(Message("ada@example.com"));

        var waiting = outbox.WaitForAsync("ada@example.com", Generous);
        Assert.That(waiting.IsCompleted, Is.False);
        var newer = Message("ada@example.com");
        outbox.Add(newer);

        Assert.That(await waiting, Is.SameAs(newer));
    }

    [Test]
    public async Task WaitForAsync_AnotherRecipient_DoesNotCompleteIt()
    {
        var outbox = new Outbox();
        var waiting = outbox.WaitForAsync("ADA@example.com", Generous);

        outbox.Add(Message("bob@example.com"));
        Assert.That(waiting.IsCompleted, Is.False);
        var ada = Message("ada@example.com");
        outbox.Add(ada);

        Assert.That(await waiting, Is.SameAs(ada));
    }

    [Test]
    public async Task WaitForAsync_WithAKind_PassesOverOtherKinds()
    {
        var outbox = new Outbox();
        var waiting = outbox.WaitForAsync("ada@example.com", MessageKind.Invite, Generous);

        outbox.Add(Message("ada@example.com", MessageKind.Login));
        Assert.That(waiting.IsCompleted, Is.False);
        var invite = Message("ada@example.com", MessageKind.Invite);
        outbox.Add(invite);

        Assert.That(await waiting, Is.SameAs(invite));
    }

    [Test]
    public async Task WaitForAsync_TwoWaitsForOneRecipient_BothGetTheMessage()
    {
        var outbox = new Outbox();
        var first = outbox.WaitForAsync("ada@example.com", Generous);
        var second = outbox.WaitForAsync("ada@example.com", Generous);

        var sent = Message("ada@example.com");
        outbox.Add(sent);

        Assert.That(await Task.WhenAll(first, second), Has.All.SameAs(sent));
        Assert.That(outbox.WaiterCount, Is.Zero);
    }

    [Test]
    public void WaitForAsync_NothingArrives_ThrowsTimeoutExceptionAndLeavesNoWaiter()
    {
        var outbox = new Outbox();

        var error = Assert.ThrowsAsync<TimeoutException>(() => outbox.WaitForAsync("ada@example.com", TimeSpan.FromMilliseconds(20)));

        Assert.That(error!.Message, Does.Contain("ada@example.com"));
        Assert.That(outbox.WaiterCount, Is.Zero);
    }

    [Test]
    public async Task WaitForAsync_Cancelled_ThrowsAndLeavesNoWaiter()
    {
        var outbox = new Outbox();
        using var cancel = new CancellationTokenSource();
        var waiting = outbox.WaitForAsync("ada@example.com", Generous, cancel.Token);
        Assert.That(outbox.WaiterCount, Is.EqualTo(1));

        await cancel.CancelAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(outbox.WaiterCount, Is.Zero);
    }

    [Test]
    public async Task WaitForAsync_Completed_LeavesNoWaiter()
    {
        var outbox = new Outbox();
        var waiting = outbox.WaitForAsync("ada@example.com", Generous);

        outbox.Add(Message("ada@example.com"));
        await waiting;

        Assert.That(outbox.WaiterCount, Is.Zero);
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void WaitForAsync_ATimeoutNotAboveZero_IsRefused(int ms) =>
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new Outbox().WaitForAsync("ada@example.com", TimeSpan.FromMilliseconds(ms)));

    [Test]
    public void WaitForAsync_NoRecipient_IsRefused() =>
        Assert.ThrowsAsync<ArgumentException>(() => new Outbox().WaitForAsync(" ", Generous));

    [Test]
    public void For_WithAKind_ListsOnlyThatKindNewestFirst()
    {
        var outbox = new Outbox();
        var older = Message("ada@example.com", MessageKind.Signup);
        outbox.Add(older);
        outbox.Add(Message("ada@example.com", MessageKind.Login));
        var newer = Message("ada@example.com", MessageKind.Signup);
        outbox.Add(newer);

        Assert.That(outbox.For("ada@example.com", MessageKind.Signup), Is.EqualTo(new[] { newer, older }));
    }

    [Test]
    public void LatestFor_NoMessageOfTheKind_ThrowsNamingWhatTheOutboxHolds()
    {
        var outbox = new Outbox();
        outbox.Add(Message("ada@example.com", MessageKind.Login));

        var error = Assert.Throws<InvalidOperationException>(() => outbox.LatestFor("ada@example.com", MessageKind.Invite));

        Assert.That(error!.Message, Does.Contain("No invite message").And.Contain("ada@example.com (login)"));
    }
}
