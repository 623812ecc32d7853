using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer.Users;

/// <summary>
/// The consumer users of a project, by id, email, email id, phone number, phone id and external id; only touched
/// under the store's lock. Emails, phones and external ids of a user change here, so the indexes follow.
/// </summary>
internal sealed class UserTable : IStorePart
{
    private readonly Dictionary<string, UserRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _byEmailId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _byPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _byPhoneId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _byExternalId = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    /// <summary>Every user, oldest first.</summary>
    public IEnumerable<UserRecord> All => _byId.Values.OrderBy(u => u.CreatedAt);

    public UserRecord? ById(string userId) => _byId.GetValueOrDefault(userId);

    public UserRecord? ByEmail(string email) => _byEmail.GetValueOrDefault(email);

    public UserRecord? ByEmailId(string emailId) => _byEmailId.GetValueOrDefault(emailId);

    public UserRecord? ByPhone(string phoneNumber) => _byPhone.GetValueOrDefault(phoneNumber);

    public UserRecord? ByPhoneId(string phoneId) => _byPhoneId.GetValueOrDefault(phoneId);

    public UserRecord? ByExternalId(string externalId) => _byExternalId.GetValueOrDefault(externalId);

    /// <summary>Adds a user with the emails, phones and external id it already holds; the caller checked they are free.</summary>
    public void Add(UserRecord user)
    {
        _byId.Add(user.UserId, user);
        foreach (var email in user.Emails)
        {
            Index(user, email);
        }

        foreach (var phone in user.Phones)
        {
            Index(user, phone);
        }

        if (user.ExternalId.Length > 0)
        {
            _byExternalId.Add(user.ExternalId, user);
        }
    }

    public void Remove(UserRecord user)
    {
        _byId.Remove(user.UserId);
        foreach (var email in user.Emails)
        {
            _byEmail.Remove(email.Email);
            _byEmailId.Remove(email.EmailId);
        }

        foreach (var phone in user.Phones)
        {
            _byPhone.Remove(phone.PhoneNumber);
            _byPhoneId.Remove(phone.PhoneId);
        }

        _byExternalId.Remove(user.ExternalId);
    }

    /// <summary>Gives <paramref name="user"/> an email the caller checked is free.</summary>
    public void AddEmail(UserRecord user, StytchUserEmail email)
    {
        user.AddEmail(email);
        Index(user, email);
    }

    public void RemoveEmail(UserRecord user, StytchUserEmail email)
    {
        user.RemoveEmail(email);
        _byEmail.Remove(email.Email);
        _byEmailId.Remove(email.EmailId);
    }

    /// <summary>Gives <paramref name="user"/> a phone number the caller checked is free.</summary>
    public void AddPhone(UserRecord user, StytchUserPhone phone)
    {
        user.AddPhone(phone);
        Index(user, phone);
    }

    public void RemovePhone(UserRecord user, StytchUserPhone phone)
    {
        user.RemovePhone(phone);
        _byPhone.Remove(phone.PhoneNumber);
        _byPhoneId.Remove(phone.PhoneId);
    }

    /// <summary>Sets (or, with empty, clears) the user's external id; the caller checked a new one is free.</summary>
    public void SetExternalId(UserRecord user, string externalId)
    {
        _byExternalId.Remove(user.ExternalId);
        user.ExternalId = externalId;
        if (externalId.Length > 0)
        {
            _byExternalId.Add(externalId, user);
        }
    }

    public void Clear()
    {
        _byId.Clear();
        _byEmail.Clear();
        _byEmailId.Clear();
        _byPhone.Clear();
        _byPhoneId.Clear();
        _byExternalId.Clear();
    }

    private void Index(UserRecord user, StytchUserEmail email)
    {
        _byEmail.Add(email.Email, user);
        _byEmailId.Add(email.EmailId, user);
    }

    private void Index(UserRecord user, StytchUserPhone phone)
    {
        _byPhone.Add(phone.PhoneNumber, user);
        _byPhoneId.Add(phone.PhoneId, user);
    }
}
