using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer.Users;

/// <summary>The consumer users of a project, by id, email and email id; only touched under the store's lock.</summary>
internal sealed class UserTable : IStorePart
{
    private readonly Dictionary<string, UserRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _byEmailId = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    /// <summary>Every user, oldest first.</summary>
    public IEnumerable<UserRecord> All => _byId.Values.OrderBy(u => u.CreatedAt);

    public UserRecord? ById(string userId) => _byId.GetValueOrDefault(userId);

    public UserRecord? ByEmail(string email) => _byEmail.GetValueOrDefault(email);

    public UserRecord? ByEmailId(string emailId) => _byEmailId.GetValueOrDefault(emailId);

    public void Add(UserRecord user)
    {
        _byId.Add(user.UserId, user);
        _byEmail.Add(user.Email, user);
        _byEmailId.Add(user.EmailId, user);
    }

    public void Remove(UserRecord user)
    {
        _byId.Remove(user.UserId);
        _byEmail.Remove(user.Email);
        _byEmailId.Remove(user.EmailId);
    }

    public void Clear()
    {
        _byId.Clear();
        _byEmail.Clear();
        _byEmailId.Clear();
    }
}

/// <summary>A consumer user as the engine keeps it: status and verification change in place, under the lock.</summary>
internal sealed class UserRecord(string userId, string email, string emailId, string status, DateTimeOffset createdAt)
{
    public string UserId { get; } = userId;
    public string Email { get; } = email;
    public string EmailId { get; } = emailId;
    public string Status { get; set; } = status;
    public bool EmailVerified { get; set; }
    public DateTimeOffset CreatedAt { get; } = createdAt;

    public static UserRecord From(StytchUser user) =>
        new(user.UserId, user.Email, user.EmailId, user.Status, user.CreatedAt) { EmailVerified = user.EmailVerified };

    public StytchUser ToPublic() => new(UserId, Email, EmailId, EmailVerified, Status, CreatedAt);
}
