using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stytch.Fake.Products.Consumer.Sessions.Wire;

namespace Stytch.Fake.Tests.Products.Consumer.PhoneOtp;

/// <summary>How a session's phone factors are written: Stytch's <c>phone_number_factor</c>, and no <c>email_factor</c>.</summary>
public sealed class PhoneFactorWireTests
{
    private static readonly DateTimeOffset At = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [TestCase(FactorKind.SmsOtp, "sms")]
    [TestCase(FactorKind.WhatsAppOtp, "whatsapp")]
    public void SessionWrite_PhoneFactor_WritesPhoneNumberFactorOnly(FactorKind kind, string deliveryMethod)
    {
        var factor = AuthenticationFactor.Of(kind, null, new FactorPhone("phone-number-test-1", "+14155550123"), "", At, At)!;

        var written = Write(factor);

        Assert.Multiple(() =>
        {
            Assert.That(written["type"]!.GetValue<string>(), Is.EqualTo("otp"));
            Assert.That(written["delivery_method"]!.GetValue<string>(), Is.EqualTo(deliveryMethod));
            Assert.That(written["phone_number_factor"]!["phone_id"]!.GetValue<string>(), Is.EqualTo("phone-number-test-1"));
            Assert.That(written["phone_number_factor"]!["phone_number"]!.GetValue<string>(), Is.EqualTo("+14155550123"));
            Assert.That(written.ContainsKey("email_factor"), Is.False);
        });
    }

    [Test]
    public void SessionWrite_EmailFactor_WritesEmailFactorOnly()
    {
        var written = Write(AuthenticationFactor.EmailOtp("email-test-1", "ada@example.com", At));

        Assert.That(written["email_factor"]!["email_address"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
        Assert.That(written.ContainsKey("phone_number_factor"), Is.False);
    }

    private static JsonObject Write(AuthenticationFactor factor)
    {
        var session = new StytchSession("session-test-1", "user-test-1", "token", At, At, At.AddHours(1), [factor], []);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            SessionWire.WriteValue(writer, session);
        }

        return JsonNode.Parse(Encoding.UTF8.GetString(stream.ToArray()))!["authentication_factors"]![0]!.AsObject();
    }
}
