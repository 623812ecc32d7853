using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Tests.Products.B2B.Sessions;

/// <summary>Intermediate sessions: issued for ten minutes on the project clock, found by token, used up on removal.</summary>
public sealed class IntermediateSessionTableTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly IdFactory _ids = new(false, null);
    private IntermediateSessionTable _table = null!;

    [SetUp]
    public void CreateTable() => _table = new IntermediateSessionTable();

    [Test]
    public void Issue_ADiscoverySession_LivesTenMinutesWithAWellFormedToken()
    {
        var session = _table.Issue(_ids, "ada@example.com", null, null, [], Start);
        Assert.Multiple(() =>
        {
            Assert.That(session.ExpiresAt - session.CreatedAt, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(Validate.IsSessionToken(session.Token), Is.True);
            Assert.That(_table.Find(session.Token, Start.AddMinutes(9)), Is.EqualTo(session));
        });
    }

    [Test]
    public void Find_AfterTenMinutes_IsIntermediateSessionNotFound()
    {
        var session = _table.Issue(_ids, "ada@example.com", null, null, [], Start);
        var error = Assert.Throws<StytchException>(() => _table.Find(session.Token, Start.AddMinutes(10)))!.Error;
        Assert.That(error.ErrorType, Is.EqualTo("intermediate_session_not_found"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not-a-token")]
    public void FindOrDefault_AnUnknownToken_IsNull(string? token) =>
        Assert.That(_table.FindOrDefault(token, Start), Is.Null);

    [Test]
    public void Remove_AnExchangedSession_IsNotFoundAgain()
    {
        var session = _table.Issue(_ids, "ada@example.com", "organization-test-1", "member-test-1", [], Start);
        _table.Remove(session.Token);
        Assert.That(_table.FindOrDefault(session.Token, Start), Is.Null);
    }

    [Test]
    public void RemoveWhere_AnOrganizationsSessions_LeavesTheOthers()
    {
        var bound = _table.Issue(_ids, "ada@example.com", "organization-test-1", "member-test-1", [], Start);
        var discovery = _table.Issue(_ids, "ada@example.com", null, null, [], Start);
        _table.RemoveWhere(s => s.OrganizationId == "organization-test-1");
        Assert.Multiple(() =>
        {
            Assert.That(_table.FindOrDefault(bound.Token, Start), Is.Null);
            Assert.That(_table.FindOrDefault(discovery.Token, Start), Is.Not.Null);
        });
    }

    [Test]
    public void Issue_OnAFakeClock_ExpiresWhenTheClockMoves()
    {
        var time = new FakeTimeProvider(Start);
        var clock = new StytchClock(time);
        var session = _table.Issue(_ids, "ada@example.com", null, null, [], clock.Now);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.That(_table.FindOrDefault(session.Token, clock.Now), Is.Null);
    }
}
