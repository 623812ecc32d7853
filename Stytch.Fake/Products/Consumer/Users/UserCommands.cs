namespace Stytch.Fake.Products.Consumer.Users;

/// <summary>
/// What <c>POST /v1/users</c> and <c>PUT /v1/users/{user_id}</c> set. A null field is left as it is (on create: empty).
/// Metadata come as a change the HTTP layer made (Stytch's top-level merge of JSON), applied to the current text under
/// the store's lock, so the engine never reads JSON.
/// </summary>
internal sealed record UserFields
{
    /// <summary>Create only: the user's email address.</summary>
    public string? Email { get; init; }

    /// <summary>Create only: the user's phone number, E.164.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The parts of the name to set; a null part is kept.</summary>
    public UserNameFields? Name { get; init; }

    /// <summary>The new trusted metadata from the current ones (JSON object text), or null to keep them.</summary>
    public Func<string, string>? TrustedMetadata { get; init; }

    /// <summary>The new untrusted metadata from the current ones, or null to keep them.</summary>
    public Func<string, string>? UntrustedMetadata { get; init; }

    /// <summary>The external id to set; null or empty keeps the current one.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The roles to assign explicitly (replacing the earlier ones), or null to keep them.</summary>
    public IReadOnlyList<string>? Roles { get; init; }
}

/// <summary>A name as a request gives it: each part optional.</summary>
internal sealed record UserNameFields(string? FirstName, string? MiddleName, string? LastName);

/// <summary><c>POST /v1/users</c>'s answer: the user and the ids of the email and phone it was made with (empty for none).</summary>
internal sealed record UserCreated(StytchUser User, string EmailId, string PhoneId);
