using System.Buffers;
using PhoneNumbers;

namespace Stytch.Fake.Core;

/// <summary>
/// Phone numbers as Stytch takes them: E.164 (a <c>+</c>, the country code and the national number, digits only), and a
/// real number of that country by Google's libphonenumber data (Stytch refuses numbers that cannot exist, such as
/// <c>+15555550100</c>: 555 is no US area code).
/// </summary>
internal static class E164
{
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Whether <paramref name="phoneNumber"/> is a valid number written in E.164.</summary>
    public static bool IsValid(string? phoneNumber)
    {
        if (phoneNumber is not { Length: >= 8 and <= 16 } || phoneNumber[0] != '+' || phoneNumber.AsSpan(1).ContainsAnyExcept(Digits))
        {
            return false;
        }

        try
        {
            var parsed = Util.Parse(phoneNumber, null);
            return Util.IsValidNumber(parsed) && Util.Format(parsed, PhoneNumberFormat.E164) == phoneNumber;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary><paramref name="phoneNumber"/> once checked by <see cref="IsValid"/>.</summary>
    /// <exception cref="StytchException"><c>invalid_phone_number</c>.</exception>
    public static string Check(string? phoneNumber) =>
        IsValid(phoneNumber) ? phoneNumber! : throw new StytchException(StytchError.InvalidPhoneNumber);
}
