namespace Stytch.Fake.Http;

/// <summary>
/// A request as the pipeline sees it, whatever server took it: the method, the path percent-decoded once, the query,
/// the headers and the body's bytes.
/// </summary>
/// <param name="Method">The HTTP method, as sent.</param>
/// <param name="Path">The path, percent-decoded once (an encoded <c>/</c> stays inside its segment).</param>
/// <param name="Query">The query parameters by name, each with its values in order.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="Body">The body as received (empty when there is none).</param>
/// <param name="Aborted">Cancelled when the client goes away; never on a server the fake was attached to, which does not expose it.</param>
internal sealed record IncomingRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    RequestHeaders Headers,
    ReadOnlyMemory<byte> Body,
    CancellationToken Aborted = default);

/// <summary>
/// A request's headers, looked up by name without regard to case. Two rules read one value out of a header that may
/// be repeated, one per purpose: <see cref="First"/> for credentials, <see cref="Sole"/> for what the guard judges.
/// </summary>
internal sealed class RequestHeaders
{
    /// <summary>What <see cref="Sole"/> reads for a repeated header: an opaque origin, allowed nowhere.</summary>
    public const string Repeated = "null";

    private readonly Dictionary<string, string[]> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="headers">Name and values of each header; a later spelling of a name already seen is ignored.</param>
    public RequestHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string?>>> headers)
    {
        foreach (var (name, values) in headers)
        {
            _values.TryAdd(name, values.OfType<string>().ToArray());
        }
    }

    /// <summary>
    /// The first value of <paramref name="name"/>, or null: for credentials (<c>Authorization</c>,
    /// <c>X-Admin-Token</c>), where a repeat cannot widen what the first one grants, since every check runs on that one value.
    /// </summary>
    public string? First(string name) => _values.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;

    /// <summary>
    /// The value of <paramref name="name"/> when it is sent once, null when it is not sent, and <see cref="Repeated"/>
    /// when it is sent twice or more: for what the request guard judges (<c>Host</c>, <c>Origin</c>, <c>Content-Type</c>),
    /// where a second value is as good as a foreign one, so a repeat can never pass a check the first value would fail.
    /// </summary>
    public string? Sole(string name) =>
        _values.TryGetValue(name, out var values) && values.Length > 0 ? (values.Length == 1 ? values[0] : Repeated) : null;
}
