using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>The outbox back door's message contract (channel, kind, code or token and link, recipient) and its filters.</summary>
public sealed class OutboxWireTests : FakeWireTest
{
    private string OutboxPath => $"/_fake/v1/projects/{Stytch.ProjectId}/outbox";

    private async Task<JsonArray> MessagesAsync(string query = "")
    {
        var response = await Client.GetAsync(OutboxPath + query);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json["messages"]!.AsArray();
    }

    private void Put(OutboxMessage message) => Stytch.DefaultProject.Store.Outbox.Add(message);

    internal static OutboxMessage LinkMessage(string email, MessageKind kind = MessageKind.Login) => new()
    {
        MessageId = "message-test-" + Guid.NewGuid(),
        EmailAddress = email,
        Token = "tok_" + Guid.NewGuid().ToString("N"),
        Link = "http://localhost:3000/authenticate?stytch_token_type=magic_links&token=abc",
        MethodId = "email-test-00000000-0000-4000-8000-000000000001",
        Kind = kind,
        SentAt = Start,
        ExpiresAt = Start.AddHours(1),
    };

    internal static OutboxMessage SmsMessage(string phone, MessageKind kind = MessageKind.Login) => new()
    {
        MessageId = "message-test-" + Guid.NewGuid(),
        Channel = DeliveryChannel.Sms,
        PhoneNumber = phone,
        Code = "123456",
        MethodId = "phone-number-test-00000000-0000-4000-8000-000000000001",
        Kind = kind,
        SentAt = Start,
        ExpiresAt = Start.AddMinutes(2),
    };

