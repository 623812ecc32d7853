using Microsoft.Extensions.Time.Testing;

namespace Stytch.Fake.Tests.Engine;

/// <summary>The engine's clock, outbox and error catalogue.</summary>
public sealed class EngineSupportTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static OutboxMessage Message(string email, string code, int second) => new()
    {
        MessageId = $"message-{second}",
        EmailAddress = email,
        Code = code,
        MethodId = "email-test-x",
        Kind = MessageKind.Login,
        SentAt = Start.AddSeconds(second),
        ExpiresAt = Start.AddSeconds(second + 120),
    };

    [Test]
    public void Clock_Advance_MovesAheadOfTheUnderlyingTime()
    {
        var clock = new StytchClock(new FakeTimeProvider(Start));

        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.That(clock.Now, Is.EqualTo(Start.AddMinutes(11)));
        Assert.That(clock.Offset, Is.EqualTo(TimeSpan.FromMinutes(11)));
    }

    [Test]
    public void Clock_AdvanceNegative_Throws()
    {
        var clock = new StytchClock(new FakeTimeProvider(Start));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.That(clock.Now, Is.EqualTo(Start));
    }

    [Test]
    public void Clock_SetThenUnderlyingAdvances_KeepsRunningFromTheSetTime()
    {
        var time = new FakeTimeProvider(Start);
        var clock = new StytchClock(time);
        var target = new DateTimeOffset(2040, 5, 6, 7, 8, 9, TimeSpan.Zero);

        clock.Set(target);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(clock.Now, Is.EqualTo(target.AddSeconds(10)));
    }

    [Test]
    public void Clock_Restore_GoesBackToTheUnderlyingTime()
    {
        var clock = new StytchClock(new FakeTimeProvider(Start));
        clock.Advance(TimeSpan.FromHours(1));

        clock.Restore();

        Assert.That(clock.Now, Is.EqualTo(Start));
        Assert.That(clock.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Outbox_All_IsNewestFirst()
    {
        var outbox = new Outbox();
        outbox.Add(Message("ada@example.com", "111111", 0));
        outbox.Add(Message("bob@example.com", "222222", 1));

        Assert.That(outbox.All.Select(m => m.Code), Is.EqualTo(new[] { "222222", "111111" }));
    }

    [Test]
    public void Outbox_LatestFor_IgnoresCaseAndOtherRecipients()
    {
        var outbox = new Outbox();
        outbox.Add(Message("ada@example.com", "111111", 0));
        outbox.Add(Message("ada@example.com", "333333", 1));
        outbox.Add(Message("bob@example.com", "222222", 2));

        Assert.That(outbox.LatestFor("ADA@example.com").Code, Is.EqualTo("333333"));
    }

    [Test]
    public void Outbox_LatestForUnknownEmail_ThrowsNamingTheRecipients()
    {
        var outbox = new Outbox();
        outbox.Add(Message("ada@example.com", "111111", 0));

        var error = Assert.Throws<InvalidOperationException>(() => outbox.LatestFor("bob@example.com"));

        Assert.That(error!.Message, Does.Contain("bob@example.com").And.Contain("ada@example.com"));
        Assert.That(outbox.FindLatestFor("bob@example.com"), Is.Null);
    }

    [Test]
    public void Outbox_OverCapacity_DropsTheOldest()
    {
        var outbox = new Outbox(capacity: 3);

        for (var i = 0; i < 5; i++)
        {
            outbox.Add(Message("ada@example.com", $"00000{i}", i));
        }

        Assert.That(outbox.All.Select(m => m.Code), Is.EqualTo(new[] { "000004", "000003", "000002" }));
    }

    [Test]
    public void Catalogue_ErrorTypes_AreUniqueApartFromTheAdminTokenAlias()
    {
        var types = StytchError.Catalogue.Where(e => e != StytchError.AdminTokenRequired).Select(e => e.ErrorType).ToList();

        Assert.That(types, Is.Unique);
    }

    [Test]
    public void Catalogue_Find_ReturnsTheStytchEntryNotTheAdminAlias()
    {
        Assert.That(StytchError.Find("unauthorized_credentials"), Is.SameAs(StytchError.UnauthorizedCredentials));
        Assert.That(StytchError.Find("no_such_error"), Is.Null);
    }

    [Test]
    public void Catalogue_EveryEntry_HasAnErrorStatusAndMessage()
    {
        Assert.That(StytchError.Catalogue, Has.All.Matches<StytchError>(e =>
            e.StatusCode is >= 400 and < 600 && !string.IsNullOrWhiteSpace(e.Message) && !string.IsNullOrWhiteSpace(e.ErrorType)));
    }

    [Test]
    public void Exception_ForError_CarriesTheError()
    {
        var exception = new StytchException(StytchError.EmailNotFound);

        Assert.That(exception.Error, Is.SameAs(StytchError.EmailNotFound));
        Assert.That(exception.Message, Does.Contain("email_not_found").And.Contain("404"));
    }
}
