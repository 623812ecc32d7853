namespace Stytch.Fake.Core;

/// <summary>
/// An email that carries a link with a one-time token, before it is sent: to whom, for which method, what for, and the
/// redirect URL (already resolved against the project's list) the link is built on.
/// </summary>
/// <param name="EmailAddress">The recipient, lower case.</param>
/// <param name="MethodId">The email id the token authenticates.</param>
/// <param name="Kind">A login, signup, invite or discovery link.</param>
/// <param name="Locale">The locale asked for (already checked).</param>
/// <param name="RedirectUrl">The URL the link leads to, with the token added to its query.</param>
/// <param name="TokenType">The link's <c>stytch_token_type</c>: <c>magic_links</c>, <c>multi_tenant_magic_links</c>, <c>discovery</c>, …</param>
internal sealed record LinkEmail(string EmailAddress, string MethodId, MessageKind Kind, string Locale, string RedirectUrl, string TokenType)
{
    /// <summary>The login template asked for; empty or null for none.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary>The signup template asked for; empty or null for none.</summary>
    public string? SignupTemplateId { get; init; }
    /// <summary>The invite template asked for; empty or null for none.</summary>
    public string? InviteTemplateId { get; init; }
    /// <summary>The consumer user it is for, or null for a B2B member.</summary>
    public string? UserId { get; init; }
    /// <summary>The B2B organization it is for, or null for a consumer user.</summary>
    public string? OrganizationId { get; init; }
    /// <summary>The B2B member it is for, or null for a consumer user.</summary>
    public string? MemberId { get; init; }
}

/// <summary>Sending one-time links by email (magic links, invites), the same for every product that has them.</summary>
internal static class LinkEmails
{
    /// <summary>
    /// Issues a new token under <paramref name="purpose"/> (the token is its own subject, so it is found by itself) that
    /// lives <paramref name="lifetime"/> from <paramref name="now"/> and carries <paramref name="payload"/>, and puts the
    /// email with its link in the outbox; under the store's lock. Earlier tokens of the same recipient stay valid.
    /// </summary>
    public static OneTimeSecret SendLink(this ProjectStore store, string purpose, TimeSpan lifetime, LinkEmail email, DateTimeOffset now, RequestAttributes? attributes = null, object? payload = null)
    {
        // The token before the message id: a seeded project draws them in this order.
        var token = store.Ids.NewToken();
        var secret = store.Secrets.Issue(new SecretKey(purpose, token), token, now, lifetime, attributes, payload);
        store.Outbox.Add(new OutboxMessage
        {
            MessageId = store.Ids.New("message"),
            EmailAddress = email.EmailAddress,
            Token = token,
            Link = Links.Build(email.RedirectUrl, email.TokenType, token),
            MethodId = email.MethodId,
            Kind = email.Kind,
            UserId = email.UserId,
            Locale = email.Locale,
            LoginTemplateId = NullIfEmpty(email.LoginTemplateId),
            SignupTemplateId = NullIfEmpty(email.SignupTemplateId),
            InviteTemplateId = NullIfEmpty(email.InviteTemplateId),
            SentAt = now,
            ExpiresAt = secret.ExpiresAt,
            OrganizationId = email.OrganizationId,
            MemberId = email.MemberId,
        });
        return secret;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
