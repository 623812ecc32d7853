using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake.Tests.Products.Consumer.Users;

/// <summary>The user model's phones, emails and external ids in the engine: the table's indexes follow every change.</summary>
public sealed class UserPhoneTests : ConsumerEngineTest
{
    private const string Phone = "+14155550123";

    private UserService Users => Consumer.Users;

    [Test]
    public void AddWithPhone_NewNumber_IsFoundByNumberAndPhoneId()
    {
        var (user, phone) = Consumer.Store.Transact(() =>
        {
            var made = Users.AddWithPhone(Phone, pending: false, Consumer.Store.Clock.Now);
            return (Users.Public(made), made.Phones[0]);
        });

        Assert.That(phone.PhoneId, Does.Match("^phone-number-test-[0-9a-f-]{36}$"));
        Assert.That(user.PhoneNumbers, Is.EqualTo(new[] { new StytchUserPhone(phone.PhoneId, Phone, false) }));
        Assert.That((user.Emails, user.Email, user.EmailId), Is.EqualTo((Array.Empty<StytchUserEmail>(), "", "")));
        Assert.That(Consumer.Store.Transact(() => (Users.ByPhone(Phone)?.UserId, Users.ByPhoneId(phone.PhoneId)?.UserId)), Is.EqualTo((user.UserId, user.UserId)));
    }

    [Test]
    public void AddPhone_ToAnEmailUser_ListsItBesideTheEmail()
    {
        var created = Users.Create("ada@example.com", pending: false);
        Time.Advance(TimeSpan.FromMinutes(1));

        var phone = Consumer.Store.Transact(() => Users.AddPhone(Users.Require(created.UserId), Phone, Consumer.Store.Clock.Now));
        var user = Users.Get(created.UserId);

        Assert.That(user.PhoneNumbers.Select(p => p.PhoneId), Is.EqualTo(new[] { phone.PhoneId }));
        Assert.That(user.Emails.Select(e => e.Email), Is.EqualTo(new[] { "ada@example.com" }));
        Assert.That(user.UpdatedAt, Is.EqualTo(Start.AddMinutes(1)));
    }

    [Test]
    public void AddPhone_NumberTheUserHas_AnswersTheSamePhone()
    {
        var created = Users.Create("ada@example.com", pending: false);
        var first = Consumer.Store.Transact(() => Users.AddPhone(Users.Require(created.UserId), Phone, Start));

        var again = Consumer.Store.Transact(() => Users.AddPhone(Users.Require(created.UserId), Phone, Start));

        Assert.That(again, Is.EqualTo(first));
        Assert.That(Users.Get(created.UserId).PhoneNumbers, Has.Count.EqualTo(1));
    }

    [Test]
    public void AddPhone_NumberOfAnotherUser_ThrowsDuplicatePhoneNumberAndChangesNothing()
    {
        Consumer.Store.Transact(() => Users.AddWithPhone(Phone, pending: false, Start));
        var bob = Users.Create("bob@example.com", pending: false);

        Assert.That(ErrorOf(() => Consumer.Store.Transact(() => Users.AddPhone(Users.Require(bob.UserId), Phone, Start))), Is.EqualTo(StytchError.DuplicatePhoneNumber));
        Assert.That(Users.Get(bob.UserId).PhoneNumbers, Is.Empty);
    }

    [Test]
    public void AddEmail_SecondAddress_KeepsTheFirstAsThePrimaryEmail()
    {
        var created = Users.Create("ada@example.com", pending: false);

        var second = Consumer.Store.Transact(() => Users.AddEmail(Users.Require(created.UserId), "ada@work.example", Start));
        var user = Users.Get(created.UserId);

        Assert.That(user.Emails.Select(e => e.Email), Is.EqualTo(new[] { "ada@example.com", "ada@work.example" }));
        Assert.That((user.Email, user.EmailId), Is.EqualTo(("ada@example.com", created.EmailId)));
        Assert.That(Consumer.Store.Transact(() => Users.ByEmailId(second.EmailId)?.UserId), Is.EqualTo(created.UserId));
    }

    [Test]
    public void Delete_UserWithPhone_FreesTheNumber()
    {
        var userId = Consumer.Store.Transact(() => Users.AddWithPhone(Phone, pending: false, Start).UserId);

        Users.Delete(userId);

        Assert.That(Consumer.Store.Transact(() => Users.ByPhone(Phone)), Is.Null);
        Assert.That(() => Consumer.Store.Transact(() => Users.AddWithPhone(Phone, pending: false, Start)), Throws.Nothing);
    }

    [Test]
    public void Get_ExternalId_FindsTheUser()
    {
        var created = Users.Create("ada@example.com", pending: false);
        Consumer.Store.Transact(() => Consumer.Store.Part<UserTable>().SetExternalId(Users.Require(created.UserId), "crm-42"));

        Assert.That(Users.Get("crm-42").UserId, Is.EqualTo(created.UserId));
    }

    [Test]
    public void EmailOtpAuthenticate_SecondEmail_VerifiesOnlyThatEmail()
    {
        var created = Users.Create("ada@example.com", pending: false);
        Consumer.Store.Transact(() => Users.AddEmail(Users.Require(created.UserId), "ada@work.example", Start));
        var sent = Consumer.EmailOtp.Send("ada@work.example", Defaults);

        var result = Authenticate(sent, CodeFor("ada@work.example"));

        Assert.That(result.User.Emails.Select(e => (e.Email, e.Verified)), Is.EqualTo(new[] { ("ada@example.com", false), ("ada@work.example", true) }));
        Assert.That(result.MethodId, Is.Not.EqualTo(created.EmailId));
    }
}
