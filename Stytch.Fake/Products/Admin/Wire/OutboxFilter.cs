using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// The outbox back doors' query filters: <c>email_address</c> (email messages, without regard to case) or
/// <c>phone_number</c> (SMS and WhatsApp messages), and <c>kind</c>. A filter given but empty, both recipients at
/// once, or an unknown kind is a 400.
/// </summary>
internal sealed record OutboxFilter(Func<OutboxMessage, bool> Match, string Describe)
{
    public static OutboxFilter Of(ApiCall call, bool recipientRequired)
    {
        var email = NonEmpty(call, "email_address");
        var phone = PhoneOf(NonEmpty(call, "phone_number"));
        if (email is not null && phone is not null)
        {
            throw Validate.BadRequest("Give email_address or phone_number, not both: a message goes to one of them.");
        }

        if (recipientRequired && email is null && phone is null)
        {
            throw Validate.BadRequest("Name the recipient to wait for: email_address or phone_number.");
        }

        MessageKind? kind = null;
        if (call.Query("kind") is { } kindName)
        {
            kind = MessageKindNames.TryParse(kindName, out var parsed)
                ? parsed
                : throw Validate.BadRequest($"kind must be one of {MessageKindNames.All}, not '{Validate.Clip(kindName)}'.");
        }

        var to = email ?? phone;
        var describe = (kind is { } k ? $"of kind {MessageKindNames.Of(k)} " : "") + (to is null ? "" : $"to '{to}'");
        return new(
            m => (kind is null || m.Kind == kind)
                && (email is null || (m.Channel == DeliveryChannel.Email && string.Equals(m.EmailAddress, email, StringComparison.OrdinalIgnoreCase)))
                && (phone is null || (m.Channel != DeliveryChannel.Email && string.Equals(m.PhoneNumber, phone, StringComparison.Ordinal))),
            describe.TrimEnd());
    }

    private static string? NonEmpty(ApiCall call, string name) => call.Query(name) switch
    {
        null => null,
        var v when string.IsNullOrWhiteSpace(v) => throw Validate.BadRequest($"{name} is empty; leave it out to match every recipient."),
        var v => v,
    };

    // An unescaped '+' in a query string reads as a space: " 15555550100" is taken as "+15555550100".
    private static string? PhoneOf(string? value) =>
        value is not null && value.StartsWith(' ') && value.TrimStart().All(char.IsAsciiDigit) ? "+" + value.TrimStart() : value?.Trim();
}
