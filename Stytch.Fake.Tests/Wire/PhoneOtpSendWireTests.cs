namespace Stytch.Fake.Tests.Wire;

/// <summary>Consumer SMS and WhatsApp codes over loopback HTTP: login_or_create and send, their outbox messages and errors.</summary>
public sealed class PhoneOtpSendWireTests : FakeWireTest
{
    private const string Phone = "+14155550123";
    private const string OtherPhone = "+16505550199";
    private const string SmsLoginOrCreate = "/v1/otps/sms/login_or_create";
    private const string SmsSend = "/v1/otps/sms/send";
    private const string WhatsAppLoginOrCreate = "/v1/otps/whatsapp/login_or_create";
    private const string WhatsAppSend = "/v1/otps/whatsapp/send";
    private const string SandboxUserId = "user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd";

    // ---- login_or_create ------------------------------------------------------------------------

    [TestCase(SmsLoginOrCreate)]
    [TestCase(WhatsAppLoginOrCreate)]
    public async Task LoginOrCreate_NewNumber_ReturnsExactlyTheDocumentedKeys(string path)
    {
        var response = await Client.PostAsync(path, new { phone_number = Phone });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "phone_id", "user_created", "status_code")));
        Assert.That(response["user_id"], Does.Match(WireShapes.UserId()));
        Assert.That(response["phone_id"], Does.Match("^phone-number-test-[0-9a-f-]{36}$"));
        Assert.That(response.Json["user_created"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task LoginOrCreate_ExistingNumber_ReturnsTheSameUserNotCreated()
    {
        var first = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });

        var second = await Client.PostAsync(WhatsAppLoginOrCreate, new { phone_number = Phone });

        Assert.That(second.Json["user_created"]!.GetValue<bool>(), Is.False);
        Assert.That((second["user_id"], second["phone_id"]), Is.EqualTo((first["user_id"], first["phone_id"])));
    }

    [Test]
    public async Task LoginOrCreate_SameNewNumberInParallel_CreatesExactlyOneUser()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone })));

        Assert.That(responses.Count(r => r.Json["user_created"]!.GetValue<bool>()), Is.EqualTo(1));
        Assert.That(responses.Select(r => r["user_id"]).Distinct().Count(), Is.EqualTo(1));
        Assert.That(Stytch.Outbox.For(Phone), Has.Count.EqualTo(12));
    }

    [Test]
    public async Task LoginOrCreate_NewNumber_UserHasTheNumberUnverified()
    {
        var created = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });

        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        var phone = user.Json["phone_numbers"]!.AsArray().Single()!;
        Assert.That((phone["phone_id"]!.GetValue<string>(), phone["phone_number"]!.GetValue<string>(), phone["verified"]!.GetValue<bool>()),
            Is.EqualTo((created["phone_id"], Phone, false)));
        Assert.That(user["status"], Is.EqualTo("active"));
        Assert.That(user.Json["emails"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task LoginOrCreate_CreateUserAsPending_UserIsPending()
    {
        var created = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone, create_user_as_pending = true });

        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(user["status"], Is.EqualTo("pending"));
    }

    [TestCase(SmsLoginOrCreate, DeliveryChannel.Sms)]
    [TestCase(WhatsAppLoginOrCreate, DeliveryChannel.WhatsApp)]
    public async Task LoginOrCreate_NewNumber_OutboxHoldsASignupCodeOnItsChannel(string path, DeliveryChannel channel)
    {
        var response = await Client.PostAsync(path, new { phone_number = Phone });

        var message = Stytch.Outbox.LatestFor(Phone);
        Assert.Multiple(() =>
        {
            Assert.That(message.Channel, Is.EqualTo(channel));
            Assert.That(message.PhoneNumber, Is.EqualTo(Phone));
            Assert.That(message.EmailAddress, Is.Empty);
            Assert.That(message.Kind, Is.EqualTo(MessageKind.Signup));
            Assert.That(message.MethodId, Is.EqualTo(response["phone_id"]));
            Assert.That(message.UserId, Is.EqualTo(response["user_id"]));
            Assert.That(message.Locale, Is.EqualTo("en"));
            Assert.That(message.Code, Does.Match("^[0-9]{6}$"));
        });
    }

    [Test]
    public async Task LoginOrCreate_ActiveExistingUser_OutboxMessageIsLogin()
    {
        await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });

        await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone, locale = "pt-br" });

        Assert.That(Stytch.Outbox.LatestFor(Phone).Kind, Is.EqualTo(MessageKind.Login));
        Assert.That(Stytch.Outbox.LatestFor(Phone).Locale, Is.EqualTo("pt-br"));
    }

    [Test]
    public async Task LoginOrCreate_DefaultExpiration_ExpiresTwoMinutesAfterSending()
    {
        await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });

        var message = Stytch.Outbox.LatestFor(Phone);
        Assert.That((message.SentAt, message.ExpiresAt - message.SentAt), Is.EqualTo((Start, TimeSpan.FromMinutes(2))));
    }

    [TestCase(1)]
    [TestCase(10)]
    public async Task LoginOrCreate_ExpirationMinutesInRange_SetsExpiry(int minutes)
    {
        await Client.PostAsync(WhatsAppLoginOrCreate, new { phone_number = Phone, expiration_minutes = minutes });

        var message = Stytch.Outbox.LatestFor(Phone);
        Assert.That(message.ExpiresAt - message.SentAt, Is.EqualTo(TimeSpan.FromMinutes(minutes)));
    }

    [TestCase(0)]
    [TestCase(11)]
    [TestCase(-5)]
    public async Task LoginOrCreate_ExpirationMinutesOutOfRange_Returns400InvalidExpirationOtp(int minutes)
    {
        var response = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone, expiration_minutes = minutes });

        Assert.That((response.Status, response["error_type"]), Is.EqualTo((400, "invalid_expiration_otp")));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [TestCase("4155550123")]
    [TestCase("+1 415 555 0123")]
    [TestCase("+1-415-555-0123")]
    [TestCase("+15555550100")]
    [TestCase("+1415555012")]
    [TestCase("+")]
    [TestCase("")]
    [TestCase("ada@example.com")]
    public async Task LoginOrCreate_NotAnE164Number_Returns400InvalidPhoneNumber(string phoneNumber)
    {
        var response = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = phoneNumber });

        Assert.That((response.Status, response["error_type"]), Is.EqualTo((400, "invalid_phone_number")));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrCreate_NoNumber_Returns400InvalidPhoneNumber()
    {
        var response = await Client.PostRawAsync(WhatsAppLoginOrCreate, "{}");

        Assert.That((response.Status, response["error_type"]), Is.EqualTo((400, "invalid_phone_number")));
    }

    [Test]
    public async Task LoginOrCreate_UnknownLocale_Returns400InvalidLocale()
    {
        var response = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone, locale = "klingon" });

        Assert.That((response.Status, response["error_type"]), Is.EqualTo((400, "invalid_locale")));
    }

    [Test]
    public async Task LoginOrCreate_NumberAsANumber_Returns400BadRequest()
    {
        var response = await Client.PostRawAsync(SmsLoginOrCreate, """{"phone_number":14155550123}""");

        Assert.That((response.Status, response["error_type"]), Is.EqualTo((400, "bad_request")));
    }

    // ---- send -----------------------------------------------------------------------------------

    [TestCase(SmsSend)]
    [TestCase(WhatsAppSend)]
    public async Task Send_UnknownNumber_Returns404PhoneNumberNotFound(string path)
    {
        var response = await Client.PostAsync(path, new { phone_number = Phone });

        Assert.That((response.Status, response["error_type"]), Is.EqualTo((404, "phone_number_not_found")));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task Send_KnownNumber_ReturnsTheUserAndPhoneAndSendsALoginCode()
    {
        var created = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });

        var sent = await Client.PostAsync(WhatsAppSend, new { phone_number = Phone });

        Assert.That(WireShapes.Keys(sent.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "phone_id", "status_code")));
        Assert.That((sent["user_id"], sent["phone_id"]), Is.EqualTo((created["user_id"], created["phone_id"])));
        Assert.That((Stytch.Outbox.LatestFor(Phone).Channel, Stytch.Outbox.LatestFor(Phone).Kind), Is.EqualTo((DeliveryChannel.WhatsApp, MessageKind.Login)));
    }

    [Test]
    public async Task Send_UserId_AddsTheNumberToThatUserUnverified()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");

        var sent = await Client.PostAsync(SmsSend, new { phone_number = Phone, user_id = user.UserId });
        var read = await Client.GetAsync($"/v1/users/{user.UserId}");

        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        Assert.That(sent["user_id"], Is.EqualTo(user.UserId));
        Assert.That(read.Json["phone_numbers"]![0]!["phone_id"]!.GetValue<string>(), Is.EqualTo(sent["phone_id"]));
        Assert.That(read.Json["phone_numbers"]![0]!["verified"]!.GetValue<bool>(), Is.False);
        Assert.That(Stytch.Outbox.LatestFor(Phone).UserId, Is.EqualTo(user.UserId));
    }

    [Test]
    public async Task Send_SessionToken_AddsTheNumberToTheSessionsUser()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        var minted = Stytch.DefaultProject.Sessions.Mint(user.UserId);

        var sent = await Client.PostAsync(WhatsAppSend, new { phone_number = Phone, session_token = minted.SessionToken });

        Assert.That(sent["user_id"], Is.EqualTo(user.UserId));
        Assert.That(Stytch.DefaultProject.Users.Get(user.UserId).PhoneNumbers.Single().PhoneNumber, Is.EqualTo(Phone));
    }

    [Test]
    public async Task Send_SessionJwt_AddsTheNumberToTheSessionsUser()
    {
        var user = Stytch.DefaultProject.Users.Create("ada@example.com");
        var minted = Stytch.DefaultProject.Sessions.Mint(user.UserId);

        var sent = await Client.PostAsync(SmsSend, new { phone_number = Phone, session_jwt = minted.SessionJwt });

        Assert.That(sent["user_id"], Is.EqualTo(user.UserId));
    }

    [Test]
    public async Task Send_UserIdWithAnotherUsersNumber_Returns400DuplicatePhoneNumber()
    {
        await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });
        var other = Stytch.DefaultProject.Users.Create("ada@example.com");

        var sent = await Client.PostAsync(SmsSend, new { phone_number = Phone, user_id = other.UserId });

        Assert.That((sent.Status, sent["error_type"]), Is.EqualTo((400, "duplicate_phone_number")));
        Assert.That(Stytch.DefaultProject.Users.Get(other.UserId).PhoneNumbers, Is.Empty);
        Assert.That(Stytch.Outbox.For(Phone), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Send_UnknownUserId_Returns404UserNotFound()
    {
        var sent = await Client.PostAsync(SmsSend, new { phone_number = Phone, user_id = "user-test-00000000-0000-4000-8000-000000000000" });

        Assert.That((sent.Status, sent["error_type"]), Is.EqualTo((404, "user_not_found")));
    }

    [Test]
    public async Task Send_UserIdAndAnotherUsersSession_Returns404SessionNotFound()
    {
        var ada = Stytch.DefaultProject.Users.Create("ada@example.com");
        var bob = Stytch.DefaultProject.Users.Create("bob@example.com");
        var minted = Stytch.DefaultProject.Sessions.Mint(bob.UserId);

        var sent = await Client.PostAsync(SmsSend, new { phone_number = Phone, user_id = ada.UserId, session_token = minted.SessionToken });

        Assert.That((sent.Status, sent["error_type"]), Is.EqualTo((404, "session_not_found")));
        Assert.That(Stytch.DefaultProject.Users.Get(ada.UserId).PhoneNumbers, Is.Empty);
    }

    // ---- sandbox --------------------------------------------------------------------------------

    [TestCase(SmsSend)]
    [TestCase(WhatsAppSend)]
    [TestCase(SmsLoginOrCreate)]
    [TestCase(WhatsAppLoginOrCreate)]
    public async Task Send_SandboxNumber_AnswersTheSandboxUserAndSendsNothing(string path)
    {
        var sent = await Client.PostAsync(path, new { phone_number = "+10000000000" });

        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        Assert.That((sent["user_id"], sent["phone_id"]), Is.EqualTo((SandboxUserId, "phone-number-test-d5a3b680-e8a3-40c0-b815-ab79986666d0")));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Send_SandboxNumberInALiveProject_Returns400InvalidPhoneNumber()
    {
        var created = await Client.PostAsync("/_fake/v1/projects", new { live = true });
        using var live = new WireClient(Stytch.Url, created["project_id"]!, created["secret"]!);

        var sent = await live.PostAsync(SmsLoginOrCreate, new { phone_number = "+10000000000" });

        Assert.That((sent.Status, sent["error_type"]), Is.EqualTo((400, "invalid_phone_number")));
    }

    [Test]
    public async Task Send_TwoNumbers_EachGetsItsOwnUser()
    {
        var first = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });

        var second = await Client.PostAsync(SmsLoginOrCreate, new { phone_number = OtherPhone });

        Assert.That(second["user_id"], Is.Not.EqualTo(first["user_id"]));
        Assert.That(Stytch.Outbox.LatestFor(OtherPhone).MethodId, Is.EqualTo(second["phone_id"]));
    }
}
