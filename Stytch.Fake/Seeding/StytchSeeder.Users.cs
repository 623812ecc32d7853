using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake;

// Consumer users with phone numbers, for tests of phone logins.
public sealed partial class StytchSeeder
{
    /// <summary>
    /// Creates an active (or pending) consumer user with a phone number, and an email too when one is given:
    /// <c>project.Seed.UserWithPhone("+14155550123")</c>. A random valid US number when none is given.
    /// </summary>
    /// <exception cref="StytchException">A malformed or taken number or email (<c>invalid_phone_number</c>, <c>duplicate_phone_number</c>, …).</exception>
    public StytchUser UserWithPhone(string? phoneNumber = null, string? email = null, bool pending = false)
    {
        lock (_gate)
        {
            return CreateWithPhone(phoneNumber ?? RandomPhoneNumber(), email, pending);
        }
    }

    private StytchUser CreateWithPhone(string phoneNumber, string? email, bool pending) =>
        _project.ConsumerProducts.Users.Create(new UserFields { PhoneNumber = phoneNumber, Email = email }, pending).User;

    // 555-01XX numbers are set aside for fiction in North America, and libphonenumber takes them as valid.
    private string RandomPhoneNumber()
    {
        string[] areas = ["201", "212", "312", "415", "503", "617", "646", "702", "713", "917"];
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var candidate = $"+1{Fake.PickRandom(areas)}55501{Fake.Random.Number(0, 99):00}";
            if (E164.IsValid(candidate) && _project.Store.Transact(() => _project.ConsumerProducts.Users.ByPhone(candidate)) is null)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Every fictional phone number the seeder draws from is taken: pass a phone number.");
    }
}
