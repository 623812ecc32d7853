using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>The SMS and WhatsApp OTP operations' variants for <see cref="SpecConformanceTests"/>: each way they answer 200, and their errors.</summary>
internal static class PhoneOtpConformance
{
    private const string Phone = "+14155550123";
    private const string SmsLoginOrCreate = "/v1/otps/sms/login_or_create";
    private const string SmsSend = "/v1/otps/sms/send";
    private const string WhatsAppLoginOrCreate = "/v1/otps/whatsapp/login_or_create";
    private const string WhatsAppSend = "/v1/otps/whatsapp/send";
    private const string Authenticate = "/v1/otps/authenticate";

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("SmsLoginOrCreate_NewUser", "POST", SmsLoginOrCreate, r => r.Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone })),
        new("SmsLoginOrCreate_EveryField", "POST", SmsLoginOrCreate, r => r.Client.PostAsync(SmsLoginOrCreate, new
        {
            phone_number = Phone, expiration_minutes = 10, locale = "es", create_user_as_pending = true,
            attributes = new { ip_address = "203.0.113.7", user_agent = "Mozilla/5.0" },
        })),
        new("SmsLoginOrCreate_Sandbox", "POST", SmsLoginOrCreate, r => r.Client.PostAsync(SmsLoginOrCreate, new { phone_number = "+10000000000" })),
        new("SmsSend_ExistingNumber", "POST", SmsSend, async r =>
        {
            await r.Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });
            return await r.Client.PostAsync(SmsSend, new { phone_number = Phone, locale = "fr", expiration_minutes = 1 });
        }),
        new("SmsSend_AddedToAUser", "POST", SmsSend, r =>
            r.Client.PostAsync(SmsSend, new { phone_number = Phone, user_id = r.Project.Users.Create("ada@example.com").UserId })),
        new("WhatsAppLoginOrCreate_NewUser", "POST", WhatsAppLoginOrCreate, r => r.Client.PostAsync(WhatsAppLoginOrCreate, new { phone_number = Phone, locale = "pt-br" })),
        new("WhatsAppSend_SessionUser", "POST", WhatsAppSend, r =>
        {
            var minted = r.Project.Sessions.Mint(r.Project.Users.Create("ada@example.com").UserId);
            return r.Client.PostAsync(WhatsAppSend, new { phone_number = Phone, session_jwt = minted.SessionJwt });
        }),
        new("WhatsAppSend_Sandbox", "POST", WhatsAppSend, r => r.Client.PostAsync(WhatsAppSend, new { phone_number = "+10000000000" })),
        new("OtpsAuthenticate_SmsWithSession", "POST", Authenticate, async r =>
        {
            var sent = await r.Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });
            return await r.Client.PostAsync(Authenticate, new { method_id = sent["phone_id"], code = r.Stytch.Outbox.LatestFor(Phone).Code, session_duration_minutes = 60 });
        }),
        new("OtpsAuthenticate_WhatsAppWithoutSession", "POST", Authenticate, async r =>
        {
            var sent = await r.Client.PostAsync(WhatsAppLoginOrCreate, new { phone_number = Phone });
            return await r.Client.PostAsync(Authenticate, new { method_id = sent["phone_id"], code = r.Stytch.Outbox.LatestFor(Phone).Code });
        }),
        new("OtpsAuthenticate_PhoneSandboxWithSession", "POST", Authenticate, r =>
            r.Client.PostAsync(Authenticate, new { method_id = "phone-number-test-d5a3b680-e8a3-40c0-b815-ab79986666d0", code = "000000", session_duration_minutes = 5 })),
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("SmsSendPhoneNumberNotFound", 404, "phone_number_not_found", r => r.Client.PostAsync(SmsSend, new { phone_number = Phone })),
        new("WhatsAppLoginOrCreateInvalidPhoneNumber", 400, "invalid_phone_number", r => r.Client.PostAsync(WhatsAppLoginOrCreate, new { phone_number = "4155550123" })),
        new("SmsSendDuplicatePhoneNumber", 400, "duplicate_phone_number", async r =>
        {
            await r.Client.PostAsync(SmsLoginOrCreate, new { phone_number = Phone });
            return await r.Client.PostAsync(SmsSend, new { phone_number = Phone, user_id = r.Project.Users.Create("ada@example.com").UserId });
        }),
        new("OtpsAuthenticatePhoneWrongCode", 404, "otp_code_not_found", r =>
            r.Client.PostAsync(Authenticate, new { method_id = "phone-number-test-d5a3b680-e8a3-40c0-b815-ab79986666d0", code = "123456" })),
    ];
}
