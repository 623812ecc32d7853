namespace Stytch.Fake.Core;

/// <summary>
/// An email that carries a link with a one-time token, before it is sent (see <see cref="OutgoingEmail"/>), with the
/// redirect URL (already resolved against the project's list) the link is built on.
/// </summary>
/// <param name="EmailAddress">The recipient, lower case.</param>
/// <param name="MethodId">The email id the token authenticates.</param>
/// <param name="Kind">A login, signup, invite or discovery link.</param>
/// <param name="Locale">The locale asked for (already checked).</param>
/// <param name="RedirectUrl">The URL the link leads to, with the token added to its query.</param>
/// <param name="TokenType">The link's <c>stytch_token_type</c>: <c>magic_links</c>, <c>multi_tenant_magic_links</c>, <c>discovery</c>, …</param>
internal sealed record LinkEmail(string EmailAddress, string MethodId, MessageKind Kind, string Locale, string RedirectUrl, string TokenType)
    : OutgoingEmail(EmailAddress, MethodId, Kind, Locale);

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
        store.Outbox.Add(email.ToMessage(store.Ids.New("message"), now, secret.ExpiresAt) with
        {
            Token = token,
            Link = Links.Build(email.RedirectUrl, email.TokenType, token),
        });
        return secret;
    }
}
