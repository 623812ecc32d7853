using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Stytch.Fake.Snapshots;

namespace Stytch.Fake.Http;

/// <summary>
/// The request guard on the fake's own server: ASP.NET Core middleware that runs before WireMock's, judges each
/// request by <see cref="RequestGuard.Refusal"/>, bounds its body before it is buffered, and puts Stytch's envelope
/// in place of what Kestrel refuses on its own (<see cref="KestrelRejections"/>).
/// </summary>
internal sealed class GuardMiddleware
{
    private const string SnapshotImport = "admin.snapshot.import";
    private readonly HostAllowList _hosts;
    private readonly RequestPipeline _pipeline;
    private readonly KestrelRejections _rejections;
    private readonly DirectServing _direct;

    /// <param name="hosts">The names the server answers to, computed once for it.</param>
    /// <param name="pipeline">Routes a path for its body limit, and records what is refused.</param>
    /// <param name="direct">Serves what it passes straight from the pipeline while WireMock would only hand it there.</param>
    public GuardMiddleware(HostAllowList hosts, RequestPipeline pipeline, DirectServing direct)
    {
        _hosts = hosts;
        _pipeline = pipeline;
        _direct = direct;
        // Kestrel refuses these before it has a request: no method, path or credentials to record them under.
        _rejections = new KestrelRejections(error => pipeline.Refuse(error, "", "", null));
    }

    /// <summary>Registers Kestrel's body limits and the rejection hook; must run before WireMock adds its endpoints.</summary>
    public void Register(IServiceCollection services)
    {
        _rejections.Install(services);
        // Post-configured, so it wins over WireMock's own setup, which lifts both limits.
        services.PostConfigure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestBodySize = SnapshotJson.MaxBytes;
            options.Limits.MaxRequestBufferSize = 1024 * 1024;
            options.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        });
    }

    /// <summary>Judges one request, then passes it on or answers the refusal.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var headers = new RequestHeaders(request.Headers.Select(h => KeyValuePair.Create(h.Key, (IEnumerable<string?>)h.Value)));
        var localPort = context.Connection.LocalPort;
        var site = new Site(_hosts, port => port == localPort);
        var refusal = RequestGuard.Refusal(site, request.Method, path, headers);
        var snapshot = IsSnapshotImport(request.Method, path);
        var limit = snapshot ? SnapshotJson.MaxBytes : JsonBody.MaxBytes;
        var tooLarge = snapshot ? SnapshotJson.TooLarge : RequestGuard.BodyTooLarge;
        if (refusal is null && request.ContentLength > limit)
        {
            refusal = tooLarge;
        }

        if (refusal is not null)
        {
            await RefuseAsync(context, headers, refusal).ConfigureAwait(false);
            return;
        }

        // A chunked body, or one longer than it said, fails the read at the limit instead of filling memory.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            if (_direct.Applies())
            {
                await _direct.ServeAsync(context, headers, site).ConfigureAwait(false);
            }
            else
            {
                await next(context).ConfigureAwait(false);
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Kestrel logged this as a refusal of its own; the fake answers it, so the envelope must not be swapped.
            _rejections.Handled(context.Connection.Id);
            await RefuseAsync(context, headers, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? tooLarge : RequestGuard.BodyUnreadable).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body: nobody is left to answer.
        }
    }

    /// <summary>Answers <paramref name="error"/> (the envelope only, whoever asked) and records it.</summary>
    private async Task RefuseAsync(HttpContext context, RequestHeaders headers, StytchError error)
    {
        var request = context.Request;
        var rendered = _pipeline.Refuse(error, request.Method, request.Path.Value ?? "", headers.First("Authorization"));
        var response = context.Response;
        response.StatusCode = rendered.StatusCode;
        response.ContentType = rendered.ContentType;
        response.ContentLength = rendered.Body.Length;
        // Whatever body is left unread is not drained on a kept-alive connection: the connection ends.
        response.Headers.Connection = "close";
        await response.Body.WriteAsync(rendered.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The snapshot import's bigger limit is for the one path that reaches it, spelled plainly: asked of the router,
    /// so no other path gets it, and refused to an encoded path, which could route elsewhere once decoded again.
    /// </summary>
    private bool IsSnapshotImport(string method, string path) =>
        HttpMethods.IsPut(method) && !RequestGuard.IsEncoded(path) && _pipeline.Match(method, path) is { Endpoint.Name: SnapshotImport };
}
