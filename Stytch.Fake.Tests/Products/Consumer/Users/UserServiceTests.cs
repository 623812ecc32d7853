using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.EmailOtp;

namespace Stytch.Fake.Tests.Products.Consumer.Users;

/// <summary>Consumer users in the engine, with the ids and the reset of the store they live in.</summary>
public sealed class UserServiceTests : ConsumerEngineTest
{
    // ---- users, ids, reset ----------------------------------------------------------------------

    [Test]
    public void DeleteUser_WithCode_RemovesUserAndCode()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        Consumer.Users.Delete(sent.UserId);

        Assert.That(ErrorOf(() => Consumer.Users.Get(sent.UserId)), Is.EqualTo(StytchError.UserNotFound));
        Assert.That(ErrorOf(() => Authenticate(sent, code)), Is.EqualTo(StytchError.OtpCodeNotFound));
    }

    [TestCase("a b")]
    [TestCase("")]
    [TestCase("   ")]
    public void GetUser_MalformedId_ThrowsInvalidUserId(string id)
    {
        Assert.That(ErrorOf(() => Consumer.Users.Get(id)), Is.EqualTo(StytchError.InvalidUserId));
    }

    [Test]
    public void CreateUser_ExistingEmail_ThrowsDuplicateEmail()
    {
        Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);

        Assert.That(ErrorOf(() => Consumer.Users.Create("ADA@example.com", pending: false)), Is.EqualTo(StytchError.DuplicateEmail));
    }

    [Test]
    public void ListUsers_SeveralUsers_OldestFirst()
    {
        var ada = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        Time.Advance(TimeSpan.FromSeconds(1));
        var bob = Consumer.EmailOtp.LoginOrCreate("bob@example.com", Defaults);

        Assert.That(Consumer.Users.List().Select(u => u.UserId), Is.EqualTo(new[] { ada.UserId, bob.UserId }));
    }

    [Test]
    public void Reset_AfterLogins_ForgetsUsersCodesAndMessages()
    {
        var sent = Consumer.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var code = CodeFor("ada@example.com");

        Consumer.Store.Reset();

        Assert.That(Consumer.Users.Count, Is.Zero);
        Assert.That(Consumer.Outbox.All, Is.Empty);
        Assert.That(ErrorOf(() => Authenticate(sent, code)), Is.EqualTo(StytchError.OtpCodeNotFound));
    }

    [Test]
    public void Ids_SameSeed_SameIdsAndCodes()
    {
        var a = NewState(seed: 42);
        var b = NewState(seed: 42);

        var sentA = a.EmailOtp.LoginOrCreate("ada@example.com", Defaults);
        var sentB = b.EmailOtp.LoginOrCreate("ada@example.com", Defaults);

        Assert.That(sentB, Is.EqualTo(sentA));
        Assert.That(b.Outbox.LatestFor("ada@example.com").Code, Is.EqualTo(a.Outbox.LatestFor("ada@example.com").Code));
    }

    [Test]
    public void Ids_LiveProject_SayLive()
    {
        var sent = NewState(live: true).EmailOtp.LoginOrCreate("ada@example.com", Defaults);

        Assert.That(sent.UserId, Does.Match("^user-live-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(sent.EmailId, Does.StartWith("email-live-"));
    }

    [Test]
    public void Codes_ManyIssued_AreAlwaysSixDigits()
    {
        var ids = new IdFactory(live: false, seed: 7);

        var codes = Enumerable.Range(0, 2000).Select(_ => ids.NewCode()).ToList();

        Assert.That(codes, Has.All.Match("^[0-9]{6}$"));
        Assert.That(codes.Distinct().Count(), Is.GreaterThan(1900));
    }

    [Test]
    public void Tokens_New_Are44UrlSafeCharacters()
    {
        var token = new IdFactory(live: false, seed: null).NewToken();

        Assert.That(token, Does.Match("^[A-Za-z0-9_-]{44}$"));
    }
}