    [Test]
    public async Task Outbox_CodeMessage_HasChannelEmailAndCodeButNoTokenLinkOrPhone()
    {
        await LoginOrCreateAsync("ada@example.com");

        var message = (await MessagesAsync())[0]!;

        Assert.Multiple(() =>
        {
            Assert.That(message["channel"]!.GetValue<string>(), Is.EqualTo("email"));
            Assert.That(message["code"]!.GetValue<string>(), Does.Match("^[0-9]{6}$"));
            Assert.That(message["token"], Is.Null);
            Assert.That(message["link"], Is.Null);
            Assert.That(message["email_address"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
            Assert.That(message["phone_number"], Is.Null);
        });
    }

    [Test]
    public async Task Outbox_LinkMessage_HasTokenAndLinkAndNullCode()
    {
        var sent = LinkMessage("ada@example.com");
        Put(sent);

        var message = (await MessagesAsync())[0]!;

        Assert.Multiple(() =>
        {
            Assert.That(message["code"], Is.Null);
            Assert.That(message["token"]!.GetValue<string>(), Is.EqualTo(sent.Token));
            Assert.That(message["link"]!.GetValue<string>(), Is.EqualTo(sent.Link));
            Assert.That(message["channel"]!.GetValue<string>(), Is.EqualTo("email"));
        });
    }

    [TestCase(DeliveryChannel.Sms, "sms")]
    [TestCase(DeliveryChannel.WhatsApp, "whatsapp")]
    public async Task Outbox_PhoneMessage_HasItsChannelAndPhoneNumberAndNullEmail(DeliveryChannel channel, string name)
    {
        Put(SmsMessage("+15555550100") with { Channel = channel });

        var message = (await MessagesAsync())[0]!;

        Assert.Multiple(() =>
        {
            Assert.That(message["channel"]!.GetValue<string>(), Is.EqualTo(name));
            Assert.That(message["phone_number"]!.GetValue<string>(), Is.EqualTo("+15555550100"));
            Assert.That(message["email_address"], Is.Null);
        });
    }

    [TestCase(MessageKind.Login, "login")]
    [TestCase(MessageKind.Signup, "signup")]
    [TestCase(MessageKind.Invite, "invite")]
    [TestCase(MessageKind.Discovery, "discovery")]
    [TestCase(MessageKind.Mfa, "mfa")]
    [TestCase(MessageKind.PasswordReset, "password_reset")]
    public async Task Outbox_EveryKind_IsWrittenInSnakeCase(MessageKind kind, string name)
    {
        Put(LinkMessage("ada@example.com", kind));

        Assert.That((await MessagesAsync())[0]!["kind"]!.GetValue<string>(), Is.EqualTo(name));
    }

    [Test]
    public async Task Outbox_FilteredByPhoneNumber_ReturnsOnlyThatPhonesMessages()
    {
        Put(SmsMessage("+15555550100"));
        Put(SmsMessage("+15555550199"));
        Put(LinkMessage("ada@example.com"));

        var messages = await MessagesAsync("?phone_number=%2B15555550100");

        Assert.That(messages.Select(m => m!["phone_number"]!.GetValue<string>()), Is.EqualTo(new[] { "+15555550100" }));
    }

    [Test]
    public async Task Outbox_PhoneNumberWithAnUnescapedPlus_IsReadAsTheE164Number()
    {
        Put(SmsMessage("+15555550100"));

        var messages = await MessagesAsync("?phone_number=+15555550100");

        Assert.That(messages, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Outbox_FilteredByEmail_LeavesOutPhoneMessages()
    {
        Put(SmsMessage("+15555550100"));
        Put(LinkMessage("ada@example.com"));

        var messages = await MessagesAsync("?email_address=ada@example.com");

        Assert.That(messages.Select(m => m!["channel"]!.GetValue<string>()), Is.EqualTo(new[] { "email" }));
    }

    [Test]
    public async Task Outbox_FilteredByKind_ReturnsOnlyThatKind()
    {
        Put(LinkMessage("ada@example.com", MessageKind.Signup));
        Put(LinkMessage("ada@example.com", MessageKind.Login));
        Put(LinkMessage("bob@example.com", MessageKind.Invite));

        var messages = await MessagesAsync("?kind=signup");

        Assert.That(messages.Select(m => m!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "signup" }));
    }

    [Test]
    public async Task Outbox_FilteredByEmailAndKind_AppliesBoth()
    {
        Put(LinkMessage("ada@example.com", MessageKind.Invite));
        Put(LinkMessage("bob@example.com", MessageKind.Invite));
        Put(LinkMessage("ada@example.com", MessageKind.Login));

        var messages = await MessagesAsync("?email_address=ada@example.com&kind=invite");

        Assert.That(messages.Select(m => (m!["email_address"]!.GetValue<string>(), m["kind"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("ada@example.com", "invite") }));
    }

    [TestCase("?kind=magic")]
    [TestCase("?kind=Login")]
    [TestCase("?kind=")]
    [TestCase("?email_address=")]
    [TestCase("?phone_number=%20")]
    [TestCase("?email_address=ada@example.com&phone_number=%2B15555550100")]
    public async Task Outbox_BadFilter_Returns400BadRequest(string query)
    {
        var response = await Client.GetAsync(OutboxPath + query);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
    }

    [Test]
    public async Task Outbox_UnknownKind_NamesTheKnownKinds()
    {
        var response = await Client.GetAsync(OutboxPath + "?kind=magic");

        Assert.That(response["error_message"], Does.Contain("login, signup, invite, discovery, mfa, password_reset"));
    }

    [Test]
    public void LatestFor_WithAKind_SkipsNewerMessagesOfOtherKinds()
    {
        var invite = LinkMessage("ada@example.com", MessageKind.Invite);
        Put(invite);
        Put(LinkMessage("ada@example.com", MessageKind.Login));

        Assert.That(Stytch.Outbox.LatestFor("ada@example.com", MessageKind.Invite), Is.EqualTo(invite));
    }

    [Test]
    public void LatestFor_ALinkMessage_GivesItsTokenAndLink()
    {
        var sent = LinkMessage("ada@example.com");
        Put(sent);

        var latest = Stytch.Outbox.LatestFor("ADA@example.com");

        Assert.That((latest.Token, latest.Link, latest.Code), Is.EqualTo((sent.Token, sent.Link, "")));
    }
}
