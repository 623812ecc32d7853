using Microsoft.AspNetCore.Http;

namespace Stytch.Fake.Http;

/// <summary>
/// Serves a request on the fake's own server straight from the pipeline, ahead of WireMock's mapping match, while that
/// server holds no mapping but the fake's own. WireMock's request and response mapping and its match over every
/// mapping cost as much as the whole state machine (in <c>Stytch.Fake.Benchmarks</c> they halved throughput), and
/// with no other mapping on the server WireMock would hand the request to the pipeline anyway. Once a test adds a
/// mapping of its own, every request goes through WireMock again, so that mapping wins by priority as before.
/// </summary>
internal sealed class DirectServing
{
    private readonly RequestPipeline _pipeline;
    private Func<bool>? _holdsOnlyOwnMapping;

    public DirectServing(RequestPipeline pipeline) => _pipeline = pipeline;

    /// <summary>
    /// From now on, serves directly only while <paramref name="holdsOnlyOwnMapping"/> says the server holds the fake's
    /// mapping and no other. Until this is called the server is still starting, nobody holds it to add a mapping, and
    /// every request is the fake's.
    /// </summary>
    public void Watch(Func<bool> holdsOnlyOwnMapping) => Volatile.Write(ref _holdsOnlyOwnMapping, holdsOnlyOwnMapping);

    /// <summary>Whether WireMock would give this request to the pipeline: no mapping but the fake's could match it.</summary>
    public bool Applies() => Volatile.Read(ref _holdsOnlyOwnMapping) is not { } check || check();

    /// <summary>Runs the request through the pipeline and writes the answer, as WireMock would have.</summary>
    public async Task ServeAsync(HttpContext context, RequestHeaders headers, Site site)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        var incoming = new IncomingRequest(request.Method, request.Path.Value ?? "", QueryOf(request), headers, body, context.RequestAborted);
        var answer = await _pipeline.RunAsync(incoming, site).ConfigureAwait(false);
        if (answer.DropsConnection)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.ContentType = answer.ContentType;
        if (answer.Headers is { } extra)
        {
            foreach (var (name, value) in extra)
            {
                response.Headers[name] = value;
            }
        }

        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The query as the pipeline reads it, from ASP.NET Core's parse: each name's values in order, none split on
    /// commas or semicolons (WireMock's own parse splits both, so <c>?url=https://a/?x=1,2</c> would lose its tail).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> QueryOf(HttpRequest request)
    {
        if (request.Query.Count == 0)
        {
            return NoQuery;
        }

        var query = new Dictionary<string, IReadOnlyList<string>>(request.Query.Count, StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.OfType<string>().ToArray();
        }

        return query;
    }

    /// <summary>The query of a request that has none.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> NoQuery { get; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The whole body: Kestrel's limit, which the guard set, ends an oversized one with a refusal.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length and < JsonBody.MaxBytes ? (int)length : 4096);
        await request.Body.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
